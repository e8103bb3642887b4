import { CombinedGraphQLErrors } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';

/** The GraphQL errors of an Apollo error (empty for network errors). */
export function graphQLErrors(error: unknown): readonly GraphQLFormattedError[] {
  return CombinedGraphQLErrors.is(error) ? error.errors : [];
}

export function errorCode(error: unknown): string | undefined {
  const code = graphQLErrors(error)[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The first error with this code, if any. */
export function findError(error: unknown, code: string): GraphQLFormattedError | undefined {
  return graphQLErrors(error).find((e) => e.extensions?.code === code);
}

export type FieldErrors = Record<string, string[]>;

/**
 * Messages per field: `BAD_USER_INPUT` carries `extensions.fields: [{ field, messages }]`
 * (the field may be prefixed by the argument, e.g. `input.phone`), typed errors carry
 * `extensions.field`. `rename` maps API property names to form field names.
 */
export function fieldErrorsOf(error: unknown, rename: Record<string, string> = {}): FieldErrors {
  const out: FieldErrors = {};
  const add = (raw: string, message: string) => {
    const last = raw.split('.').pop() ?? raw;
    const field = rename[last] ?? last;
    (out[field] ??= []).push(message);
  };
  for (const e of graphQLErrors(error)) {
    const ext = e.extensions ?? {};
    const fields = ext.fields;
    if (Array.isArray(fields)) {
      for (const f of fields as Array<{ field?: unknown; messages?: unknown }>) {
        if (typeof f.field !== 'string') continue;
        const messages = Array.isArray(f.messages) ? f.messages.filter((m): m is string => typeof m === 'string') : [];
        for (const m of messages.length ? messages : [e.message]) add(f.field, m);
      }
    } else if (typeof ext.field === 'string') {
      add(ext.field, e.message);
    }
  }
  return out;
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
