import path from 'node:path';
import { prepareDatabase } from '../../src/bootstrap';
import { createContext } from '../../src/common/context';
import { createDataSource } from '../../src/common/db/data-source';
import { observatoryReport } from '../../src/modules/observatory/observatory.service';
import { CrashForTests, importSirene } from '../../src/modules/observatory/sirene-import.service';
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
let ds: ReturnType<typeof createDataSource>;

beforeAll(async () => {
  ds = createDataSource({ url: await createDatabase(NAME), poolSize: 3 });
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
  const ctx = () => createContext(ds, null, 'test');

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
    const r = await observatoryReport(createContext(ds, null, 'test'), { zone: 'sambre-avesnois', year: 2028 });
    expect(r.bySector.map((x) => [x.key, x.figures.establishments])).toEqual([['iae', 1]]);
  });
});
