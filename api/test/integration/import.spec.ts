import { createAccount, createStructure, uniqueToken } from '../helpers/factories';
import { withLuhnKey } from '../../src/modules/structure/siret';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  const a = await createAccount(t.ds, { roles: ['ADMIN'] });
  admin = await t.login(a.email, a.password);
});
afterAll(() => t.close());

const IMPORT = `mutation ($csv: String!, $commit: Boolean!, $skip: Boolean) {
  importStructures(csv: $csv, commit: $commit, skipInvalid: $skip) {
    committed totalRows validRows created updated errors { line column message } preview { line action name siret }
  }
}`;
const siret = () => withLuhnKey(`${withLuhnKey(`97${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`)}0001`);
const count = async (token: string) =>
  (await t.ds.query(`SELECT count(*)::int AS n FROM structure WHERE name LIKE $1`, [`%${token}%`]))[0].n;

describe('CSV import of structures', () => {
  it('a bad file: errors by line and column, and nothing is written', async () => {
    const token = uniqueToken('imp');
    const csv = [
      'nom;siret;code_commune;courriel;tranche_effectifs',
      `Bonne ${token};${siret()};59392;contact@exemple.org;02`,
      `"Guillemets; ${token}";12345678901234;59392;;`,
      `Mauvaise commune ${token};;99999;pas-un-mail;77`,
    ].join('\n');
    for (const commit of [false, true]) {
      const res: any = await t.gql(IMPORT, { csv, commit }, { cookie: admin });
      expect(res.errors).toBeUndefined();
      const r = res.data.importStructures;
      expect(r).toMatchObject({ committed: false, totalRows: 3, validRows: 1, created: 0 });
      expect(r.errors).toEqual([
        { line: 3, column: 'siret', message: 'SIRET invalide (14 chiffres, clé de Luhn).' },
        { line: 4, column: 'courriel', message: "L'adresse e-mail n'est pas valide." },
        { line: 4, column: 'tranche_effectifs', message: "Tranche d'effectifs inconnue « 77 »." },
        { line: 4, column: 'code_commune', message: 'Code commune INSEE inconnu « 99999 ».' },
      ]);
      expect(r.preview.map((p: any) => p.name)).toEqual([`Bonne ${token}`]);
    }
    expect(await count(token)).toBe(0);
    const header: any = await t.gql(IMPORT, { csv: 'name;siret\nA;1', commit: false }, { cookie: admin });
    expect(header.data.importStructures.errors).toEqual(
      expect.arrayContaining([{ line: 1, column: 'name', message: 'Colonne inconnue « name ».' }]),
    );
  });

  it('skipInvalid writes the valid lines only, in one go, each audited', async () => {
    const token = uniqueToken('imp');
    const csv = `nom;code_commune\nA ${token};59392\nB ${token};59249\nC ${token};00000\n`;
    const res: any = await t.gql(IMPORT, { csv, commit: true, skip: true }, { cookie: admin });
    expect(res.data.importStructures).toMatchObject({ committed: true, created: 2, validRows: 2 });
    expect(await count(token)).toBe(2);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'IMPORT_CREATE' AND after->>'name' LIKE $1`,
      [`%${token}%`],
    );
    expect(n).toBe(2);
  });

  it('a line whose SIRET exists updates that structure', async () => {
    const s = await createStructure(t.ds);
    const csv = `nom;siret;telephone\n${s.name};${s.siret};03 27 55 55 55\n`;
    const preview: any = await t.gql(IMPORT, { csv, commit: false }, { cookie: admin });
    expect(preview.data.importStructures.preview[0].action).toBe('UPDATE');
    const res: any = await t.gql(IMPORT, { csv, commit: true }, { cookie: admin });
    expect(res.data.importStructures).toMatchObject({ committed: true, updated: 1, created: 0 });
    const [row] = await t.ds.query('SELECT phone, version FROM structure WHERE id = $1', [s.id]);
    expect(row).toEqual({ phone: '03 27 55 55 55', version: 2 });
  });

  it('anonymous and wrong role are refused', async () => {
    const csv = `nom\nX ${uniqueToken()}\n`;
    expect((await t.gql(IMPORT, { csv, commit: true })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const e = await createAccount(t.ds, { roles: ['STEERING'] });
    const cookie = await t.login(e.email, e.password);
    expect((await t.gql(IMPORT, { csv, commit: true }, { cookie })).errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
