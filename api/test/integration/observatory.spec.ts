import path from 'node:path';
import { prepareDatabase } from '../../src/bootstrap';
import { createAppContext } from '../../src/context';
import { createAppDataSource } from '../../src/data-source';
import {
  COMMUNE_BREAKDOWN_LIMIT,
  NAF_SECTION_LABELS,
  observatoryReport,
} from '../../src/modules/observatory/observatory.service';
import type { ObservatoryArgs, ObservatoryFigures } from '../../src/modules/observatory/observatory.types';
import { ZONES } from '../../src/modules/observatory/reference-figures';
import { estimateEmployees, WORKFORCE_BOUNDS } from '../../src/modules/observatory/workforce-estimate';
import { ESS_FAMILY_LABELS, EssFamily } from '../../src/modules/structure/ess-family';
import { CrashForTests, importSirene, unitName } from '../../src/modules/observatory/sirene-import.service';
import { refreshSnapshot } from '../../src/modules/observatory/snapshot.service';
import { createDatabase, dropDatabase } from '../helpers/databases';

const FIXTURES = path.resolve(__dirname, '../fixtures/sirene');
const files = {
  etablissements: path.join(FIXTURES, 'StockEtablissement_fixture.csv'),
  unites: path.join(FIXTURES, 'StockUniteLegale_fixture.csv'),
  territory: ['200043396', '200043321', '200043263', '200043404'],
  fileDate: '2026-11-01',
};
const NAME = `essor_obs_${process.pid}_${Date.now().toString(36)}`;
let ds: ReturnType<typeof createAppDataSource>;

beforeAll(async () => {
  ds = createAppDataSource({ url: await createDatabase(NAME), poolSize: 3 });
  await ds.initialize();
  await prepareDatabase(ds, { demo: false });
});
afterAll(async () => {
  await ds.destroy();
  await dropDatabase(NAME);
});

const structures = async () =>
  ds.query(
    `SELECT siret, name, status, ess_family, in_perimeter, diffusible, active, source, commune_code, latitude FROM structure ORDER BY siret`,
  );

describe('SIRENE import (official stock format, small fixture)', () => {
  it('an interruption leaves nothing half-written, and the next run resumes', async () => {
    await expect(importSirene(ds, { ...files, batchSize: 1, failAfterBatches: 2 })).rejects.toBeInstanceOf(CrashForTests);
    expect(await structures()).toEqual([]);
    const [job] = await ds.query(`SELECT phase, lines_done::int AS n FROM sirene_import ORDER BY id DESC LIMIT 1`);
    expect(job.phase).toBe('ETABLISSEMENTS');
    expect(job.n).toBeGreaterThan(1);

    const report = await importSirene(ds, files);
    expect(report.resumed).toBe(true);
    expect(report).toMatchObject({ inserted: 5, updated: 0, outsidePerimeter: 1, rejected: 2 });
  });

  it('keeps the territory and the perimeter; non-diffusible units never become public', async () => {
    const rows = await structures();
    expect(rows.map((r: any) => r.siret)).toEqual([
      '77811112000011',
      '77811112000029',
      '77822223200036',
      '77844445500050',
      '77855556500069',
    ]);
    const byName = Object.fromEntries(rows.map((r: any) => [r.siret.slice(0, 9), r]));
    expect(byName['778111120']).toMatchObject({
      name: 'ASSOCIATION LES AMIS DE LA SAMBRE',
      ess_family: 'ASSOCIATION',
      status: 'PUBLISHED',
      source: 'SIRENE',
    });
    // the head office in Maubeuge has Lambert-93 coordinates, converted to WGS84
    expect(rows.find((r: any) => r.siret === '77811112000011').latitude).toBeGreaterThan(50.2);
    expect(byName['778222232']).toMatchObject({ ess_family: 'ENTREPRISE_ESS', in_perimeter: true });
    expect(byName['778444455']).toMatchObject({ status: 'DRAFT', diffusible: false });
    expect(byName['778555565']).toMatchObject({ active: false });
  });

  it('reports bad lines by line number', async () => {
    const errors = await ds.query(`SELECT file, line::int, message FROM sirene_import_error ORDER BY file, line`);
    expect(errors).toEqual([
      { file: 'ETABLISSEMENTS', line: 9, message: 'SIRET invalide « 12345678901234 »' },
      { file: 'ETABLISSEMENTS', line: 10, message: "tranche d'effectifs inconnue « 99 »" },
    ]);
  });

  it('a second run of the same files changes nothing', async () => {
    const before = await ds.query('SELECT siret, version, updated_at FROM structure ORDER BY siret');
    const report = await importSirene(ds, files);
    expect(report).toMatchObject({ resumed: false, inserted: 0, updated: 0, unchanged: 5 });
    expect(await ds.query('SELECT siret, version, updated_at FROM structure ORDER BY siret')).toEqual(before);
  });
});

describe('indicators (expected figures computed by hand from the fixture)', () => {
  const ctx = () => createAppContext(ds, null, 'test');

  it('counts, employers and employee estimates for Sambre-Avesnois', async () => {
    await refreshSnapshot(ds, 2026);
    const r = await observatoryReport(ctx(), { zone: 'sambre-avesnois', year: 2026 });
    // In the perimeter and active: A (2 establishments, ranges 11 and 01), B (02), D (NN, not an employer); E is closed, C outside.
    expect(r.totals).toEqual({
      establishments: 4,
      employers: 3,
      declaredEstablishments: 0,
      declaredEmployees: 0,
      estimatedLow: 14, // 10 + 1 + 3 + 0
      estimatedMid: 20, // 14.5 + 1.5 + 4 + 0
      estimatedHigh: 26, // 19 + 2 + 5 + 0
      employeesLow: 14,
      employeesMid: 20,
      employeesHigh: 26,
    });
    expect(r.byFamily.map((f) => [f.key, f.figures.establishments, f.figures.employeesMid])).toEqual([
      ['ASSOCIATION', 3, 16],
      ['ENTREPRISE_ESS', 1, 4],
    ]);
    expect(r.byEpci.map((e) => [e.label, e.figures.establishments])).toEqual([
      ['CA Maubeuge Val de Sambre', 2],
      ["CC Coeur de l'Avesnois", 1],
      ['CC du Sud Avesnois', 1],
    ]);
    expect(r.byNafSection.map((n) => [n.key, n.figures.establishments])).toEqual([
      ['Q', 2],
      ['E', 1],
      ['S', 1],
    ]);
    expect(
      r.references.find((x) => x.territoryCode === 'sambre-avesnois' && x.indicator === 'ESS_EMPLOYEES' && x.year === 2015)
        ?.value,
    ).toBe(6220);
  });

  it('declared employees replace the estimate where known, and each is reported apart', async () => {
    await ds.query(`UPDATE structure SET employees_declared = 12 WHERE siret = '77811112000011'`);
    await refreshSnapshot(ds, 2026);
    const r = await observatoryReport(ctx(), { zone: 'sambre-avesnois', year: 2026 });
    expect(r.totals).toMatchObject({ declaredEstablishments: 1, declaredEmployees: 12, estimatedMid: 5.5, employeesMid: 17.5 });
  });

  it('filters by family and by EPCI, and keeps yearly snapshots apart', async () => {
    const assoc = await observatoryReport(ctx(), { epci: ['200043396'], essFamily: ['ASSOCIATION' as never], year: 2026 });
    expect(assoc.totals.establishments).toBe(2);
    await ds.query(`UPDATE structure SET active = false WHERE siret = '77811112000029'`);
    await refreshSnapshot(ds, 2027);
    const r2026 = await observatoryReport(ctx(), { zone: 'sambre-avesnois', year: 2026 });
    const r2027 = await observatoryReport(ctx(), { zone: 'sambre-avesnois', year: 2027 });
    expect(r2026.totals.establishments).toBe(4);
    expect(r2027.totals.establishments).toBe(3);
    expect(r2027.series.map((s) => [s.year, s.figures.establishments])).toEqual([
      [2026, 4],
      [2027, 3],
    ]);
  });
});

describe('observatory breakdown by sector', () => {
  it('comes from the sector snapshot, without a sector filter too', async () => {
    // This database has no demo data: one sector, linked to one structure of the fixture.
    const [{ id: sectorId }] = await ds.query(`INSERT INTO sector (slug, name) VALUES ('iae', 'IAE') RETURNING id::text`);
    await ds.query(
      `INSERT INTO structure_sector (structure_id, sector_id) SELECT id, $1 FROM structure WHERE siret = '77811112000011'`,
      [sectorId],
    );
    await refreshSnapshot(ds, 2028);
    const r = await observatoryReport(createAppContext(ds, null, 'test'), { zone: 'sambre-avesnois', year: 2028 });
    expect(r.bySector.map((x) => [x.key, x.figures.establishments])).toEqual([['iae', 1]]);
  });
});

describe('observatory rollups (maintained at refresh time; the dashboards read them)', () => {
  const ctx = () => createAppContext(ds, null, 'test');

  it('estimate employees with the same workforce bounds as the code', async () => {
    const ranges = [...Object.keys(WORKFORCE_BOUNDS), 'ZZ'];
    const rows: Array<{ range: string; low: number; high: number }> = await ds.query(
      `SELECT r AS range, essor_workforce_low(r) AS low, essor_workforce_high(r) AS high FROM unnest($1::text[]) r`,
      [ranges],
    );
    expect(rows).toEqual(ranges.map((range) => ({ range, ...pick(estimateEmployees(range, 1), 'low', 'high') })));
  });

  it('every level and every unit gives the same sums as the detailed snapshot', async () => {
    for (const year of [2026, 2027, 2028]) {
      const sums = `sum(establishments)::int AS n, sum(employers)::int AS employers, sum(declared_count)::int AS dc,
        sum(declared_employees)::int AS de, sum(estimated_low)::int AS low, sum(estimated_high)::int AS high`;
      const [detail] = await ds.query(
        `SELECT sum(o.establishments)::int AS n, sum(o.employers)::int AS employers, sum(o.declared_count)::int AS dc,
           sum(o.declared_employees)::int AS de,
           sum((o.establishments - o.declared_count) * essor_workforce_low(o.workforce_range))::int AS low,
           sum((o.establishments - o.declared_count) * essor_workforce_high(o.workforce_range))::int AS high
         FROM observatory_snapshot o JOIN commune c ON c.code = o.commune_code WHERE o.year = $1`,
        [year],
      );
      expect(detail.n).toBeGreaterThan(0);
      const levels = await ds.query(
        `SELECT level || CASE WHEN level = 'EPCI' AND naf_section = '*' THEN '*' ELSE '' END
           || CASE WHEN ess_family = '*' THEN ' (every family)' ELSE '' END AS level, ${sums}
         FROM observatory_rollup WHERE year = $1 AND sector_id = 0 AND (naf_section <> '*' OR level IN ('EPCI', 'COMMUNE'))
         GROUP BY 1 ORDER BY 1`,
        [year],
      );
      expect(levels).toEqual(
        ['COMMUNE', 'COMMUNE (every family)', 'DEPARTEMENT', 'EPCI', 'EPCI*', 'EPCI* (every family)', 'FRANCE', 'REGION'].map(
          (level) => ({ level, ...detail }),
        ),
      );
      const [sectorDetail] = await ds.query(
        `SELECT sum(o.establishments)::int AS n, sum(o.employers)::int AS employers, 0 AS dc, 0 AS de,
           sum(o.establishments * essor_workforce_low(o.workforce_range))::int AS low,
           sum(o.establishments * essor_workforce_high(o.workforce_range))::int AS high
         FROM observatory_snapshot_sector o JOIN commune c ON c.code = o.commune_code WHERE o.year = $1`,
        [year],
      );
      const sectorLevels = await ds.query(
        `SELECT level, ${sums} FROM observatory_rollup WHERE year = $1 AND sector_id <> 0 GROUP BY 1 ORDER BY 1`,
        [year],
      );
      expect(sectorLevels).toEqual(
        (sectorDetail.n ? ['DEPARTEMENT', 'EPCI', 'FRANCE', 'REGION'] : []).map((level) => ({ level, ...sectorDetail })),
      );
      // Unit by unit: each département is the sum of its EPCI parts, of its communes and of its communes' snapshot rows.
      const mismatches = await ds.query(
        `WITH d AS (SELECT code, establishments + 1000 * employers + 100000 * estimated_high AS v FROM observatory_rollup
                    WHERE year = $1 AND level = 'DEPARTEMENT' AND sector_id = 0),
              e AS (SELECT departement_code AS code, establishments + 1000 * employers + 100000 * estimated_high AS v
                    FROM observatory_rollup WHERE year = $1 AND level = 'EPCI' AND sector_id = 0 AND naf_section <> '*'),
              c AS (SELECT departement_code AS code, establishments + 1000 * employers + 100000 * estimated_high AS v
                    FROM observatory_rollup WHERE year = $1 AND level = 'COMMUNE' AND ess_family <> '*'),
              s AS (SELECT c.departement_code AS code, o.establishments + 1000 * o.employers
                      + 100000 * (o.establishments - o.declared_count) * essor_workforce_high(o.workforce_range) AS v
                    FROM observatory_snapshot o JOIN commune c ON c.code = o.commune_code WHERE o.year = $1)
         SELECT code, x.sum AS d, (SELECT sum(v) FROM e WHERE e.code = x.code) AS e, (SELECT sum(v) FROM c WHERE c.code = x.code) AS c,
           (SELECT sum(v) FROM s WHERE s.code = x.code) AS s
         FROM (SELECT code, sum(v) FROM d GROUP BY code) x`,
        [year],
      );
      expect(mismatches.length).toBeGreaterThan(0);
      for (const m of mismatches) expect([m.e, m.c, m.s]).toEqual([m.d, m.d, m.d]);
    }
  });

  describe('on a synthetic set (France, régions, départements, EPCIs astride two départements, communes without EPCI)', () => {
    const YEAR = 2030;
    let straddler: { siren: string; departements: string[]; regions: string[] };
    let noEpci: string;

    beforeAll(async () => {
      [straddler] = await ds.query(
        `SELECT c.epci_siren::text AS siren, array_agg(DISTINCT c.departement_code ORDER BY c.departement_code) AS departements,
           array_agg(DISTINCT d.region_code ORDER BY d.region_code) AS regions
         FROM commune c JOIN departement d ON d.code = c.departement_code WHERE c.epci_siren IS NOT NULL
         GROUP BY 1 HAVING count(DISTINCT d.region_code) > 1 ORDER BY 1 LIMIT 1`,
      );
      [{ code: noEpci }] = await ds.query(`SELECT code FROM commune WHERE epci_siren IS NULL ORDER BY code LIMIT 1`);
      const communes: string[] = (
        await ds.query(`SELECT code FROM commune WHERE code = ANY($1::text[]) OR epci_siren = ANY($2::bpchar[]) ORDER BY code`, [
          ['59350', '59512', '62041', '62193', '02691', '75056', '13055', '69123', noEpci],
          ['200043396', '200043321', straddler.siren],
        ])
      ).map((r: { code: string }) => r.code);
      await ds.query(
        `INSERT INTO structure (name, ess_family, naf_code, workforce_range, commune_code, status, in_perimeter, active, employer,
           employees_declared)
         SELECT 'Synthèse ' || i, (ARRAY['ASSOCIATION', 'COOPERATIVE', 'MUTUELLE', 'FONDATION', 'ENTREPRISE_ESS'])[1 + i % 5],
           CASE WHEN i % 7 = 0 THEN NULL
                ELSE (ARRAY['88.99B', '85.59A', '94.99Z', '38.32Z', '47.11B', '64.19Z', '90.01Z', '01.11Z', '35.11Z'])[1 + (i * 3) % 9] END,
           CASE WHEN i % 11 = 0 THEN NULL
                ELSE (ARRAY['NN', '00', '01', '02', '03', '11', '12', '21', '22', '31', '32', '41', '42', '51', '52', '53'])[1 + (i * 5) % 16] END,
           ($1::text[])[1 + (i * 13) % cardinality($1::text[])],
           CASE WHEN i % 13 = 0 THEN 'ARCHIVED' WHEN i % 4 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END,
           i % 17 <> 0, i % 19 <> 0, CASE i % 3 WHEN 0 THEN true WHEN 1 THEN false END, CASE WHEN i % 6 = 0 THEN i % 40 END
         FROM generate_series(1, 900) i`,
        [communes],
      );
      await ds.query(`INSERT INTO sector (slug, name) VALUES ('culture', 'Culture'), ('alimentation', 'Alimentation')`);
      await ds.query(
        `INSERT INTO structure_sector (structure_id, sector_id)
         SELECT s.id, x.id FROM structure s JOIN sector x ON (x.slug = 'iae' AND s.id % 3 = 0) OR (x.slug = 'culture' AND s.id % 4 <> 1)
           OR (x.slug = 'alimentation' AND s.id % 5 = 2)
         WHERE s.name LIKE 'Synthèse %'`,
      );
      await refreshSnapshot(ds, YEAR);
    });

    const scopes = (): Array<[string, ObservatoryArgs]> => [
      ['France', {}],
      ['a région', { region: ['32'] }],
      ['two régions', { region: ['32', '11'] }],
      ['a département', { departement: ['59'] }],
      ['two départements', { departement: ['59', '62'] }],
      ['a département within its région', { departement: ['59'], region: ['32'] }],
      ['a département outside the région', { departement: ['59'], region: ['11'] }],
      ['an EPCI astride two régions', { epci: [straddler.siren] }],
      ['its part in one département', { epci: [straddler.siren], departement: [straddler.departements[0]] }],
      ['its part in one région', { epci: [straddler.siren], region: [straddler.regions[1]] }],
      ['the zone', { zone: 'sambre-avesnois' }],
      ['the zone and an EPCI', { zone: 'sambre-avesnois', epci: ['200093201'] }],
      ['communes', { commune: ['59392', '59350', '75056', noEpci] }],
      ['communes within a département', { commune: ['59392', '59350', '75056'], departement: ['59'] }],
      ['communes within an EPCI', { commune: ['59392', '59350'], epci: ['200043396'] }],
    ];
    const filters: Array<[string, Partial<ObservatoryArgs>]> = [
      ['', {}],
      [', two families', { essFamily: ['ASSOCIATION', 'MUTUELLE'] as never }],
      [', two sectors', { sector: ['iae', 'culture'] }],
      [', a family and a sector', { essFamily: ['COOPERATIVE'] as never, sector: ['alimentation'] }],
    ];

    it('give the figures of the structures themselves, for every scope and filter', async () => {
      const all = await perimeterStructures();
      for (const [name, scope] of scopes()) {
        for (const [filterName, filter] of filters) {
          const args = { ...scope, ...filter, year: YEAR };
          const r = await observatoryReport(ctx(), args);
          const expected = reference(all, args);
          const got = {
            totals: r.totals,
            byFamily: r.byFamily,
            byNafSection: r.byNafSection,
            byEpci: r.byEpci,
            byCommune: r.byCommune,
            bySector: r.bySector,
            year: r.series.find((s) => s.year === YEAR)?.figures ?? null,
          };
          expect({ scope: name + filterName, ...got }).toEqual({ scope: name + filterName, ...expected });
        }
      }
    });

    it('list communes only for a scope of at most one département, and say so', async () => {
      const france = await observatoryReport(ctx(), { year: YEAR });
      expect(france.byCommune).toEqual([]);
      expect(france.notes.join(' ')).toMatch(/Répartition par commune : donnée pour une zone, des intercommunalités/);
      expect((await observatoryReport(ctx(), { year: YEAR, departement: ['59', '62'] })).byCommune).toEqual([]);
      const nord = await observatoryReport(ctx(), { year: YEAR, departement: ['59'] });
      expect(nord.byCommune.length).toBeGreaterThan(40);
      expect(nord.notes).toEqual([]);
    });

    it('the series reads every year with a snapshot', async () => {
      const r = await observatoryReport(ctx(), { zone: 'sambre-avesnois', year: YEAR });
      expect(r.series.map((s) => s.year)).toEqual([2026, 2027, 2028, YEAR]);
      expect(r.series.at(-1)!.figures).toEqual(r.totals);
    });
  });

  it('cap the communes of a list of EPCIs at 1,000, the others summed into one item', async () => {
    const epcis: string[] = (
      await ds.query(
        `SELECT epci_siren::text AS siren FROM commune WHERE epci_siren IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 12`,
      )
    ).map((r: { siren: string }) => r.siren);
    await ds.query(
      `INSERT INTO structure (name, ess_family, workforce_range, commune_code, status)
       SELECT 'Cap ' || code, 'ASSOCIATION', '01', code, 'PUBLISHED' FROM commune WHERE epci_siren = ANY($1::bpchar[])`,
      [epcis],
    );
    await refreshSnapshot(ds, 2031);
    const r = await observatoryReport(ctx(), { year: 2031, epci: epcis });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM commune WHERE epci_siren = ANY($1::bpchar[])`, [epcis]);
    expect(n).toBeGreaterThan(COMMUNE_BREAKDOWN_LIMIT);
    expect(r.byCommune).toHaveLength(COMMUNE_BREAKDOWN_LIMIT + 1);
    const others = r.byCommune.at(-1)!;
    expect(others.key).toBe('');
    expect(others.label).toMatch(/^Autres communes \(\d+\)$/);
    const sum = (k: keyof ObservatoryFigures) => r.byCommune.reduce((s, c) => s + c.figures[k], 0);
    expect(sum('establishments')).toBe(r.totals.establishments);
    expect(sum('employeesMid')).toBe(r.totals.employeesMid);
    expect(r.notes.join(' ')).toMatch(/les 1\s000 communes comptant le plus d'établissements, les \d+ autres regroupées/);
  });
});

/** Structures counted by the observatory (in the perimeter, active, not archived, with a commune), with their territory. */
interface Counted {
  commune: string;
  communeName: string;
  epci: string;
  epciName: string;
  departement: string;
  region: string;
  family: string;
  naf: string;
  range: string;
  employer: boolean;
  declared: number | null;
  sectors: Array<{ slug: string; name: string }>;
}
const perimeterStructures = (): Promise<Counted[]> =>
  ds.query(
    `SELECT s.commune_code AS commune, c.name AS "communeName", coalesce(c.epci_siren::text, '') AS epci,
       coalesce(e.name, '') AS "epciName", c.departement_code AS departement, d.region_code AS region, s.ess_family AS family,
       essor_naf_section(s.naf_code) AS naf, coalesce(s.workforce_range, 'NN') AS range,
       (s.employer IS TRUE OR coalesce(s.workforce_range, 'NN') NOT IN ('NN', '00') OR s.employees_declared > 0) AS employer,
       s.employees_declared AS declared,
       coalesce((SELECT json_agg(json_build_object('slug', x.slug, 'name', x.name)) FROM structure_sector ss
                 JOIN sector x ON x.id = ss.sector_id WHERE ss.structure_id = s.id), '[]') AS sectors
     FROM structure s JOIN commune c ON c.code = s.commune_code JOIN departement d ON d.code = c.departement_code
       LEFT JOIN epci e ON e.siren = c.epci_siren
     WHERE s.in_perimeter AND s.active AND s.status <> 'ARCHIVED'`,
  );

/** The report of a scope computed from the structures one by one (what the rollups must give). */
function reference(all: Counted[], a: ObservatoryArgs) {
  const epcis = [...(a.epci ?? []), ...(a.zone ? ZONES[a.zone].epcis : [])];
  const inScope = all.filter(
    (s) =>
      (!a.commune?.length || a.commune.includes(s.commune)) &&
      (!epcis.length || epcis.includes(s.epci)) &&
      (!a.departement?.length || a.departement.includes(s.departement)) &&
      (!a.region?.length || a.region.includes(s.region)) &&
      (!a.essFamily?.length || a.essFamily.includes(s.family as never)),
  );
  type Unit = { s: Counted; sector: { slug: string; name: string } | null; declared: boolean };
  const perSector = (keep: (slug: string) => boolean): Unit[] =>
    inScope.flatMap((s) => s.sectors.filter((x) => keep(x.slug)).map((sector) => ({ s, sector, declared: false })));
  const units: Unit[] = a.sector?.length
    ? perSector((slug) => a.sector!.includes(slug))
    : inScope.map((s) => ({ s, sector: null, declared: true }));
  const figures = (us: Unit[]): ObservatoryFigures => {
    const f = {
      establishments: us.length,
      employers: us.filter((u) => u.s.employer).length,
      declaredEstablishments: 0,
      declaredEmployees: 0,
      estimatedLow: 0,
      estimatedMid: 0,
      estimatedHigh: 0,
    };
    for (const u of us) {
      if (u.declared && u.s.declared !== null) {
        f.declaredEstablishments += 1;
        f.declaredEmployees += u.s.declared;
      } else {
        const e = estimateEmployees(u.s.range, 1);
        f.estimatedLow += e.low;
        f.estimatedMid += e.mid;
        f.estimatedHigh += e.high;
      }
    }
    return {
      ...f,
      employeesLow: f.declaredEmployees + f.estimatedLow,
      employeesMid: f.declaredEmployees + f.estimatedMid,
      employeesHigh: f.declaredEmployees + f.estimatedHigh,
    };
  };
  const by = (us: Unit[], keyOf: (u: Unit) => [string, string]) => {
    const groups = new Map<string, { label: string; units: Unit[] }>();
    for (const u of us) {
      const [key, label] = keyOf(u);
      if (!groups.has(key)) groups.set(key, { label, units: [] });
      groups.get(key)!.units.push(u);
    }
    return [...groups.entries()]
      .map(([key, g]) => ({ key, label: g.label, figures: figures(g.units) }))
      .sort((x, y) => y.figures.establishments - x.figures.establishments || x.label.localeCompare(y.label, 'fr'));
  };
  const listsCommunes = !!a.commune?.length || !!epcis.length || a.departement?.length === 1;
  return {
    totals: figures(units),
    byFamily: by(units, (u) => [u.s.family, ESS_FAMILY_LABELS[u.s.family as EssFamily]]),
    byNafSection: a.sector?.length ? [] : by(units, (u) => [u.s.naf, `${u.s.naf} — ${NAF_SECTION_LABELS[u.s.naf]}`]),
    byEpci: by(units, (u) => [u.s.epci, u.s.epciName || u.s.epci]),
    byCommune: listsCommunes ? by(units, (u) => [u.s.commune, u.s.communeName]) : [],
    bySector: by(a.sector?.length ? units : perSector(() => true), (u) => [u.sector!.slug, u.sector!.name]),
    year: units.length ? figures(units) : null,
  };
}

const pick = <T extends object, K extends keyof T>(o: T, ...keys: K[]) =>
  Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;

describe('SIRENE import: Paris, Lyon and Marseille, individual entrepreneurs', () => {
  const sirets = ['77897770200019', '77898880800011', '77899990400015', '77899990400023'];

  it('counts establishments coded by municipal arrondissement in their commune, and names individual entrepreneurs', async () => {
    const before = await observatoryReport(createAppContext(ds, null, 'test'), { year: 2031, departement: ['75', '13', '69'] });
    const report = await importSirene(ds, { ...files, territory: ['75', '13', '69'] });
    expect(report).toMatchObject({ inserted: 4, updated: 0, outsidePerimeter: 1, rejected: 1 });
    expect(
      await ds.query(
        `SELECT siret, name, commune_code, ess_family, status FROM structure WHERE siret = ANY($1::text[]) ORDER BY siret`,
        [sirets],
      ),
    ).toEqual([
      // an individual entrepreneur with SIRENE's ESS flag, in Paris 20e: prénom usuel and nom d'usage
      { siret: sirets[0], name: 'CLAIRE DURAND', commune_code: '75056', ess_family: 'ENTREPRISE_ESS', status: 'PUBLISHED' },
      { siret: sirets[1], name: 'SCOP DES CANUTS', commune_code: '69123', ess_family: 'COOPERATIVE', status: 'PUBLISHED' },
      { siret: sirets[2], name: 'PARIS SOLIDAIRE', commune_code: '75056', ess_family: 'ASSOCIATION', status: 'PUBLISHED' },
      { siret: sirets[3], name: 'PARIS SOLIDAIRE', commune_code: '13055', ess_family: 'ASSOCIATION', status: 'PUBLISHED' },
    ]);
    // The other individual entrepreneur (Marseille 16e) is outside the perimeter, not a rejected line; a unit with
    // neither denomination nor name is (errors of a batch are written in one statement).
    expect(
      await ds.query(`SELECT file, line::int, message FROM sirene_import_error WHERE import_id = $1 ORDER BY file, line`, [
        report.importId,
      ]),
    ).toEqual([{ file: 'UNITES', line: 9, message: 'unité 778955500 sans dénomination ni nom' }]);

    await refreshSnapshot(ds, 2033);
    const after = await observatoryReport(createAppContext(ds, null, 'test'), { year: 2033, departement: ['75', '13', '69'] });
    expect(after.totals.establishments - before.totals.establishments).toBe(4);
    const added = (r: typeof after, code: string) => r.byEpci.find((e) => e.key === code)?.figures.establishments ?? 0;
    // Métropole du Grand Paris, Métropole d'Aix-Marseille-Provence, Métropole de Lyon
    expect(['200054781', '200054807', '200046977'].map((e) => added(after, e) - added(before, e))).toEqual([2, 1, 1]);
  });

  it('a unit named from nom and prénom, and never a non-diffusible person', () => {
    expect(unitName({ nomUniteLegale: 'MARTIN', prenom1UniteLegale: 'PAUL' })).toBe('PAUL MARTIN');
    expect(unitName({ nomUniteLegale: 'MARTIN', nomUsageUniteLegale: 'ROBERT', prenomUsuelUniteLegale: 'LÉA' })).toBe(
      'LÉA ROBERT',
    );
    expect(unitName({ denominationUniteLegale: 'ASSO', nomUniteLegale: 'MARTIN' })).toBe('ASSO');
    expect(unitName({ statutDiffusionUniteLegale: 'P', nomUniteLegale: 'MARTIN' })).toBe('[non diffusible]');
    expect(unitName({ statutDiffusionUniteLegale: 'P', denominationUniteLegale: '[ND]' })).toBe('[non diffusible]');
    expect(unitName({ nomUniteLegale: '[ND]' })).toBeNull();
  });
});
