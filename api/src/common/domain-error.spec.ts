import { GraphQLError } from 'graphql';
import { commonErrors, defineErrors, DomainError } from './domain-error';
import { ErrorCode } from './error-codes';
import { formatError } from './errors';

const demoErrors = defineErrors('demo', {
  missing: { code: ErrorCode.NOT_FOUND, message: 'Fiche introuvable.' },
  taken: { code: ErrorCode.SIRET_TAKEN, message: (p: { siret: string }) => `Le SIRET ${p.siret} est déjà enregistré.` },
});

describe('domain errors', () => {
  it('carry a code, a key and extras, and render their French message only when asked', () => {
    const e = demoErrors.taken({ siret: '12345678900011' }, { field: 'siret' });
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe(ErrorCode.SIRET_TAKEN);
    expect(e.message).toBe('demo.taken'); // what a log line may quote: no value of the request
    expect(e.render()).toBe('Le SIRET 12345678900011 est déjà enregistré.');
    expect(e.toExtensions()).toEqual({ code: 'SIRET_TAKEN', field: 'siret' });
  });

  it('are mapped by the one boundary to a GraphQL error: message, code, extras, never a stack', () => {
    const thrown = new GraphQLError('demo.missing', { path: ['structure'], originalError: demoErrors.missing({ field: 'id' }) });
    const formatted = formatError(
      { message: 'demo.missing', path: ['structure'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      thrown,
    );
    expect(formatted).toEqual({
      message: 'Fiche introuvable.',
      path: ['structure'],
      extensions: { code: 'NOT_FOUND', field: 'id' },
    });
  });

  it('common errors keep the messages clients already show', () => {
    expect(commonErrors.invalidCursor().render()).toBe('Curseur de pagination invalide.');
    expect(commonErrors.rateLimited({ what: 'tentatives', minutes: 2 }).render()).toBe(
      'Trop de tentatives. Réessayez dans 2 minutes.',
    );
  });
});
