import { Client } from 'pg';
import { loadSqlMigrations } from '../../src/common/db/sql-migrations';
import { DEFAULT_DEMO_SEED, generateDemoData } from '../../src/modules/demo/demo-data';
import { startApiProcess, type ApiProcess } from '../helpers/api-process';
import { createDatabase, dropDatabase } from '../helpers/databases';

const NAME = `essor_replicas_${process.pid}_${Date.now().toString(36)}`;
let url: string;
const apis: ApiProcess[] = [];

beforeAll(async () => {
  url = await createDatabase(NAME);
});
afterAll(async () => {
  for (const p of apis) p.kill();
  await dropDatabase(NAME);
});

const matches = (text: string, re: RegExp) => text.match(new RegExp(re.source, 'g'))?.length ?? 0;

describe('replicas starting together on an empty database', () => {
  it('both become ready; migrations, territory and demo data are applied once, without error', async () => {
    const env = {
      DATABASE_URL: url,
      ESSOR_MIGRATE: '1',
      ESSOR_DEMO_DATA: '1',
      // The request timeout must not cut the preparation (France's territory, the seed, the snapshot).
      ESSOR_STATEMENT_TIMEOUT_MS: '300',
    };
    apis.push(...(await Promise.all([startApiProcess(env), startApiProcess(env)])));
    await Promise.all(apis.map((a) => a.ready));

    const stdout = apis.map((a) => a.stdout()).join('\n');
    for (const a of apis) expect(a.stderr()).toBe('');
    const migrations = loadSqlMigrations().length;
    expect(matches(stdout, new RegExp(`applied ${migrations} migration\\(s\\)`))).toBe(1);
    expect(matches(stdout, /applied \d+ migration/)).toBe(1);
    expect(matches(stdout, /loaded the territory of France/)).toBe(1);
    expect(matches(stdout, /loaded the Sambre-Avesnois demo data/)).toBe(1);

    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query('SELECT name, count(*)::int AS n FROM migrations GROUP BY name');
      expect(rows).toHaveLength(migrations);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      // The demo data once: each table holds what the seed reported, which is what one start loads.
      // The API logs JSON lines (pino): the message holds the counts as JSON.
      const seeded = stdout
        .split('\n')
        .map((l) => (l.startsWith('{') ? ((JSON.parse(l) as { msg?: string }).msg ?? '') : l))
        .find((m) => m.startsWith('loaded the Sambre-Avesnois demo data: '))!;
      const counts = JSON.parse(seeded.slice('loaded the Sambre-Avesnois demo data: '.length)) as Record<string, number>;
      expect(counts.structure).toBe(generateDemoData(DEFAULT_DEMO_SEED).structures.length);
      for (const [table, n] of Object.entries(counts)) {
        const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM ${table}`)).rows;
        expect({ table, count }).toEqual({ table, count: n });
      }
      const [{ snapshots }] = (
        await db.query('SELECT count(*)::int AS snapshots FROM observatory_snapshot_run WHERE year = $1', [
          new Date().getFullYear(),
        ])
      ).rows;
      expect(snapshots).toBe(1);
    } finally {
      await db.end();
    }

    // Both serve.
    for (const a of apis) {
      const res = await fetch(a.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ epci(siren: "200043396") { name } }' }),
      });
      expect(res.status).toBe(200);
    }
    for (const a of apis) a.child.kill('SIGTERM');
    for (const a of apis) expect(await a.exited).toMatchObject({ code: 0 });
  }, 60_000);
});
