import { CombinedGraphQLErrors } from '@apollo/client/errors';

export interface ApiErrors {
  /** Messages par champ du formulaire (dernier segment du chemin : « input.siret » → « siret »). */
  fields: Record<string, string[]>;
  /** Messages sans champ (à afficher en tête du formulaire). */
  general: string[];
}

interface FieldMessages {
  field?: unknown;
  messages?: unknown;
}

function fieldName(path: string): string {
  return path.split('.').at(-1) ?? path;
}

/**
 * Traduit une erreur d'Apollo en messages affichables :
 * - BAD_USER_INPUT : `extensions.fields: [{ field, messages }]` ;
 * - erreurs typées (INVALID_SIRET, UNKNOWN_TERRITORY_CODE…) : `extensions.field` + message ;
 * - erreur réseau ou inconnue : un message général.
 */
export function parseApiErrors(error: unknown): ApiErrors {
  const result: ApiErrors = { fields: {}, general: [] };
  const add = (field: string, message: string) => {
    const name = fieldName(field);
    (result.fields[name] ??= []).push(message);
  };

  if (CombinedGraphQLErrors.is(error)) {
    for (const graphQLError of error.errors) {
      const extensions = graphQLError.extensions ?? {};
      const fields = extensions.fields;
      if (Array.isArray(fields) && fields.length > 0) {
        for (const entry of fields as FieldMessages[]) {
          if (typeof entry.field !== 'string') continue;
          const messages = Array.isArray(entry.messages) ? entry.messages.filter((m): m is string => typeof m === 'string') : [];
          for (const message of messages.length > 0 ? messages : [graphQLError.message]) add(entry.field, message);
        }
      } else if (typeof extensions.field === 'string' && extensions.code !== 'INTERNAL_SERVER_ERROR') {
        add(extensions.field, graphQLError.message);
      } else if (extensions.code === 'INTERNAL_SERVER_ERROR') {
        result.general.push('Une erreur inattendue est survenue. Veuillez réessayer plus tard.');
      } else {
        result.general.push(graphQLError.message);
      }
    }
    return result;
  }
  result.general.push("L'envoi a échoué. Vérifiez votre connexion puis réessayez.");
  return result;
}

/** Code de la première erreur GraphQL (`extensions.code`), s'il y en a une. */
export function apiErrorCode(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const code = error.errors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Messages lisibles d'une erreur de requête due aux paramètres (filtre inconnu…), sinon liste vide. */
export function requestErrorMessages(error: unknown): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const { fields, general } = parseApiErrors(error);
  if (error.errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) return [];
  return [...Object.values(fields).flat(), ...general];
}
