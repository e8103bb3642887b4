import { createAccount } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  const a = await createAccount(t.ds, { roles: ['ADMIN'] });
  admin = await t.login(a.email, a.password);
});
afterAll(() => t.close());

describe('observatory: refused input (typed errors, French messages)', () => {
  it('an unknown zone', async () => {
    const res = await t.gql(`{ observatory(zone: "atlantide") { year } }`);
    expect(res.data).toBeNull();
    expect(res.errors![0].message).toBe('Zone inconnue : « atlantide ».');
    expect(res.errors![0].extensions).toEqual({ code: 'UNKNOWN_TERRITORY_CODE', field: 'zone' });
  });

  it('a year out of range to recompute', async () => {
    const res = await t.gql(`mutation { refreshObservatory(year: 1850) }`, {}, { cookie: admin });
    expect(res.errors![0].message).toBe('L’année doit être comprise entre 1990 et 2100.');
    expect(res.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('a reference file over 1 MB, and a file with missing columns', async () => {
    const IMPORT = `mutation ($csv: String!) { importReferenceFigures(csv: $csv) { imported errors { line column message } } }`;
    const big = await t.gql(IMPORT, { csv: 'x'.repeat(1_000_001) }, { cookie: admin });
    expect(big.errors![0].message).toBe('Fichier trop volumineux (1 Mo au plus).');
    expect(big.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'csv' });
    const partial = await t.gql(IMPORT, { csv: 'territory_type;territory_code\nFRANCE;FR\n' }, { cookie: admin });
    expect(partial.data!.importReferenceFigures.imported).toBe(0);
    expect(partial.data!.importReferenceFigures.errors[0]).toEqual({
      line: 1,
      column: 'territory_name',
      message: 'Colonne manquante « territory_name ».',
    });
  });
});
