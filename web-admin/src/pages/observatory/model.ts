import type { EssFamily, ObservatoryQuery, ObservatoryQueryVariables } from '../../gql/graphql';
import { ESS_FAMILIES } from '../../lib/labels';
import type { TableModel } from '../../lib/exportTable';

export const DEFAULT_ZONE = 'sambre-avesnois';

/** The four EPCIs of Sambre-Avesnois (SIREN → name). */
export const EPCIS: ReadonlyArray<{ siren: string; name: string }> = [
  { siren: '200043396', name: 'CA Maubeuge Val de Sambre' },
  { siren: '200043321', name: 'CC du Pays de Mormal' },
  { siren: '200043263', name: "CC Cœur de l'Avesnois" },
  { siren: '200043404', name: 'CC du Sud Avesnois' },
];
export const EPCI_SIRENS = EPCIS.map((e) => e.siren);

export interface ObservatoryFilters {
  year: number | null;
  /** SIREN of one EPCI, or null for the whole zone. */
  epci: string | null;
  families: EssFamily[];
  sector: string | null;
}

/** URL: ?annee=2026&territoire=200043396&famille=ASSOCIATION&famille=COOPERATIVE&secteur=iae */
export function filtersFromParams(params: URLSearchParams): ObservatoryFilters {
  const year = Number(params.get('annee'));
  const territory = params.get('territoire');
  return {
    year: Number.isInteger(year) && year > 1900 ? year : null,
    epci: territory && EPCI_SIRENS.includes(territory) ? territory : null,
    families: params.getAll('famille').filter((f): f is EssFamily => (ESS_FAMILIES as string[]).includes(f)),
    sector: params.get('secteur') || null,
  };
}

export function paramsFromFilters(f: ObservatoryFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.year) p.set('annee', String(f.year));
  if (f.epci) p.set('territoire', f.epci);
  for (const family of f.families) p.append('famille', family);
  if (f.sector) p.set('secteur', f.sector);
  return p;
}

/** Query variables: only the filters that are set (the zone when no EPCI is chosen). */
export function variablesFromFilters(f: ObservatoryFilters): ObservatoryQueryVariables {
  const v: ObservatoryQueryVariables = {};
  if (f.year) v.year = f.year;
  if (f.epci) v.epci = [f.epci];
  else v.zone = DEFAULT_ZONE;
  if (f.families.length) v.essFamily = f.families;
  if (f.sector) v.sector = [f.sector];
  return v;
}

export type Report = ObservatoryQuery['observatory'];
export type Figures = Report['totals'];
type Item = Report['byFamily'][number];

const FIGURE_COLUMNS = [
  'Établissements',
  'dont employeurs',
  'Salariés (estimation basse)',
  'Salariés (estimation centrale)',
  'Salariés (estimation haute)',
  'Salariés déclarés',
  'Établissements ayant déclaré leurs salariés',
];

const figureCells = (f: Figures) => [
  f.establishments,
  f.employers,
  f.employeesLow,
  f.employeesMid,
  f.employeesHigh,
  f.declaredEmployees,
  f.declaredEstablishments,
];

/** A breakdown (family, NAF section, EPCI, commune, sector) as a table; `codeLabel` adds a code column. */
export function breakdownTable(caption: string, firstColumn: string, items: readonly Item[], codeLabel?: string): TableModel {
  return {
    caption,
    columns: [firstColumn, ...(codeLabel ? [codeLabel] : []), ...FIGURE_COLUMNS],
    rows: items.map((it) => [it.label, ...(codeLabel ? [it.key] : []), ...figureCells(it.figures)]),
  };
}

export function seriesTable(report: Report): TableModel {
  return {
    caption: 'Évolution par année',
    columns: ['Année', ...FIGURE_COLUMNS],
    rows: report.series.map((s) => [String(s.year), ...figureCells(s.figures)]),
  };
}

export const INDICATOR_LABELS: Record<string, string> = {
  ESS_EMPLOYEES: "Salariés de l'ESS",
  ESS_ESTABLISHMENTS: "Établissements de l'ESS",
  ESS_EMPLOYER_ESTABLISHMENTS: "Établissements employeurs de l'ESS",
  ESS_SHARE_PERCENT: "Part de l'ESS dans l'emploi salarié (%)",
  TOTAL_EMPLOYEES: 'Emploi salarié total',
};

/** The scope next to the region and France: same indicators, side by side. */
export function comparisonTable(report: Report, scopeName: string): TableModel {
  const rows: TableModel['rows'] = [
    [scopeName, INDICATOR_LABELS.ESS_ESTABLISHMENTS!, String(report.year), report.totals.establishments, 'Essor (SIRENE)'],
    [scopeName, INDICATOR_LABELS.ESS_EMPLOYER_ESTABLISHMENTS!, String(report.year), report.totals.employers, 'Essor (SIRENE)'],
    [scopeName, INDICATOR_LABELS.ESS_EMPLOYEES!, String(report.year), report.totals.employeesMid, 'Essor (estimation centrale)'],
  ];
  if (report.share) {
    rows.push([
      scopeName,
      INDICATOR_LABELS.ESS_SHARE_PERCENT!,
      String(report.share.referenceYear),
      report.share.percent,
      report.share.source,
    ]);
  }
  for (const r of report.references) {
    rows.push([r.territoryName, INDICATOR_LABELS[r.indicator] ?? r.indicator, String(r.year), r.value, r.source]);
  }
  return {
    caption: 'Comparaison avec la région et la France',
    columns: ['Territoire', 'Indicateur', 'Année', 'Valeur', 'Source'],
    rows,
  };
}

export function shareTable(report: Report): TableModel | null {
  const s = report.share;
  if (!s) return null;
  return {
    caption: "Part de l'ESS dans l'emploi salarié",
    columns: ['Année de référence', "Salariés de l'ESS", 'Emploi salarié total', 'Part (%)', 'Source'],
    rows: [[String(s.referenceYear), s.essEmployees, s.totalEmployees, s.percent, s.source]],
  };
}
