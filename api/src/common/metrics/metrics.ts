import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { KNOWN_OPERATIONS } from './known-operations';

/**
 * Prometheus metrics of this process (prom-client), served by `/metrics` (common/http/health.ts).
 *
 * Counters and histograms are per process by nature: each replica counts what it served and
 * Prometheus scrapes every replica (it sums them); nothing here is state the API depends on.
 * Labels never hold personal data nor values a client chooses freely: no e-mails, addresses,
 * ids, query texts; operation names only from the SPAs' documents (`known-operations.ts`).
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const metrics = {
  /** Every HTTP request, by method, class of route (`routeClassOf`) and status. */
  httpDuration: new Histogram({
    name: 'essor_http_request_duration_seconds',
    help: 'Duration of HTTP requests, by method, class of route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: SECONDS,
    registers: [registry],
  }),
  /** GraphQL operations, from the request's arrival to the response, by operation name (`operationLabel`). */
  operationDuration: new Histogram({
    name: 'essor_graphql_operation_duration_seconds',
    help: "Duration of GraphQL operations, by operation name (the SPAs' operations; `other` for any other)",
    labelNames: ['operation'] as const,
    buckets: SECONDS,
    registers: [registry],
  }),
  /** SQL statements (round trips) one operation issued. */
  operationStatements: new Histogram({
    name: 'essor_graphql_operation_sql_statements',
    help: 'SQL statements issued by one GraphQL operation, by operation name',
    labelNames: ['operation'] as const,
    buckets: [0, 1, 2, 3, 5, 8, 13, 20, 30, 50, 100],
    registers: [registry],
  }),
  /** Errors of GraphQL responses by `extensions.code` (INTERNAL_SERVER_ERROR: masked errors). */
  errors: new Counter({
    name: 'essor_graphql_errors_total',
    help: 'Errors of GraphQL responses, by extensions.code',
    labelNames: ['code'] as const,
    registers: [registry],
  }),
  /** Anonymous public queries the shared response cache could answer: `hit` or `miss` (common/cache/response-cache.ts). */
  responseCache: new Counter({
    name: 'essor_response_cache_requests_total',
    help: 'Lookups of the shared response cache, by result (hit, miss)',
    labelNames: ['result'] as const,
    registers: [registry],
  }),
  /**
   * Runs of background jobs, for the job runner to feed: `metrics.jobRuns.inc({ task: 'send_mail' })`
   * after each run, `metrics.jobFailures.inc({ task })` after each failed attempt. `task` is the task's
   * identifier (a name in the code, never a job's payload). The queues themselves (jobs waiting or
   * failed, mail queued) are read from the database at each scrape: common/metrics/database-metrics.ts.
   */
  jobRuns: new Counter({
    name: 'essor_job_runs_total',
    help: 'Background job runs attempted by this process, by task',
    labelNames: ['task'] as const,
    registers: [registry],
  }),
  jobFailures: new Counter({
    name: 'essor_job_failures_total',
    help: 'Failed attempts of background jobs in this process, by task',
    labelNames: ['task'] as const,
    registers: [registry],
  }),
};

const KNOWN = new Set(KNOWN_OPERATIONS);
export const OTHER_OPERATION = 'other';
export const ANONYMOUS_OPERATION = 'anonymous';

/**
 * The label of an operation: its name when one of the SPAs sends it, else `other` (any client may
 * name its operations as it likes: a label per name would let one grow the metrics without end);
 * `anonymous` for an operation without a name.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return ANONYMOUS_OPERATION;
  return KNOWN.has(name) ? name : OTHER_OPERATION;
}

/** Error codes are ours (`ErrorCode`, Apollo's): anything that does not look like one counts as `OTHER`. */
export function errorCodeLabel(code: unknown): string {
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,59}$/.test(code) ? code : 'OTHER';
}
