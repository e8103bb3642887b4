import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { hasReplicas, readPrimaryInThisRequest } from '../reads';
import { currentTally, type StatementTally } from './statement-counter';

/**
 * Which server the loaders of a request read when the API has streaming replicas
 * (`DATABASE_REPLICA_URLS`, see rows.ts), decided once per request:
 * - a mutation reads the primary (what it answers must show what it wrote);
 * - a signed-in session that ran a mutation less than `ESSOR_READ_YOUR_WRITES_S` (default 5) ago
 *   reads the primary, so that it sees its own writes whatever the replicas' lag. The API keeps no
 *   state in the process (several replicas of it serve the same sessions): the time of the last
 *   write travels in the `essor_w` cookie, a plain timestamp (ms). It only routes reads: a forged
 *   one can only send a client's reads to the primary, which any client may already do by writing.
 * - everything else (anonymous reads above all) reads a replica.
 * Anonymous mutations (proposals) get no cookie: nobody reads them back at once.
 * Without replicas, nothing happens (no cookie either).
 */
export const WRITE_COOKIE = 'essor_w';

/** ESSOR_READ_YOUR_WRITES_S in ms (validated at start-up by config.ts). */
function readYourWritesMs(): number {
  const raw = Number(process.env.ESSOR_READ_YOUR_WRITES_S ?? 5);
  return Number.isFinite(raw) && raw >= 0 ? raw * 1000 : 5000;
}

/** Sets the write cookie of the request's session, for the request (by its statement tally). */
const writeMarkers = new WeakMap<StatementTally, () => void>();

/** The time of the last write of the request's cookie, if any (ms). */
function lastWriteOf(req: Request): number | null {
  const m = /(?:^|;\s*)essor_w=(\d{1,16})(?:;|$)/.exec(req.headers.cookie ?? '');
  return m ? Number(m[1]) : null;
}

/** Called by the GraphQL context of each request (app.ts): routes its reads and prepares its cookie. */
export function routeReads(ds: DataSource, req: Request, res: Response, signedIn: boolean): void {
  const tally = currentTally();
  if (!tally || !hasReplicas(ds)) return;
  const windowMs = readYourWritesMs();
  const at = lastWriteOf(req);
  const now = Date.now();
  // A time far in the future (a forged or broken cookie) routes nothing; a little clock skew between hosts does.
  if (at !== null && now - at < windowMs && at < now + 60_000) readPrimaryInThisRequest();
  if (signedIn && windowMs > 0) {
    writeMarkers.set(tally, () =>
      res.cookie(WRITE_COOKIE, String(Date.now()), {
        httpOnly: true,
        secure: process.env.ESSOR_COOKIE_SECURE !== '0',
        sameSite: 'lax',
        path: '/',
        maxAge: windowMs,
      }),
    );
  }
}

/** Apollo plugin: a mutation reads the primary and, for a signed-in session, sets the write cookie. */
export function readRoutingPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'mutation') return;
          readPrimaryInThisRequest();
          const tally = currentTally();
          if (tally) writeMarkers.get(tally)?.();
        },
      };
    },
  };
}
