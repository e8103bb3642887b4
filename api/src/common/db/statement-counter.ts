import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger, QueryRunner } from 'typeorm';

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

/** TypeORM logger: counts every statement of the current request, logs errors and slow queries. */
export class CountingLogger implements Logger {
  constructor(private readonly logQueries = false) {}

  logQuery(query: string, parameters?: unknown[], _queryRunner?: QueryRunner): void {
    const tally = storage.getStore();
    if (tally) {
      tally.count += 1;
      tally.statements?.push(query);
    }
    if (this.logQueries) console.log('[sql]', query, parameters ?? '');
  }
  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    const params = parameters ? JSON.stringify(parameters).slice(0, 300) : '';
    console.error('[sql error]', typeof error === 'string' ? error : error.message, '\n', query.slice(0, 1000), params);
  }
  logQuerySlow(time: number, query: string): void {
    console.warn(`[sql slow ${time} ms]`, query.slice(0, 500));
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (process.env.ESSOR_QUIET_MIGRATIONS !== '1') console.log('[migration]', message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    // The pool reports the server's shutdown (Ctrl-C stops PostgreSQL too): not worth a warning.
    if (level === 'warn' && !/terminating connection due to administrator command/.test(String(message))) {
      console.warn(message);
    }
  }
}
