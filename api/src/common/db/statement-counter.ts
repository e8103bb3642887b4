import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger, QueryRunner } from 'typeorm';
import { logger } from '../log/logger';
import { safeMessage, truncateStatement } from '../log/log-safe';

/** Counts the SQL statements issued while serving one request. */
export interface StatementTally {
  count: number;
  statements?: string[];
}

const storage = new AsyncLocalStorage<StatementTally>();

export function runWithTally<T>(tally: StatementTally, fn: () => T): T {
  return storage.run(tally, fn);
}

export function currentTally(): StatementTally | undefined {
  return storage.getStore();
}

/** What of a failed statement's error may be logged: never its parameters, nor PostgreSQL's DETAIL (it quotes values). */
function sqlError(error: string | Error) {
  if (typeof error === 'string') return { message: safeMessage(error) };
  const e = error as Error & { code?: unknown; constraint?: unknown; table?: unknown; column?: unknown };
  return {
    ...(typeof e.code === 'string' ? { sqlState: e.code } : {}),
    message: safeMessage(e.message ?? ''),
    ...(typeof e.constraint === 'string' ? { constraint: e.constraint } : {}),
    ...(typeof e.table === 'string' ? { table: e.table } : {}),
    ...(typeof e.column === 'string' ? { column: e.column } : {}),
  };
}

/**
 * TypeORM logger: counts every statement of the current request, logs errors and slow queries.
 * Statement parameters are never logged: they hold e-mails, password hashes, tokens, IPs.
 */
export class CountingLogger implements Logger {
  constructor(private readonly logQueries = false) {}

  logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    const tally = storage.getStore();
    if (tally) {
      tally.count += 1;
      tally.statements?.push(query);
    }
    if (this.logQueries) logger.info({ statement: truncateStatement(query, 2000) }, 'sql');
  }
  logQueryError(error: string | Error, query: string, _parameters?: unknown[]): void {
    logger.error({ ...sqlError(error), statement: truncateStatement(query) }, 'sql error');
  }
  logQuerySlow(time: number, query: string): void {
    logger.warn({ durationMs: time, statement: truncateStatement(query) }, 'slow sql');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (process.env.ESSOR_QUIET_MIGRATIONS !== '1') logger.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    // The pool reports the server's shutdown (Ctrl-C stops PostgreSQL too): not worth a warning.
    if (level === 'warn' && !/terminating connection due to administrator command/.test(String(message))) {
      logger.warn({ source: 'typeorm' }, message instanceof Error ? safeMessage(message.message) : safeMessage(String(message)));
    }
  }
}
