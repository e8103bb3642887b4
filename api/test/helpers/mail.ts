import type { DataSource } from 'typeorm';
import { deliverMail } from '../../src/common/mail/mailer';
import { mailConfigFromEnv } from '../../src/common/mail/mail-transport';
import { MAIL_TEMPLATES } from '../../src/modules/jobs/mail-templates';

export interface OutboxMail {
  id: string;
  subject: string;
  status: string;
  body: string | null;
  html: string | null;
}

/**
 * The mail of `recipient`, newest first, after its queued messages were delivered as the job
 * `send-mail` does without an SMTP transport (development: rendered into the outbox). Their
 * queued jobs are removed (a worker of another test file would find them done anyway).
 */
export async function deliveredMailTo(ds: DataSource, recipient: string): Promise<OutboxMail[]> {
  const config = mailConfigFromEnv({});
  const queued: Array<{ id: string }> = await ds.query(
    `SELECT id::text FROM mail_outbox WHERE recipient = $1 AND status = 'queued' ORDER BY id`,
    [recipient],
  );
  for (const { id } of queued) {
    await deliverMail(ds, id, {
      templates: MAIL_TEMPLATES,
      transport: null,
      from: config.from,
      env: { publicUrl: config.publicUrl },
      attempt: 1,
      maxAttempts: 1,
    });
    await ds.query(`SELECT graphile_worker.remove_job($1)`, [`mail:${id}`]);
  }
  return ds.query(`SELECT id::text, subject, status, body, html FROM mail_outbox WHERE recipient = $1 ORDER BY id DESC`, [
    recipient,
  ]);
}
