import type { Context } from '../../common/context';
import { pageSize } from '../../common/pagination/connection';
import { queryRows, sql } from '../../common/sql/sql';

export interface MailRow {
  id: string;
  recipient: string;
  subject: string;
  template: string | null;
  status: string;
  transport: string | null;
  attempts: number;
  lastError: string | null;
  body: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** The mail of the platform, newest first, of some statuses (every status when none is given). */
export function listMail(ctx: Context, a: { first?: number | null; status?: readonly string[] | null }): Promise<MailRow[]> {
  const size = pageSize(a.first);
  const status = a.status?.length ? a.status : null;
  return queryRows(
    ctx.ds,
    sql<MailRow>`SELECT id::text, recipient, subject, template, status, transport, attempts, last_error AS "lastError", body,
            created_at AS "createdAt", sent_at AS "sentAt"
     FROM mail_outbox WHERE (${status}::text[] IS NULL OR status = ANY(${status}::text[])) ORDER BY mail_outbox.id DESC LIMIT ${size}`,
  );
}
