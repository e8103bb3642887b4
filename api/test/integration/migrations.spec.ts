import 'reflect-metadata';
import { createAppDataSource } from '../../src/data-source';
import { createDatabase, dropDatabase } from '../helpers/databases';

const NAME = `essor_mig_${process.pid}_${Date.now().toString(36)}`;
let url: string;

beforeAll(async () => {
  url = await createDatabase(NAME);
});
afterAll(() => dropDatabase(NAME));

const tables = async (ds: ReturnType<typeof createAppDataSource>) =>
  (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map((r: any) => r.tablename);

describe('migrations', () => {
  it('go up, all the way down, and up again', async () => {
    const ds = createAppDataSource({ url, poolSize: 1 });
    await ds.initialize();
    try {
      const applied = await ds.runMigrations();
      expect(applied.length).toBeGreaterThan(0);
      expect(await tables(ds)).toEqual(expect.arrayContaining(['structure', 'commune', 'participatory_space', 'migrations']));
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration();
      expect(await tables(ds)).toEqual(['migrations']);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM pg_proc WHERE proname = 'essor_unaccent'`);
      expect(n).toBe(0);
      expect((await ds.runMigrations()).length).toBe(applied.length);
      expect(await ds.showMigrations()).toBe(false);
    } finally {
      await ds.destroy();
    }
  });
});
