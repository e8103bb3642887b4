import { createHash } from 'node:crypto';
import type { Context } from '../context';
import { commonErrors } from '../domain-error';
import { queryRows, sql } from '../sql/sql';

/** A budget of requests per key (an IP, an e-mail) and per window (which starts at the key's first hit). */
export interface RateLimit {
  /** Stable name of the counter, e.g. `password-reset:email`. */
  bucket: string;
  max: number;
  windowMinutes: number;
}

/** A positive integer of the environment, else the fallback. */
export const positiveInt = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};

/** Limits of the public mutations that send mail or fill the moderation queue. */
export const RATE_LIMITS = {
  /** requestPasswordReset, per e-mail (existing account or not). */
  passwordResetPerEmail: {
    bucket: 'password-reset:email',
    max: positiveInt('ESSOR_RESET_MAX_PER_EMAIL', 3),
    windowMinutes: 60,
  },
  /** requestPasswordReset, per IP. */
  passwordResetPerIp: { bucket: 'password-reset:ip', max: positiveInt('ESSOR_RESET_MAX_PER_IP', 10), windowMinutes: 60 },
  /** proposeStructure and suggestCorrection together, per IP. */
  submissionsPerIp: { bucket: 'submission:ip', max: positiveInt('ESSOR_SUBMISSIONS_MAX_PER_IP', 20), windowMinutes: 60 },
} satisfies Record<string, RateLimit>;

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Counts one request against each limit, for its key, in PostgreSQL: the API keeps no state in
 * the process (several replicas share these counters), and one atomic statement increments them
 * all, so concurrent requests cannot both take the last place. Over any limit: RATE_LIMITED, with
 * the same message whichever limit it is (it never tells whether an account exists). A null key
 * (no HTTP exchange) is not counted. Keys are stored hashed; past windows are deleted on the way.
 */
export async function hitRateLimits(
  ctx: Context,
  what: string,
  hits: ReadonlyArray<readonly [RateLimit, string | null]>,
): Promise<void> {
  const counted = hits.filter(([, key]) => key !== null && key !== '') as Array<readonly [RateLimit, string]>;
  if (!counted.length) return;
  const rows = await queryRows(
    ctx.ds,
    sql<{ bucket: string; hits: number; retry_after: number }>`WITH h AS (
       SELECT bucket, decode(key_hex, 'hex') AS key_hash, minutes
       FROM unnest(${counted.map(([l]) => l.bucket)}::text[], ${counted.map(([, key]) => hashOf(key))}::text[],
         ${counted.map(([l]) => l.windowMinutes)}::int[]) AS h(bucket, key_hex, minutes)
     ), expired AS (
       DELETE FROM rate_limit_counter d WHERE d.window_end < now()
         AND NOT EXISTS (SELECT 1 FROM h WHERE h.bucket = d.bucket AND h.key_hash = d.key_hash)
     )
     INSERT INTO rate_limit_counter AS c (bucket, key_hash, window_end, hits)
     SELECT bucket, key_hash, now() + make_interval(mins => minutes), 1 FROM h
     ON CONFLICT (bucket, key_hash) DO UPDATE SET
       hits = CASE WHEN c.window_end <= now() THEN 1 ELSE c.hits + 1 END,
       window_end = CASE WHEN c.window_end <= now() THEN excluded.window_end ELSE c.window_end END
     RETURNING c.bucket, c.hits, ceil(extract(epoch FROM c.window_end - now()))::int AS retry_after`,
  );
  const over = rows.filter((r) => r.hits > counted.find(([l]) => l.bucket === r.bucket)![0].max);
  if (!over.length) return;
  const retryAfterSeconds = Math.max(1, ...over.map((r) => r.retry_after));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  throw commonErrors.rateLimited({ what, minutes }, { retryAfterSeconds });
}
