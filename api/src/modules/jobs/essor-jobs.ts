import type { DataSource } from 'typeorm';
import { purgeResponseCache } from '../../common/cache/response-cache';
import {
  jobRunnerOptionsFromEnv,
  startJobRunner,
  type JobDefinition,
  type JobRunner,
  type JobRunnerOptions,
} from '../../common/jobs/job-runner';
import { deliverMail, SEND_MAIL_JOB } from '../../common/mail/mailer';
import { mailConfigFromEnv, smtpTransport, type MailConfig, type MailTransport } from '../../common/mail/mail-transport';
import { logger } from '../../common/log/logger';
import { refreshSnapshot } from '../observatory/snapshot.service';
import { runRetention } from '../person/person-gdpr.service';
import { jobSchedulesFromEnv, retentionLimitsFromEnv, type JobSchedules, type RetentionLimits } from './jobs.config';
import { MAIL_TEMPLATES } from './mail-templates';
import { purgeExpired } from './retention-purges';

/** The job that sends one mail (enqueued with it by common/mail/mailer.ts). */
export function sendMailJob(transport: MailTransport | null, config: MailConfig = mailConfigFromEnv()): JobDefinition {
  return {
    name: SEND_MAIL_JOB,
    label: 'Envoi des e-mails',
    maxAttempts: config.maxAttempts,
    async run({ ds, payload, attempt, maxAttempts }) {
      const outcome = await deliverMail(ds, String(payload.mailId), {
        templates: MAIL_TEMPLATES,
        transport,
        from: config.from,
        env: { publicUrl: config.publicUrl },
        attempt,
        maxAttempts,
      });
      return { [outcome === 'kept-in-outbox' ? 'keptInOutbox' : outcome === 'already-done' ? 'alreadyDone' : outcome]: 1 };
    },
  };
}

export interface EssorJobsConfig {
  schedules: JobSchedules;
  retention: RetentionLimits;
  mail: MailConfig;
  transport: MailTransport | null;
}

/** The platform's jobs: what main.ts hands to the runner, and what the admin page lists. */
export function essorJobs(c: EssorJobsConfig): JobDefinition[] {
  return [
    {
      name: 'observatory-snapshots',
      label: 'Instantanés de l’observatoire',
      schedule: c.schedules.snapshots,
      manual: true,
      async run({ ds }) {
        await refreshSnapshot(ds);
      },
    },
    {
      name: 'retention',
      label: 'Anonymisation des personnes (durée de conservation)',
      schedule: c.schedules.retention,
      manual: true,
      async run({ ds }) {
        return { anonymised: await runRetention(ds) };
      },
    },
    {
      name: 'purge-expired',
      label: 'Purge des sessions, tentatives de connexion, jetons, e-mails et historiques expirés',
      schedule: c.schedules.purge,
      manual: true,
      async run({ ds, workerUtils }) {
        const counts = await purgeExpired(ds, c.retention);
        // graphile-worker's jobs that failed for good (their history is in job_run).
        await workerUtils.cleanup({ tasks: ['DELETE_PERMAFAILED_JOBS', 'GC_JOB_QUEUES'] });
        return counts;
      },
    },
    {
      name: 'purge-response-cache',
      label: 'Purge du cache des réponses publiques',
      schedule: c.schedules.responseCache,
      manual: true,
      async run({ ds }) {
        await purgeResponseCache(ds);
      },
    },
    sendMailJob(c.transport, c.mail),
  ];
}

/** The configuration of every job, from the environment (a mistake stops the start-up). */
export function essorJobsConfigFromEnv(env: NodeJS.ProcessEnv = process.env, transport: MailTransport | null = null) {
  return {
    schedules: jobSchedulesFromEnv(env),
    retention: retentionLimitsFromEnv(env),
    mail: mailConfigFromEnv(env),
    transport,
  } satisfies EssorJobsConfig;
}

let catalog: JobDefinition[] | undefined;
/** The jobs as the admin page shows them (names, labels, schedules). */
export function jobCatalog(): JobDefinition[] {
  return (catalog ??= essorJobs(essorJobsConfigFromEnv()));
}

/**
 * main.ts: starts this replica's worker (unless ESSOR_JOBS=0) with the platform's jobs and the
 * mail transport of ESSOR_SMTP_URL; returns what to stop on shutdown.
 */
export async function startEssorJobs(ds: DataSource, options: JobRunnerOptions = jobRunnerOptionsFromEnv()): Promise<JobRunner> {
  const config = essorJobsConfigFromEnv();
  const transport = config.mail.smtpUrl ? smtpTransport(config.mail.smtpUrl) : null;
  if (transport) {
    logger.info({ smtpHost: new URL(config.mail.smtpUrl!).host }, 'mail: sent through SMTP (ESSOR_SMTP_URL)');
  } else {
    logger.warn(
      'mail: ESSOR_SMTP_URL is not set: no mail leaves the platform, it stays in web-admin’s « Boîte d’envoi » (development only)',
    );
  }
  const runner = await startJobRunner(ds, essorJobs({ ...config, transport }), options);
  return {
    running: runner.running,
    async stop() {
      await runner.stop();
      transport?.close();
    },
  };
}
