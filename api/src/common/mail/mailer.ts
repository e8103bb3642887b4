import { DataSource, type EntityManager } from 'typeorm';
import { enqueueJob } from '../jobs/job-queue';
import { jobErrorMessage } from '../jobs/job-error';
import { queryRow, queryRows, sql } from '../sql/sql';
import type { RenderedMail } from './mail-layout';
import { mailConfigFromEnv, type MailTransport } from './mail-transport';

/**
 * Mail is a queue (table mail_outbox, one graphile-worker job `send-mail` per message):
 * `queued → sent / failed`. A queued mail holds no secret: a template name and non-secret
 * parameters (an account id, a submission id). The job renders it at sending time (a template
 * may then create a single-use token, storing only its hash) and hands it to SMTP.
 */

/** The job that sends one mail. */
export const SEND_MAIL_JOB = 'send-mail';

export interface MailRenderEnv {
  /** ESSOR_PUBLIC_URL without a trailing slash. */
  publicUrl: string;
}

export interface MailTemplate<P extends Record<string, unknown> = Record<string, unknown>> {
  /** Stored with the mail (`invitation`, `password-reset`…). */
  name: string;
  /** Subject, in French (no personal data: it is shown before the message is rendered). */
  subject: string;
  /**
   * The rendered message holds a secret (a reset link): it is then never stored once an SMTP
   * transport sent it.
   */
  secret: boolean;
  /**
   * Renders the message in the sending transaction (what it writes, a token, is rolled back if
   * the transport refuses the message). Null: nothing to send any more (the account was
   * disabled, the proposal erased): the mail ends `failed`, cancelled.
   */
  render(m: EntityManager, params: P, env: MailRenderEnv): Promise<RenderedMail | null>;
}

export interface EnqueueMailOptions {
  /** Attempts before the mail is `failed` (graphile-worker's exponential backoff in between); default ESSOR_MAIL_MAX_ATTEMPTS. */
  maxAttempts?: number;
}

/**
 * Queues a mail and its sending job, on the caller's connection: called in a transaction, both
 * exist only if it commits. `params` must hold no secret and no more personal data than needed.
 */
export async function enqueueMail<P extends Record<string, unknown>>(
  m: DataSource | EntityManager,
  template: MailTemplate<P>,
  to: string,
  params: P,
  opts: EnqueueMailOptions = {},
): Promise<string> {
  const maxAttempts = opts.maxAttempts ?? mailConfigFromEnv().maxAttempts;
  const run = async (tx: EntityManager) => {
    const row = (await queryRow(
      tx,
      sql<{ id: string }>`INSERT INTO mail_outbox (recipient, subject, template, params)
        VALUES (${to}, ${template.subject}, ${template.name}, ${JSON.stringify(params)}) RETURNING id::text`,
    ))!;
    await enqueueJob(tx, SEND_MAIL_JOB, { mailId: row.id }, { maxAttempts, jobKey: `mail:${row.id}` });
    return row.id;
  };
  // A data source gets a transaction of its own; an entity manager is the caller's transaction.
  return m instanceof DataSource ? m.transaction(run) : run(m);
}

export interface DeliveryOptions {
  templates: ReadonlyMap<string, MailTemplate<never>>;
  /** null: no transport configured (development): the rendered message stays in the outbox. */
  transport: MailTransport | null;
  from: string;
  env: MailRenderEnv;
  /** This attempt (1 for the first) and the mail's last one: on the last, a failure is final. */
  attempt: number;
  maxAttempts: number;
}

export type DeliveryOutcome = 'sent' | 'kept-in-outbox' | 'cancelled' | 'already-done';

/** A row of mail_outbox as the sending job reads it. */
interface QueuedMail {
  recipient: string;
  subject: string;
  template: string | null;
  params: never;
  status: string;
}

const CANCELLED = 'Message annulé : son destinataire ou son objet n’existe plus (compte désactivé, proposition effacée).';

/**
 * Sends one queued mail (the job `send-mail`). The mail's row is locked for the whole attempt, so
 * a second attempt elsewhere waits, then finds it done. A transport's refusal rolls the attempt
 * back (a token created while rendering is gone), records the attempt and its sanitised error,
 * and rethrows: the job is retried, and on the last attempt the mail ends `failed`.
 */
export async function deliverMail(ds: DataSource, mailId: string, o: DeliveryOptions): Promise<DeliveryOutcome> {
  try {
    return await ds.transaction(async (m) => {
      const mail = await queryRow(
        m,
        sql<QueuedMail>`SELECT recipient, subject, template, params, status FROM mail_outbox WHERE id = ${mailId} FOR UPDATE`,
      );
      if (!mail || mail.status !== 'queued') return 'already-done';
      const template = mail.template ? o.templates.get(mail.template) : undefined;
      if (!template) throw new Error(`unknown mail template ${mail.template ?? '(none)'}`);
      const rendered = await template.render(m, mail.params, o.env);
      if (!rendered) {
        await queryRows(
          m,
          sql`UPDATE mail_outbox SET status = 'failed', attempts = attempts + 1, last_error = ${CANCELLED} WHERE id = ${mailId}`,
        );
        return 'cancelled';
      }
      if (o.transport) {
        await o.transport.send({ from: o.from, to: mail.recipient, subject: mail.subject, ...rendered });
      }
      // The rendered message is kept when it holds no secret, or when there is no transport
      // (development: the admin's outbox is then the mailbox; purged like sent mail).
      const keep = !o.transport || !template.secret;
      await queryRows(
        m,
        sql`UPDATE mail_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL,
           transport = ${o.transport ? 'smtp' : 'outbox'}, body = ${keep ? rendered.text : null}, html = ${keep ? rendered.html : null}
         WHERE id = ${mailId}`,
      );
      return o.transport ? 'sent' : 'kept-in-outbox';
    });
  } catch (error) {
    const final = o.attempt >= o.maxAttempts;
    await queryRows(
      ds,
      sql`UPDATE mail_outbox SET attempts = attempts + 1, last_error = ${jobErrorMessage(error)},
         status = CASE WHEN ${final} THEN 'failed' ELSE status END
       WHERE id = ${mailId} AND status = 'queued'`,
    );
    throw error;
  }
}
