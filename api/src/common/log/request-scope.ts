import { AsyncLocalStorage } from 'node:async_hooks';

/** What the log line of one HTTP request gathers while the request is served. */
export interface RequestScope {
  requestId: string;
  /** `performance.now()` when the request arrived. */
  startedAt: number;
  /** The resolved operation's name, when it has one. */
  operationName?: string;
  /** `extensions.code` of each error of the response, in order. */
  errorCodes: string[];
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (and everything it starts) inside the scope of one request. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The scope of the request being served, if any (none in scheduled jobs, CLIs, startup). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
