import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { currentTally } from '../db/statement-counter';
import { currentRequestScope } from '../log/request-scope';
import { errorCodeLabel, metrics, operationLabel } from './metrics';

/**
 * Apollo plugin: duration and SQL statements of each operation, by operation name (bounded:
 * `operationLabel`). The duration runs from the request's arrival (its log scope: body parsing and
 * session lookup included) to the response.
 */
export function graphqlMetricsPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const startedAt = currentRequestScope()?.startedAt ?? performance.now();
      return {
        async willSendResponse(rc) {
          const operation = operationLabel(rc.operationName ?? rc.request.operationName ?? nameInDocument(rc.document));
          metrics.operationDuration.observe({ operation }, (performance.now() - startedAt) / 1000);
          const tally = currentTally();
          if (tally) metrics.operationStatements.observe({ operation }, tally.count);
        },
      };
    },
  };
}

/** The name of the only operation of a document that failed validation (none was resolved). */
function nameInDocument(doc: DocumentNode | undefined): string | undefined {
  const ops = doc?.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION) ?? [];
  return ops.length === 1 ? ops[0].name?.value : undefined;
}

/**
 * Wraps Apollo's `formatError` to count every error of a response by its final `extensions.code`.
 * In `formatError` rather than in the plugin: Apollo also formats, without running any plugin, the
 * errors of a request whose context could not be built (the database down at the session lookup).
 */
export function withErrorMetrics<E>(
  formatError: (formatted: GraphQLFormattedError, error: E) => GraphQLFormattedError,
): (formatted: GraphQLFormattedError, error: E) => GraphQLFormattedError {
  return (formatted, error) => {
    const out = formatError(formatted, error);
    metrics.errors.inc({ code: errorCodeLabel(out.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
    return out;
  };
}
