import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isTokenLimitError } from './graphql/operation-limits';
import { formatDbError } from './db/db-errors';
import { formatSqlError } from './db/sql-errors';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';

export { ErrorCode } from './error-codes';

/**
 * GraphQL errors of the GraphQL layer itself (operation limits, request guards, type-graphql's
 * checks). Services never throw these: they throw `DomainError`s (common/domain-error.ts), which
 * `formatError` below turns into GraphQL errors with their French message.
 */
/** An expected failure caused by the request: clear message (French, shown to users), stable code, optional field. */
export class UserInputError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: { field?: string; value?: unknown; [key: string]: unknown } = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Connectez-vous pour accéder à cette ressource.') {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = "Vous n'avez pas accès à cette ressource.") {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
}

/** Codes that are safe to show as they are. Anything else is masked. */
const EXPOSED_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Apollo's messages for malformed HTTP requests (code BAD_REQUEST), in French for the clients. */
const BAD_REQUEST_MESSAGES: Array<[RegExp, string]> = [
  [
    /Cross-Site Request Forgery/,
    'Requête refusée (protection CSRF) : envoyez-la en JSON (Content-Type: application/json), ou avec l’en-tête apollo-require-preflight.',
  ],
  [/batching disabled/i, 'Les lots de requêtes ne sont pas acceptés : une opération par requête.'],
  [/GET requests only support query/, 'Une requête GET ne peut porter qu’une lecture (query) : envoyez les mutations en POST.'],
  [/POST body missing|JSON object has no keys/, 'Corps de requête manquant : envoyez {"query": "…"} en JSON.'],
  [/must contain a non-empty `query`/, 'Requête vide : le champ « query » est requis.'],
  [/queries must be strings/, '« query » doit être une chaîne de caractères.'],
  [/`variables`/, '« variables » doit être un objet JSON.'],
  [/`extensions`/, '« extensions » doit être un objet JSON.'],
  [/`operationName`/, '« operationName » doit être une chaîne de caractères.'],
];

/** Apollo `formatError`: keeps typed errors, maps authorization and validation errors, masks the rest. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const db = formatDbError(formatted, error); // database timeouts and unavailability: 503 (db-errors.ts)
  if (db) return db;
  const unwrapped = unwrapResolverError(error);
  if (unwrapped instanceof DomainError) {
    // The one place where a service's domain error becomes a GraphQL error and a French message.
    return {
      message: unwrapped.render(),
      locations: formatted.locations,
      path: formatted.path,
      extensions: unwrapped.toExtensions(),
    };
  }
  const original = unwrapped as { name?: string; message?: string; extensions?: Record<string, unknown> };
  const validationErrors =
    (formatted.extensions?.validationErrors as unknown[] | undefined) ??
    (original as { validationErrors?: unknown[] } | undefined)?.validationErrors;
  if (validationErrors) {
    return {
      ...formatted,
      message: 'Certaines valeurs sont invalides.',
      extensions: { code: ErrorCode.BAD_USER_INPUT, fields: flattenValidation(validationErrors) },
    };
  }
  if (isTokenLimitError(formatted.message)) {
    const max = /more th(?:at|an) (\d+) tokens/.exec(formatted.message)?.[1];
    return {
      message: `Requête trop longue : plus de ${max} éléments. Demandez moins de champs, ou découpez la requête.`,
      extensions: { code: ErrorCode.TOO_MANY_TOKENS },
    };
  }
  if (typeof formatted.extensions?.limitCode === 'string') {
    // Operation limits (validation rules): their own code instead of GRAPHQL_VALIDATION_FAILED.
    const { limitCode, stacktrace: _s, ...extensions } = formatted.extensions;
    return { ...formatted, extensions: { ...extensions, code: limitCode } };
  }
  const code = formatted.extensions?.code;
  if (code === 'BAD_REQUEST') {
    const french = BAD_REQUEST_MESSAGES.find(([pattern]) => pattern.test(formatted.message))?.[1];
    if (french) return { message: french, extensions: { code } };
  }
  if (typeof code === 'string' && EXPOSED_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const fromSql = formatSqlError(formatted, original); // a client's value the database refused (db/sql-errors.ts)
  if (fromSql) return fromSql;
  // Logged once, with the request id, by withRequestLog (common/log/request-log.ts).
  return {
    message: 'Erreur interne du serveur.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

interface ClassValidatorError {
  property: string;
  constraints?: Record<string, string>;
  children?: ClassValidatorError[];
}

function flattenValidation(errors: unknown[], prefix = ''): Array<{ field: string; messages: string[] }> {
  const out: Array<{ field: string; messages: string[] }> = [];
  if (!Array.isArray(errors)) return out; // a validator threw instead of answering (validator.js on a lone surrogate)
  for (const e of errors as ClassValidatorError[]) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out.push({ field, messages: Object.values(e.constraints) });
    if (e.children?.length) out.push(...flattenValidation(e.children, field));
  }
  return out;
}
