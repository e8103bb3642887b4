import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { formatDbError } from './db/db-errors';

/** Stable error codes carried in `extensions.code`. Clients branch on these, never on messages. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  INVALID_SIRET = 'INVALID_SIRET',
  INVALID_SIREN = 'INVALID_SIREN',
  UNKNOWN_TERRITORY_CODE = 'UNKNOWN_TERRITORY_CODE',
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  PAGE_SIZE_OUT_OF_RANGE = 'PAGE_SIZE_OUT_OF_RANGE',
  INVALID_CURSOR = 'INVALID_CURSOR',
  INVALID_ID = 'INVALID_ID',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  /** Personal data typed for a person whose personal data were erased (GDPR). */
  ANONYMISED = 'ANONYMISED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  INVALID_TOKEN = 'INVALID_TOKEN',
  RATE_LIMITED = 'RATE_LIMITED',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  SIRET_TAKEN = 'SIRET_TAKEN',
  ALREADY_PARTICIPANT = 'ALREADY_PARTICIPANT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

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

/** Apollo `formatError`: keeps typed errors, maps authorization and validation errors, masks the rest. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const db = formatDbError(formatted, error); // database timeouts and unavailability: 503 (db-errors.ts)
  if (db) return db;
  const original = unwrapResolverError(error) as { name?: string; message?: string; extensions?: Record<string, unknown> };
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
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && EXPOSED_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  console.error('[unexpected error]', error);
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
  for (const e of errors as ClassValidatorError[]) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out.push({ field, messages: Object.values(e.constraints) });
    if (e.children?.length) out.push(...flattenValidation(e.children, field));
  }
  return out;
}
