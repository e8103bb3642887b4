import type { Context } from '../../common/context';
import { ErrorCode, UserInputError } from '../../common/errors';
import { assertTerritoryCodes } from '../territory/territory.service';
import { ESS_FAMILY_LABELS, EssFamily } from '../structure/ess-family';
import type {
  EssShare,
  ObservatoryArgs,
  ObservatoryBreakdownItem,
  ObservatoryFigures,
  ObservatoryReport,
  ReferenceFigure,
} from './observatory.types';
import { ZONES } from './reference-figures';
import { estimateEmployees } from './workforce-estimate';

export const NAF_SECTION_LABELS: Readonly<Record<string, string>> = {
  A: 'Agriculture',
  B: 'Industries extractives',
  C: 'Industrie manufacturière',
  D: 'Énergie',
  E: 'Eau, déchets',
  F: 'Construction',
  G: 'Commerce',
  H: 'Transports',
  I: 'Hébergement, restauration',
  J: 'Information, communication',
  K: 'Finance, assurance',
  L: 'Immobilier',
  M: 'Activités spécialisées, scientifiques',
  N: 'Services administratifs et de soutien',
  O: 'Administration publique',
  P: 'Enseignement',
  Q: 'Santé humaine et action sociale',
  R: 'Arts, spectacles, loisirs',
  S: 'Autres activités de services',
  T: 'Ménages',
  U: 'Extra-territorial',
  '?': 'Non renseignée',
};

interface Cell {
  workforce_range: string;
  establishments: number;
  employers: number;
  declared_count: number;
  declared_employees: number;
}

/** Sums cells (one per workforce range) into figures: declared where known, estimated from ranges otherwise. */
export function figuresOf(cells: Cell[]): ObservatoryFigures {
  const f: ObservatoryFigures = {
    establishments: 0,
    employers: 0,
    declaredEstablishments: 0,
    declaredEmployees: 0,
    estimatedLow: 0,
    estimatedMid: 0,
    estimatedHigh: 0,
    employeesLow: 0,
    employeesMid: 0,
    employeesHigh: 0,
  };
  for (const c of cells) {
    f.establishments += c.establishments;
    f.employers += c.employers;
    f.declaredEstablishments += c.declared_count;
    f.declaredEmployees += c.declared_employees;
    const e = estimateEmployees(c.workforce_range, c.establishments - c.declared_count);
    f.estimatedLow += e.low;
    f.estimatedMid += e.mid;
    f.estimatedHigh += e.high;
  }
  f.employeesLow = f.declaredEmployees + f.estimatedLow;
  f.employeesMid = f.declaredEmployees + f.estimatedMid;
  f.employeesHigh = f.declaredEmployees + f.estimatedHigh;
  return f;
}

function group<T extends { key: string; label: string }>(rows: Array<T & Cell>): ObservatoryBreakdownItem[] {
  const by = new Map<string, { label: string; cells: Cell[] }>();
  for (const r of rows) {
    if (!by.has(r.key)) by.set(r.key, { label: r.label, cells: [] });
    by.get(r.key)!.cells.push(r);
  }
  return [...by.entries()]
    .map(([key, { label, cells }]) => ({ key, label, figures: figuresOf(cells) }))
    .sort((a, b) => b.figures.establishments - a.figures.establishments || a.label.localeCompare(b.label, 'fr'));
}

/** The ESS of a scope (territory, families, sectors) for a year, from the maintained snapshots. */
export async function observatoryReport(ctx: Context, a: ObservatoryArgs): Promise<ObservatoryReport> {
  const zone = a.zone ? ZONES[a.zone] : undefined;
  if (a.zone && !zone)
    throw new UserInputError(ErrorCode.UNKNOWN_TERRITORY_CODE, `Zone inconnue : « ${a.zone.slice(0, 40)} ».`, { field: 'zone' });
  await assertTerritoryCodes(ctx, { commune: a.commune, epci: a.epci, departement: a.departement, region: a.region });
  const runs: Array<{ year: number; computed_at: Date; rule_version: string }> = await ctx.ds.query(
    'SELECT year, computed_at, rule_version FROM observatory_snapshot_run ORDER BY year',
  );
  const year = a.year ?? runs[runs.length - 1]?.year ?? new Date().getFullYear();
  const run = runs.find((r) => r.year === year);

  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  const epcis = [...(a.epci ?? []), ...(zone?.epcis ?? [])];
  if (a.commune?.length) where.push(`o.commune_code = ANY(${p(a.commune)}::text[])`);
  if (epcis.length) where.push(`c.epci_siren = ANY(${p(epcis)}::text[])`);
  if (a.departement?.length) where.push(`c.departement_code = ANY(${p(a.departement)}::text[])`);
  if (a.region?.length) where.push(`d.region_code = ANY(${p(a.region)}::text[])`);
  if (a.essFamily?.length) where.push(`o.ess_family = ANY(${p(a.essFamily)}::text[])`);
  const notes: string[] = [];
  let table = 'observatory_snapshot';
  if (a.sector?.length) {
    table = 'observatory_snapshot_sector';
    where.push(`o.sector_id IN (SELECT id FROM sector WHERE slug = ANY(${p(a.sector)}::text[]))`);
    notes.push(
      'Filtre par secteur : une structure de plusieurs secteurs compte dans chacun ; pas de ventilation NAF ni d’effectifs déclarés.',
    );
  }
  const joins = `JOIN commune c ON c.code = o.commune_code JOIN departement d ON d.code = c.departement_code
    LEFT JOIN epci e ON e.siren = c.epci_siren
    ${table === 'observatory_snapshot_sector' ? 'JOIN sector s ON s.id = o.sector_id' : 'LEFT JOIN sector s ON false'}`;
  const filter = where.length ? `AND ${where.join(' AND ')}` : '';
  const sums = `o.workforce_range, sum(o.establishments)::int AS establishments, sum(o.employers)::int AS employers,
    ${table === 'observatory_snapshot' ? 'sum(o.declared_count)::int AS declared_count, sum(o.declared_employees)::int AS declared_employees' : '0 AS declared_count, 0 AS declared_employees'}`;
  const naf = table === 'observatory_snapshot' ? 'o.naf_section' : `'?'::char(1)`;
  // Every breakdown of the year in one statement (GROUPING SETS), the series in another.
  const rows: Array<Cell & { dim: string; key: string; label: string }> = await ctx.ds.query(
    `SELECT CASE WHEN GROUPING(o.ess_family) = 0 THEN 'family' WHEN GROUPING(${naf}) = 0 THEN 'naf'
                 WHEN GROUPING(c.epci_siren) = 0 THEN 'epci' WHEN GROUPING(o.commune_code) = 0 THEN 'commune'
                 WHEN GROUPING(s.slug) = 0 THEN 'sector' ELSE 'total' END AS dim,
       coalesce(o.ess_family, ${naf}, c.epci_siren, o.commune_code, s.slug, '') AS key,
       CASE WHEN GROUPING(c.epci_siren) = 0 THEN max(e.name) WHEN GROUPING(o.commune_code) = 0 THEN max(c.name)
            WHEN GROUPING(s.slug) = 0 THEN max(s.name) ELSE '' END AS label, ${sums}
     FROM ${table} o ${joins} WHERE o.year = ${p(year)} ${filter}
     GROUP BY GROUPING SETS ((o.workforce_range), (o.ess_family, o.workforce_range), (${naf}, o.workforce_range),
       (c.epci_siren, o.workforce_range), (o.commune_code, o.workforce_range), (s.slug, o.workforce_range))`,
    params,
  );
  const seriesRows: Array<Cell & { year: number }> = await ctx.ds.query(
    `SELECT o.year, ${sums} FROM ${table} o ${joins} WHERE true ${filter} GROUP BY o.year, o.workforce_range ORDER BY o.year`,
    params.slice(0, -1),
  );
  // Sectors have their own grain (a structure may be in several): always from the sector snapshot.
  if (table === 'observatory_snapshot') {
    const sectorRows = await ctx.ds.query(
      `SELECT 'sector' AS dim, s.slug AS key, max(s.name) AS label, o.workforce_range, sum(o.establishments)::int AS establishments,
         sum(o.employers)::int AS employers, 0 AS declared_count, 0 AS declared_employees
       FROM observatory_snapshot_sector o JOIN commune c ON c.code = o.commune_code JOIN departement d ON d.code = c.departement_code
         JOIN sector s ON s.id = o.sector_id
       WHERE o.year = $${params.length} ${filter} GROUP BY s.slug, o.workforce_range`,
      params,
    );
    rows.push(...sectorRows);
  }
  const pick = (dim: string) => rows.filter((r) => r.dim === dim && (dim !== 'sector' || r.key !== ''));
  const seriesByYear = new Map<number, Cell[]>();
  for (const r of seriesRows) {
    if (!seriesByYear.has(r.year)) seriesByYear.set(r.year, []);
    seriesByYear.get(r.year)!.push(r);
  }
  const totals = figuresOf(pick('total'));
  const labelled = (dim: string, labelOf: (key: string, label: string) => string) =>
    group(pick(dim).map((r) => ({ ...r, label: labelOf(r.key, r.label) })));

  const references: ReferenceFigure[] = (
    await ctx.ds.query(
      `SELECT territory_type AS "territoryType", territory_code AS "territoryCode", territory_name AS "territoryName",
         indicator, year, value::float8 AS value, source
       FROM reference_figure WHERE territory_type IN ('FRANCE', 'REGION') OR (territory_type = 'ZONE' AND territory_code = $1)
       ORDER BY territory_type, territory_code, indicator, year`,
      [a.zone ?? ''],
    )
  ).map((r: ReferenceFigure) => ({ ...r, year: Number(r.year) }));

  return {
    year,
    computedAt: run?.computed_at ?? null,
    ruleVersion: run?.rule_version ?? null,
    scope: describeScope(a, zone?.name),
    totals,
    byFamily: labelled('family', (k) => ESS_FAMILY_LABELS[k as EssFamily] ?? k),
    byNafSection: table === 'observatory_snapshot' ? labelled('naf', (k) => `${k} — ${NAF_SECTION_LABELS[k] ?? k}`) : [],
    byEpci: labelled('epci', (k, l) => l || k),
    byCommune: labelled('commune', (k, l) => l || k),
    bySector: labelled('sector', (k, l) => l || k),
    series: [...seriesByYear.entries()].sort(([x], [y]) => x - y).map(([y, cells]) => ({ year: y, figures: figuresOf(cells) })),
    share: await shareOf(ctx, a, totals.employeesMid, year),
    references,
    notes: run ? notes : [...notes, `Aucun instantané pour ${year} : lancez « refreshObservatory ».`],
  };
}

function describeScope(a: ObservatoryArgs, zoneName?: string): string {
  const parts: string[] = [];
  if (zoneName) parts.push(zoneName);
  if (a.epci?.length) parts.push(`EPCI ${a.epci.join(', ')}`);
  if (a.commune?.length) parts.push(`communes ${a.commune.join(', ')}`);
  if (a.departement?.length) parts.push(`département ${a.departement.join(', ')}`);
  if (a.region?.length) parts.push(`région ${a.region.join(', ')}`);
  if (a.essFamily?.length) parts.push(a.essFamily.map((f) => ESS_FAMILY_LABELS[f]).join(', '));
  if (a.sector?.length) parts.push(`secteurs ${a.sector.join(', ')}`);
  return parts.length ? parts.join(' · ') : 'Tout le territoire couvert';
}

/** Share of ESS employment, when the scope is exactly one reference territory with a known total. */
async function shareOf(ctx: Context, a: ObservatoryArgs, essEmployees: number, year: number): Promise<EssShare | null> {
  if (a.essFamily?.length || a.sector?.length) return null;
  const single: Array<[string, string[] | null | undefined]> = [
    ['ZONE', a.zone ? [a.zone] : null],
    ['EPCI', a.epci],
    ['COMMUNE', a.commune],
    ['DEPARTEMENT', a.departement],
    ['REGION', a.region],
  ];
  const chosen = single.filter(([, v]) => v?.length);
  if (chosen.length !== 1 || chosen[0][1]!.length !== 1) return null;
  const [type, [code]] = chosen[0] as [string, string[]];
  const [ref] = await ctx.ds.query(
    `SELECT value::float8 AS value, year, source FROM reference_figure
     WHERE territory_type = $1 AND territory_code = $2 AND indicator = 'TOTAL_EMPLOYEES' AND year <= $3
     ORDER BY year DESC LIMIT 1`,
    [type, code, year],
  );
  if (!ref || !ref.value) return null;
  return {
    essEmployees,
    totalEmployees: ref.value,
    percent: Math.round((essEmployees / ref.value) * 1000) / 10,
    referenceYear: Number(ref.year),
    source: ref.source,
  };
}
