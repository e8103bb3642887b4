import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Role, Viewer } from '../../common/auth/roles';
import { queryRow, queryRows, sql } from '../../common/sql/sql';

export const SESSION_COOKIE = 'essor_session';
export const SESSION_DAYS = Number(process.env.ESSOR_SESSION_DAYS ?? 14);

export const sha256 = (token: string) => createHash('sha256').update(token).digest();

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Creates a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(
  ds: DataSource,
  accountId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; expires: Date }> {
  const token = newToken();
  const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await queryRows(
    ds,
    sql`INSERT INTO session (token_hash, account_id, expires_at, user_agent, ip)
     VALUES (${sha256(token)}, ${accountId}, ${expires}, ${meta.userAgent?.slice(0, 300) ?? null}, ${meta.ip}::inet)`,
  );
  return { token, expires };
}

interface SessionViewerRow {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  structure_ids: string[];
  sector_ids: string[];
}

/**
 * The viewer of a session token, in one statement (account, roles and scopes), refreshing
 * `last_seen_at` at most every 5 minutes. Null for unknown, expired or disabled.
 */
export async function viewerOfToken(ds: DataSource, token: string | undefined): Promise<Viewer | null> {
  if (!token || token.length > 100) return null;
  const hash = sha256(token);
  const r = await queryRow(
    ds,
    sql<SessionViewerRow>`WITH s AS (SELECT account_id FROM session WHERE token_hash = ${hash} AND expires_at > now()),
       touch AS (UPDATE session SET last_seen_at = now()
         WHERE token_hash = ${hash} AND last_seen_at < now() - interval '5 minutes')
       SELECT a.id::text, a.email, a.display_name, a.roles,
         ARRAY(SELECT structure_id::text FROM account_structure WHERE account_id = a.id) AS structure_ids,
         ARRAY(SELECT sector_id::text FROM account_sector WHERE account_id = a.id) AS sector_ids
       FROM s JOIN account a ON a.id = s.account_id WHERE NOT a.disabled`,
  );
  return r
    ? {
        accountId: r.id,
        email: r.email,
        displayName: r.display_name,
        roles: r.roles,
        structureIds: r.structure_ids,
        sectorIds: r.sector_ids,
      }
    : null;
}

export async function deleteSession(ds: DataSource, token: string | undefined): Promise<void> {
  if (token) await queryRows(ds, sql`DELETE FROM session WHERE token_hash = ${sha256(token)}`);
}

export async function deleteSessionsOf(ds: DataSource, accountId: string): Promise<void> {
  await queryRows(ds, sql`DELETE FROM session WHERE account_id = ${accountId}`);
}
