import type { Context } from '../../common/context';
import { queryPrepared } from '../../common/reads';
import { compile, queryRows, sql, type Sql } from '../../common/sql/sql';
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
import { observatoryErrors } from './observatory.errors';
import { ZONES } from './reference-figures';

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

interface SnapshotRun {
  year: number;
  computed_at: Date | string;
  rule_version: string;
}

/** A read of the first round trip, sent through the read runtime (fused with the others of the tick). */
async function readPrepared<Row>(ctx: Context, q: Sql<Row>): Promise<Row[]> {
  const { text, values } = compile(q);
  return (await queryPrepared(ctx.ds, text, values)) as unknown as Row[];
}

/** Sums of one breakdown item, or of one year of the series, as PostgreSQL returns them. */
interface Cell {
  establishments: number;
  employers: number;
  declared_count: number;
  declared_employees: number;
  estimated_low: number;
  estimated_mid: number;
  estimated_high: number;
}
interface Row extends Cell {
  dim: 'family' | 'naf' | 'sector' | 'series' | 'epci' | 'commune';
  key: string;
  label: string;
}

/**
 * Sums cells into figures: declared employees where known, estimated from the workforce ranges
 * otherwise. The estimates are summed by PostgreSQL with `essor_workforce_low` / `_high` (the
 * bounds of `estimateEmployees`); every value is a multiple of 0.5, so the sums are exact.
 */
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
    f.estimatedLow += c.estimated_low;
    f.estimatedMid += c.estimated_mid;
    f.estimatedHigh += c.estimated_high;
  }
  f.employeesLow = f.declaredEmployees + f.estimatedLow;
  f.employeesMid = f.declaredEmployees + f.estimatedMid;
  f.employeesHigh = f.declaredEmployees + f.estimatedHigh;
  return f;
}

/** French order of labels (one collator: `localeCompare(…, 'fr')` builds one per call). */
const FRENCH = new Intl.Collator('fr');

function group(rows: Row[]): ObservatoryBreakdownItem[] {
  const by = new Map<string, { label: string; cells: Cell[] }>();
  for (const r of rows) {
    if (!by.has(r.key)) by.set(r.key, { label: r.label, cells: [] });
    by.get(r.key)!.cells.push(r);
  }
  return [...by.entries()]
    .map(([key, { label, cells }]) => ({ key, label, figures: figuresOf(cells) }))
    .sort((a, b) => b.figures.establishments - a.figures.establishments || FRENCH.compare(a.label, b.label));
}

/**
 * Most communes `byCommune` lists; the others are summed into one last item (empty key). A scope
 * of one département has at most 890 communes: only lists of EPCIs reach it.
 */
export const COMMUNE_BREAKDOWN_LIMIT = 1000;

/** The communes of a scope, capped: the largest first, then « Autres communes (n) ». */
function capCommunes(items: ObservatoryBreakdownItem[]): { items: ObservatoryBreakdownItem[]; others: number } {
  if (items.length <= COMMUNE_BREAKDOWN_LIMIT) return { items, others: 0 };
  const rest = items.slice(COMMUNE_BREAKDOWN_LIMIT);
  const sum = (k: keyof ObservatoryFigures) => rest.reduce((s, i) => s + i.figures[k], 0);
  const figures = Object.fromEntries(
    (Object.keys(rest[0].figures) as Array<keyof ObservatoryFigures>).map((k) => [k, sum(k)]),
  ) as unknown as ObservatoryFigures;
  return {
    items: [...items.slice(0, COMMUNE_BREAKDOWN_LIMIT), { key: '', label: `Autres communes (${rest.length})`, figures }],
    others: rest.length,
  };
}

/**
 * The territory of a request. Without a commune list it is a set of units of one level of the
 * rollups (France, régions, départements, EPCIs — a zone is its EPCIs), the other territory
 * arguments narrowing it; a commune list (at most 200) reads the rows of those communes (and, for
 * its NAF and sector breakdowns, their rows in the detailed snapshots). Communes are listed for a
 * scope of at most one département.
 */
type Scope =
  | { level: 'FRANCE' | 'REGION' | 'DEPARTEMENT' | 'EPCI'; codes: string[]; listsCommunes: boolean }
  | { level: 'COMMUNE'; codes: string[]; listsCommunes: true };

function scopeOf(a: ObservatoryArgs, epcis: string[]): Scope {
  if (a.commune?.length) return { level: 'COMMUNE', codes: a.commune, listsCommunes: true };
  if (epcis.length) return { level: 'EPCI', codes: epcis, listsCommunes: true };
  if (a.departement?.length) return { level: 'DEPARTEMENT', codes: a.departement, listsCommunes: a.departement.length === 1 };
  if (a.region?.length) return { level: 'REGION', codes: a.region, listsCommunes: false };
  return { level: 'FRANCE', codes: [''], listsCommunes: false };
}

/** The sums of rows `t` with the columns of `observatory_rollup`, as `Cell` (`t`: a constant alias). */
const SUMS = (t: string) =>
  sql.raw(`sum(${t}.establishments)::int AS establishments, sum(${t}.employers)::int AS employers,
  sum(${t}.declared_count)::int AS declared_count, sum(${t}.declared_employees)::int AS declared_employees,
  sum(${t}.estimated_low)::float8 AS estimated_low, sum(${t}.estimated_low + ${t}.estimated_high)::float8 / 2 AS estimated_mid,
  sum(${t}.estimated_high)::float8 AS estimated_high`);
/** The same columns, of a subquery `t` that summed them (with `mid`), or of rows of `observatory_rollup`. */
const SUMMED = (t: string, mid = true) =>
  sql.raw(
    `${t}.establishments, ${t}.employers, ${t}.declared_count, ${t}.declared_employees, ${t}.estimated_low,` +
      `${mid ? ` ${t}.estimated_mid,` : ''} ${t}.estimated_high`,
  );

/** The columns of `observatory_rollup` computed from a row `o` of a detailed snapshot (as `essor_observatory_rollup` does). */
const DETAIL_MEASURES = sql`o.establishments, o.employers, o.declared_count, o.declared_employees,
  (o.establishments - o.declared_count)::bigint * essor_workforce_low(o.workforce_range) AS estimated_low,
  (o.establishments - o.declared_count)::bigint * essor_workforce_high(o.workforce_range) AS estimated_high`;
const DETAIL_SECTOR_MEASURES = sql`o.establishments, o.employers, 0 AS declared_count, 0::bigint AS declared_employees,
  o.establishments::bigint * essor_workforce_low(o.workforce_range) AS estimated_low,
  o.establishments::bigint * essor_workforce_high(o.workforce_range) AS estimated_high`;

/** Nothing: an absent condition of a statement. */
const NONE = sql``;

/**
 * The one statement of a report: every breakdown of the year and the yearly series. `u` holds the
 * rows of the scope for every year of the series: its units in `observatory_rollup` (NAF sections ×
 * families, and sectors × families), or for a commune list the communes' rows (families only; the
 * NAF and sector breakdowns then read the detailed snapshots of the year). The `'*'` rows of the
 * EPCI parts and of the communes give `byEpci` and `byCommune`. With a sector filter every figure
 * comes from the rows of the chosen sectors (a structure counts in each of its sectors).
 */
function reportStatement(a: ObservatoryArgs, scope: Scope, year: number, years: number[]): Sql<Row> {
  const y = sql`${year}`;
  const ys = sql`${years}`;
  const codes = sql`${scope.codes}`;
  const fam = a.essFamily?.length ? sql`${a.essFamily}` : null;
  const onFamily = (t: string) => (fam ? sql` AND ${sql.ref(`${t}.ess_family`)} = ANY(${fam}::text[])` : NONE);
  /** Rows by family of a breakdown that also has `'*'` rows (every family at once). */
  const byFamily = (t: string) =>
    fam ? sql`${sql.ref(`${t}.ess_family`)} = ANY(${fam}::text[])` : sql`${sql.ref(`${t}.ess_family`)} <> '*'`;
  const sectorIds = a.sector?.length ? sql`ARRAY(SELECT id FROM sector WHERE slug = ANY(${a.sector}::text[]))` : null;
  const epcis = [...(a.epci ?? []), ...((a.zone && ZONES[a.zone]?.epcis) || [])];
  const epciList = scope.level === 'COMMUNE' && epcis.length ? sql`${epcis}` : null;
  const deps = a.departement?.length && scope.level !== 'DEPARTEMENT' ? sql`${a.departement}` : null;
  const regionDeps =
    a.region?.length && scope.level !== 'REGION'
      ? sql`ARRAY(SELECT code FROM departement WHERE region_code = ANY(${a.region}::text[]))`
      : null;
  /** Narrowing by the other territory arguments, on a `departement_code` column. */
  const onDepartement = (col: string) =>
    sql`${deps ? sql` AND ${sql.ref(col)} = ANY(${deps}::text[])` : NONE}${
      regionDeps ? sql` AND ${sql.ref(col)} = ANY(${regionDeps})` : NONE
    }`;
  const main = sectorIds ? sql`u.sector_id <> 0` : sql`u.sector_id = 0`;
  const sectorsOf = (rows: Sql) =>
    sql`SELECT 'sector', s.slug::text, s.name, ${SUMMED('x')}
     FROM (SELECT r.sector_id, ${SUMS('r')} FROM (${rows}) r GROUP BY r.sector_id) x JOIN sector s ON s.id = x.sector_id`;

  let units: Sql;
  const branches: Sql[] = [];
  if (scope.level === 'COMMUNE') {
    const communes = sql`ARRAY(SELECT code FROM commune WHERE code = ANY(${codes}::text[])${
      epciList ? sql` AND epci_siren = ANY(${epciList}::bpchar[])` : NONE
    }${onDepartement('departement_code')})`;
    units = sectorIds
      ? sql`SELECT o.year, o.sector_id, o.ess_family, o.commune_code AS code, ${DETAIL_SECTOR_MEASURES}
         FROM observatory_snapshot_sector o
         WHERE o.year = ANY(${ys}::int2[]) AND o.commune_code = ANY(${communes}) AND o.sector_id = ANY(${sectorIds})${onFamily('o')}`
      : sql`SELECT r.year, r.sector_id, r.ess_family, r.code, ${SUMMED('r', false)} FROM observatory_rollup r
         WHERE r.year = ANY(${ys}::int2[]) AND r.level = 'COMMUNE' AND r.code = ANY(${communes}) AND r.sector_id = 0
           AND r.naf_section = '*' AND ${byFamily('r')}`;
    if (!sectorIds) {
      branches.push(
        sql`SELECT 'naf', x.naf_section::text, '', ${SUMS('x')}
         FROM (SELECT o.naf_section, ${DETAIL_MEASURES} FROM observatory_snapshot o
               WHERE o.year = ${y} AND o.commune_code = ANY(${communes})${onFamily('o')}) x
         GROUP BY x.naf_section`,
        sectorsOf(
          sql`SELECT o.sector_id, ${DETAIL_SECTOR_MEASURES} FROM observatory_snapshot_sector o
           WHERE o.year = ${y} AND o.commune_code = ANY(${communes})${onFamily('o')}`,
        ),
      );
    } else {
      branches.push(sectorsOf(sql`SELECT * FROM u WHERE u.year = ${y}`));
    }
    branches.push(
      sql`SELECT 'epci', x.epci, coalesce(e.name, ''), ${SUMMED('x')}
       FROM (SELECT coalesce(c.epci_siren::text, '') AS epci, ${SUMS('u')} FROM u JOIN commune c ON c.code = u.code
             WHERE u.year = ${y} GROUP BY 1) x
         LEFT JOIN epci e ON e.siren = x.epci::bpchar`,
      sql`SELECT 'commune', x.code::text, c.name, ${SUMMED('x')}
       FROM (SELECT u.code, ${SUMS('u')} FROM u WHERE u.year = ${y} GROUP BY u.code) x JOIN commune c ON c.code = x.code`,
    );
  } else {
    const unitsOf = scope.level === 'EPCI' || scope.level === 'DEPARTEMENT' ? onDepartement('r.departement_code') : NONE;
    // Sector rows: of the chosen sectors, else of the year only (the series counts every structure once).
    units = sql`SELECT r.year, r.sector_id, r.naf_section, r.ess_family, ${SUMMED('r', false)}
      FROM observatory_rollup r
      WHERE r.year = ANY(${ys}::int2[]) AND r.level = ${sql.lit(scope.level)} AND r.code = ANY(${codes}::text[])${unitsOf}${onFamily('r')}
        AND ${
          sectorIds
            ? sql`r.sector_id = ANY(${sectorIds})`
            : sql`(r.sector_id = 0 AND r.naf_section <> '*' OR r.sector_id <> 0 AND r.year = ${y})`
        }`;
    if (!sectorIds)
      branches.push(
        sql`SELECT 'naf', u.naf_section::text, '', ${SUMS('u')} FROM u WHERE u.year = ${y} AND u.sector_id = 0 GROUP BY u.naf_section`,
      );
    branches.push(sectorsOf(sql`SELECT * FROM u WHERE u.year = ${y} AND u.sector_id <> 0`));
    // The breakdown rows of EPCI parts and communes: every family at once ('*') without a family filter.
    const breakdownRows = (level: 'EPCI' | 'COMMUNE') =>
      sql`r.year = ${y} AND r.level = ${sql.lit(level)} AND r.naf_section = '*' AND ${
        sectorIds
          ? sql`r.sector_id = ANY(${sectorIds})${onFamily('r')}`
          : sql`r.sector_id = 0 AND ${fam ? byFamily('r') : sql`r.ess_family = '*'`}`
      }`;
    // EPCI parts (an EPCI in each of its départements) of the scope.
    const parts =
      scope.level === 'FRANCE'
        ? NONE
        : scope.level === 'REGION'
          ? sql` AND r.departement_code = ANY(ARRAY(SELECT code FROM departement WHERE region_code = ANY(${codes}::text[])))`
          : scope.level === 'DEPARTEMENT'
            ? sql` AND r.departement_code = ANY(${codes}::text[])${onDepartement('r.departement_code')}`
            : sql` AND r.code = ANY(${codes}::text[])${onDepartement('r.departement_code')}`;
    branches.push(
      sql`SELECT 'epci', x.code::text, coalesce(e.name, ''), ${SUMMED('x')}
       FROM (SELECT r.code, ${SUMS('r')} FROM observatory_rollup r WHERE ${breakdownRows('EPCI')}${parts} GROUP BY r.code) x
         LEFT JOIN epci e ON e.siren = x.code::bpchar`,
    );
    if (scope.listsCommunes) {
      const ofScope =
        scope.level === 'DEPARTEMENT' ? sql`departement_code = ANY(${codes}::text[])` : sql`epci_siren = ANY(${codes}::bpchar[])`;
      branches.push(
        sectorIds
          ? // No commune × sector rollup (as large as the sector snapshot): the scope's communes in the detailed one.
            sql`SELECT 'commune', x.commune_code::text, c.name, ${SUMMED('x')}
             FROM (SELECT o.commune_code, ${SUMS('o')} FROM (SELECT o.commune_code, ${DETAIL_SECTOR_MEASURES}
                     FROM observatory_snapshot_sector o
                     WHERE o.year = ${y} AND o.sector_id = ANY(${sectorIds})
                       AND o.commune_code = ANY(ARRAY(SELECT code FROM commune WHERE ${ofScope}${onDepartement('departement_code')}))${onFamily('o')}) o
                   GROUP BY o.commune_code) x
               JOIN commune c ON c.code = x.commune_code`
          : sql`SELECT 'commune', x.code::text, c.name, ${SUMMED('x')}
             FROM (SELECT r.code, ${SUMS('r')} FROM observatory_rollup r
                   WHERE ${breakdownRows('COMMUNE')} AND ${
                     scope.level === 'DEPARTEMENT'
                       ? sql`r.departement_code = ANY(${codes}::text[])`
                       : sql`r.code = ANY(ARRAY(SELECT code FROM commune WHERE ${ofScope}))`
                   }${onDepartement('r.departement_code')}
                   GROUP BY r.code) x
               JOIN commune c ON c.code = x.code`,
      );
    }
  }
  branches.unshift(
    sql`SELECT 'family' AS dim, u.ess_family::text AS key, ''::text AS label, ${SUMS('u')} FROM u
     WHERE u.year = ${y} AND ${main} GROUP BY u.ess_family`,
    sql`SELECT 'series', u.year::text, '', ${SUMS('u')} FROM u WHERE ${main} GROUP BY u.year`,
  );
  return sql<Row>`WITH u AS (${units}) ${sql.join(branches, sql` UNION ALL `)}`;
}

/** The ESS of a scope (territory, families, sectors) for a year, from the maintained rollups. */
export async function observatoryReport(ctx: Context, a: ObservatoryArgs): Promise<ObservatoryReport> {
  const zone = a.zone ? ZONES[a.zone] : undefined;
  if (a.zone && !zone) throw observatoryErrors.unknownZone({ zone: a.zone }, { field: 'zone' });
  // First round trip: the territory codes check, the snapshot runs, the reference figures and the
  // total employment of a single reference territory, sent together (one fused statement, see
  // common/reads `queryPrepared`); then the report itself, which needs the runs' years.
  const [, runs, referenceRows, shareReference] = await Promise.all([
    assertTerritoryCodes(ctx, { commune: a.commune, epci: a.epci, departement: a.departement, region: a.region }),
    readPrepared(ctx, sql<SnapshotRun>`SELECT year, computed_at, rule_version FROM observatory_snapshot_run ORDER BY year`),
    readPrepared(
      ctx,
      sql<ReferenceFigure>`SELECT territory_type AS "territoryType", territory_code AS "territoryCode",
         territory_name AS "territoryName", indicator, year, value::float8 AS value, source
       FROM reference_figure
       WHERE territory_type IN ('FRANCE', 'REGION') OR (territory_type = 'ZONE' AND territory_code = ${a.zone ?? ''})
       ORDER BY territory_type, territory_code, indicator, year`,
    ),
    totalEmploymentReference(ctx, a),
  ]);
  const year = a.year ?? runs[runs.length - 1]?.year ?? new Date().getFullYear();
  const run = runs.find((r) => r.year === year);
  const scope = scopeOf(a, [...(a.epci ?? []), ...(zone?.epcis ?? [])]);

  const rows = await queryRows(ctx.ds, reportStatement(a, scope, year, [...new Set([...runs.map((r) => r.year), year])]));
  const pick = (dim: Row['dim']) => rows.filter((r) => r.dim === dim);
  const labelled = (dim: Row['dim'], labelOf: (key: string, label: string) => string) =>
    group(pick(dim).map((r) => ({ ...r, label: labelOf(r.key, r.label) })));
  const totals = figuresOf(pick('family'));

  const notes: string[] = [];
  if (a.sector?.length)
    notes.push(
      'Filtre par secteur : une structure de plusieurs secteurs compte dans chacun ; pas de ventilation NAF ni d’effectifs déclarés.',
    );
  const communes = capCommunes(labelled('commune', (k, l) => l || k));
  if (!scope.listsCommunes)
    notes.push(
      'Répartition par commune : donnée pour une zone, des intercommunalités, des communes ou un seul département, pas pour un périmètre plus large.',
    );
  else if (communes.others)
    notes.push(
      `Répartition par commune : les ${COMMUNE_BREAKDOWN_LIMIT.toLocaleString('fr-FR')} communes comptant le plus d'établissements, ` +
        `les ${communes.others.toLocaleString('fr-FR')} autres regroupées.`,
    );

  const references = referenceRows.map((r) => ({ ...r, year: Number(r.year) }));

  return {
    year,
    computedAt: run ? new Date(run.computed_at) : null,
    ruleVersion: run?.rule_version ?? null,
    scope: describeScope(a, zone?.name),
    totals,
    byFamily: labelled('family', (k) => ESS_FAMILY_LABELS[k as EssFamily] ?? k),
    byNafSection: a.sector?.length ? [] : labelled('naf', (k) => `${k} — ${NAF_SECTION_LABELS[k] ?? k}`),
    byEpci: labelled('epci', (k, l) => l || k),
    byCommune: communes.items,
    bySector: labelled('sector', (k, l) => l || k),
    series: pick('series')
      .map((r) => ({ year: Number(r.key), figures: figuresOf([r]) }))
      .sort((x, y) => x.year - y.year),
    share: shareOf(shareReference, totals.employeesMid),
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

/**
 * Total employment of the scope, when it is exactly one reference territory with a known total (for
 * the share of ESS employment): the latest figure up to the report's year (the requested one, else
 * that of the latest snapshot run, else this year).
 */
async function totalEmploymentReference(ctx: Context, a: ObservatoryArgs): Promise<TotalEmployment | null> {
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
  const [ref] = await readPrepared(
    ctx,
    sql<TotalEmployment>`SELECT value::float8 AS value, year, source FROM reference_figure
     WHERE territory_type = ${type} AND territory_code = ${code} AND indicator = 'TOTAL_EMPLOYEES'
       AND year <= COALESCE(${a.year ?? null}::int, (SELECT max(year) FROM observatory_snapshot_run), extract(year FROM now())::int)
     ORDER BY year DESC LIMIT 1`,
  );
  return ref && ref.value ? ref : null;
}

interface TotalEmployment {
  value: number;
  year: number | string;
  source: string;
}

/** Share of ESS employment in the total of the reference territory. */
function shareOf(ref: TotalEmployment | null, essEmployees: number): EssShare | null {
  if (!ref) return null;
  return {
    essEmployees,
    totalEmployees: ref.value,
    percent: Math.round((essEmployees / ref.value) * 1000) / 10,
    referenceYear: Number(ref.year),
    source: ref.source,
  };
}
