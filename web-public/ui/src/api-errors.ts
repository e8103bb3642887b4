import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';

/** The GraphQL errors of an Apollo error (empty for network errors). */
export function graphQLErrors(error: unknown): readonly GraphQLFormattedError[] {
  return CombinedGraphQLErrors.is(error) ? error.errors : [];
}

/** The code (`extensions.code`) of the first GraphQL error, if any. */
export function errorCode(error: unknown): string | undefined {
  const code = graphQLErrors(error)[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The first error with this code, if any. */
export function findError(error: unknown, code: string): GraphQLFormattedError | undefined {
  return graphQLErrors(error).find((e) => e.extensions?.code === code);
}

export type FieldErrors = Record<string, string[]>;

export interface ApiErrors {
  /** Messages per form field (last segment of the path: « input.siret » → « siret »). */
  fields: FieldErrors;
  /** Messages without a field (shown at the top of the form). */
  general: string[];
}

/** The `extensions.fields: [{ field, messages }]` of a `BAD_USER_INPUT` error, as [field, message] pairs. */
function listedFieldMessages(e: GraphQLFormattedError): Array<[field: string, message: string]> {
  const out: Array<[string, string]> = [];
  for (const f of e.extensions?.fields as Array<{ field?: unknown; messages?: unknown }>) {
    if (typeof f.field !== 'string') continue;
    const messages = Array.isArray(f.messages) ? f.messages.filter((m): m is string => typeof m === 'string') : [];
    for (const m of messages.length ? messages : [e.message]) out.push([f.field, m]);
  }
  return out;
}

/** The last segment of an input path: « input.phone » → « phone ». */
const lastSegment = (path: string) => path.split('.').pop() ?? path;

/**
 * Messages per field: `BAD_USER_INPUT` carries `extensions.fields: [{ field, messages }]` (the
 * field may be prefixed by the argument, e.g. `input.phone`), typed errors carry
 * `extensions.field`. `rename` maps API property names to form field names.
 */
export function fieldErrorsOf(error: unknown, rename: Record<string, string> = {}): FieldErrors {
  const out: FieldErrors = {};
  const add = (raw: string, message: string) => {
    const field = rename[lastSegment(raw)] ?? lastSegment(raw);
    (out[field] ??= []).push(message);
  };
  for (const e of graphQLErrors(error)) {
    const ext = e.extensions ?? {};
    if (Array.isArray(ext.fields)) for (const [field, message] of listedFieldMessages(e)) add(field, message);
    else if (typeof ext.field === 'string') add(ext.field, e.message);
  }
  return out;
}

/**
 * An Apollo error as the messages a form shows: per field (`BAD_USER_INPUT` fields, typed errors
 * such as INVALID_SIRET or UNKNOWN_TERRITORY_CODE with `extensions.field`), and general ones (an
 * unexpected server error, an error without a field, a network failure).
 */
export function parseApiErrors(error: unknown): ApiErrors {
  const result: ApiErrors = { fields: {}, general: [] };
  const add = (raw: string, message: string) => (result.fields[lastSegment(raw)] ??= []).push(message);
  if (!CombinedGraphQLErrors.is(error)) {
    result.general.push("L'envoi a échoué. Vérifiez votre connexion puis réessayez.");
    return result;
  }
  for (const e of error.errors) {
    const ext = e.extensions ?? {};
    if (Array.isArray(ext.fields) && ext.fields.length > 0) {
      for (const [field, message] of listedFieldMessages(e)) add(field, message);
    } else if (typeof ext.field === 'string' && ext.code !== 'INTERNAL_SERVER_ERROR') {
      add(ext.field, e.message);
    } else if (ext.code === 'INTERNAL_SERVER_ERROR') {
      result.general.push('Une erreur inattendue est survenue. Veuillez réessayer plus tard.');
    } else {
      result.general.push(e.message);
    }
  }
  return result;
}

/** Readable messages of a request refused for its arguments (unknown filter…), else an empty list. */
export function requestErrorMessages(error: unknown): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  if (error.errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) return [];
  const { fields, general } = parseApiErrors(error);
  return [...Object.values(fields).flat(), ...general];
}

/** A French sentence for an error that is not attached to a field. */
export function errorMessage(error: unknown, fallback = 'Une erreur est survenue. Réessayez.'): string {
  const first = graphQLErrors(error)[0];
  if (first?.message) {
    const code = first.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR') return 'Erreur interne du serveur. Réessayez plus tard.';
    if (code === 'GRAPHQL_VALIDATION_FAILED') return "Cette fonction n'est pas encore disponible sur le serveur.";
    return first.message;
  }
  if (error instanceof Error && /fetch|network/i.test(error.message)) {
    return 'Le serveur est injoignable. Vérifiez votre connexion puis réessayez.';
  }
  return fallback;
}
