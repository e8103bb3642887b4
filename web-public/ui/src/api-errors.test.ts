import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { errorCode, parseApiErrors } from './api-errors';

function graphQLErrors(errors: { message: string; extensions?: Record<string, unknown> }[]) {
  return new CombinedGraphQLErrors({ errors, data: null });
}

describe('erreurs de l’API', () => {
  it('BAD_USER_INPUT : un message par champ (extensions.fields)', () => {
    const parsed = parseApiErrors(
      graphQLErrors([
        {
          message: 'Certaines valeurs sont invalides.',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { field: 'website', messages: ["L'adresse du site doit commencer par http:// ou https://."] },
              { field: 'input.submitterEmail', messages: ["Votre adresse e-mail n'est pas valide."] },
            ],
          },
        },
      ]),
    );
    expect(parsed).toEqual({
      fields: {
        website: ["L'adresse du site doit commencer par http:// ou https://."],
        submitterEmail: ["Votre adresse e-mail n'est pas valide."],
      },
      general: [],
    });
  });

  it('erreur typée : extensions.field ; erreur masquée ou réseau : message général', () => {
    expect(
      parseApiErrors(
        graphQLErrors([{ message: 'Commune inconnue.', extensions: { code: 'UNKNOWN_TERRITORY_CODE', field: 'communeCode' } }]),
      ).fields,
    ).toEqual({ communeCode: ['Commune inconnue.'] });
    expect(
      parseApiErrors(graphQLErrors([{ message: 'Erreur interne du serveur.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]))
        .general,
    ).toEqual(['Une erreur inattendue est survenue. Veuillez réessayer plus tard.']);
    expect(parseApiErrors(new Error('Failed to fetch')).general[0]).toMatch(/Vérifiez votre connexion/);
    expect(errorCode(graphQLErrors([{ message: 'x', extensions: { code: 'INVALID_ID' } }]))).toBe('INVALID_ID');
    expect(errorCode(new Error('x'))).toBeUndefined();
  });
});
