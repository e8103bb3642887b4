import 'reflect-metadata';
import { prepareDatabase } from '../../src/bootstrap';
import { createAppDataSource } from '../../src/data-source';
import { queryRow } from '../../src/common/sql/sql';
import { COMPUTED_INDICATORS } from '../../src/modules/plan/plan.service';
import { createDatabase, dropDatabase } from '../helpers/databases';

const NAME = `essor_demo_${process.pid}_${Date.now().toString(36)}`;

describe('demo data (fresh database, as `npm start` does it)', () => {
  let ds: ReturnType<typeof createAppDataSource>;
  beforeAll(async () => {
    ds = createAppDataSource({ url: await createDatabase(NAME), poolSize: 2 });
    await ds.initialize();
    await prepareDatabase(ds, { demo: true });
  });
  afterAll(async () => {
    await ds.destroy();
    await dropDatabase(NAME);
  });

  it('has at least 300 published demo structures, about 80 % associations, on the real communes', async () => {
    const [r] = await ds.query(`SELECT
      count(*) FILTER (WHERE status = 'PUBLISHED')::int AS published,
      count(*) FILTER (WHERE NOT is_demo)::int AS not_demo,
      avg((ess_family = 'ASSOCIATION')::int)::float AS associations,
      count(DISTINCT commune_code)::int AS communes,
      count(*) FILTER (WHERE commune_code NOT IN (SELECT code FROM commune WHERE epci_siren IN
        ('200043396','200043321','200043263','200043404')))::int AS outside
      FROM structure`);
    expect(r.published).toBeGreaterThanOrEqual(300);
    expect(r.not_demo).toBe(0);
    expect(r.associations).toBeGreaterThan(0.75);
    expect(r.associations).toBeLessThan(0.85);
    expect(r.communes).toBeGreaterThan(60);
    expect(r.outside).toBe(0);
  });

  it('is spread in proportion to population (Maubeuge has the most structures)', async () => {
    const rows = await ds.query(`SELECT commune_code, count(*)::int AS n FROM structure GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
    expect(rows[0].commune_code).toBe('59392');
  });

  it('is deterministic: a second fresh database gets exactly the same rows', async () => {
    const digest = async (d: typeof ds) =>
      (
        await d.query(
          `SELECT md5(string_agg(concat_ws('|', id, name, siret, commune_code, ess_family, naf_code, workforce_range), ',' ORDER BY id)) AS h FROM structure`,
        )
      )[0].h;
    const other = `${NAME}_b`;
    const ds2 = createAppDataSource({ url: await createDatabase(other), poolSize: 1 });
    await ds2.initialize();
    try {
      await prepareDatabase(ds2, { demo: true });
      expect(await digest(ds2)).toBe(await digest(ds));
    } finally {
      await ds2.destroy();
      await dropDatabase(other);
    }
  });

  it('has fictional carriers’ projects, so the plan’s accompaniment indicators show real values', async () => {
    const [r] = await ds.query(`SELECT
      (SELECT count(*)::int FROM carrier_project) AS projects,
      (SELECT count(DISTINCT stage)::int FROM carrier_project) AS stages,
      (SELECT count(*)::int FROM carrier_project cp JOIN person p ON p.id = cp.person_id WHERE p.is_public OR NOT p.is_demo) AS exposed,
      (SELECT count(*)::int FROM carrier_project WHERE commune_code NOT IN (SELECT code FROM commune WHERE epci_siren IN
        ('200043396','200043321','200043263','200043404'))) AS outside`);
    expect(r).toEqual({ projects: 15, stages: 6, exposed: 0, outside: 0 });
    const computed = (await queryRow(ds, COMPUTED_INDICATORS))!;
    expect(computed.CARRIERS_SUPPORTED).toBeGreaterThanOrEqual(5);
    expect(computed.MENTORSHIPS_ACTIVE).toBeGreaterThanOrEqual(1);
    const indicators = await ds.query(
      `SELECT code, computed_key FROM plan_indicator WHERE code IN ('porteurs-accompagnes', 'tutorats-en-cours') ORDER BY code`,
    );
    expect(indicators).toEqual([
      { code: 'porteurs-accompagnes', computed_key: 'CARRIERS_SUPPORTED' },
      { code: 'tutorats-en-cours', computed_key: 'MENTORSHIPS_ACTIVE' },
    ]);
  });

  it('is not loaded twice', async () => {
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM structure');
    await prepareDatabase(ds, { demo: true });
    const [{ n: after }] = await ds.query('SELECT count(*)::int AS n FROM structure');
    expect(after).toBe(n);
  });
});
