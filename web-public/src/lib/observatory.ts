import type { EssFamily } from '../gql/graphql';
import { ESS_FAMILIES } from './essFamily';

/**
 * SSE observatory: the URL is the source of truth for the filters, so that links can be shared.
 * `/observatoire?epci=<SIREN>&famille=ASSOCIATION&famille=COOPERATIVE&annee=2026`.
 * Without an EPCI, the scope is the hub's zone (Sambre-Avesnois); a chosen EPCI replaces it.
 */

export const OBSERVATORY_PATH = '/observatoire';

/** The API's named zone covering the four intercommunalities of the territory. */
export const OBSERVATORY_ZONE = 'sambre-avesnois';

/** Intercommunalities of the territory, in the filter's display order. */
export const OBSERVATORY_EPCIS: readonly { siren: string; name: string }[] = [
  { siren: '200043396', name: 'CA Maubeuge Val de Sambre' },
  { siren: '200043321', name: 'CC du Pays de Mormal' },
  { siren: '200043263', name: "CC Coeur de l'Avesnois" },
  { siren: '200043404', name: 'CC du Sud Avesnois' },
];

/** Number of communes shown in the breakdown by commune. */
export const TOP_COMMUNES = 15;

export interface ObservatoryState {
  /** SIREN of an intercommunality of the territory, or null for the whole zone. */
  epci: string | null;
  famille: EssFamily[];
  /** Requested year, or null for the last computed year. */
  annee: number | null;
}

/** Variables of the `observatory` query: only the useful values are sent. */
export interface ObservatoryFilters {
  zone?: string;
  epci?: string[];
  essFamily?: EssFamily[];
  year?: number;
}

export function parseObservatoryParams(params: URLSearchParams): ObservatoryState {
  const epci = params.get('epci')?.trim() ?? '';
  const families = new Set(params.getAll('famille').map((value) => value.trim()));
  const annee = params.get('annee')?.trim() ?? '';
  return {
    epci: OBSERVATORY_EPCIS.some((e) => e.siren === epci) ? epci : null,
    // Canonical order: two URLs checking the same families give the same request.
    famille: ESS_FAMILIES.filter((family) => families.has(family)),
    annee: /^\d{4}$/.test(annee) ? Number(annee) : null,
  };
}

export function toObservatoryFilters(state: ObservatoryState): ObservatoryFilters {
  const filters: ObservatoryFilters = state.epci ? { epci: [state.epci] } : { zone: OBSERVATORY_ZONE };
  if (state.famille.length > 0) filters.essFamily = state.famille;
  if (state.annee !== null) filters.year = state.annee;
  return filters;
}

export function hasObservatoryFilters(state: ObservatoryState): boolean {
  return state.epci !== null || state.famille.length > 0 || state.annee !== null;
}

/** A new URL with `name` replaced (or removed when `values` is empty). */
export function withParam(
  params: URLSearchParams,
  name: 'epci' | 'famille' | 'annee',
  values: readonly string[],
): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete(name);
  for (const value of values) if (value) next.append(name, value);
  return next;
}

export function clearObservatoryFilters(params: URLSearchParams): URLSearchParams {
  return withParam(withParam(withParam(params, 'epci', []), 'famille', []), 'annee', []);
}

export function epciName(siren: string): string | undefined {
  return OBSERVATORY_EPCIS.find((e) => e.siren === siren)?.name;
}

/** The scope described by the API (« EPCI 200043321 · Association ») with the names of the known intercommunalities. */
export function readableScope(scope: string): string {
  return scope.replace(/\bEPCI ((?:\d{9})(?:, \d{9})*)/g, (match, list: string) => {
    const names = list.split(', ').map((siren) => epciName(siren));
    return names.every(Boolean) ? names.join(', ') : match;
  });
}

/** Indicators of the reference figures (region, France), in French. */
export const REFERENCE_INDICATOR_LABELS: Readonly<Record<string, string>> = {
  ESS_ESTABLISHMENTS: "Établissements de l'ESS",
  ESS_EMPLOYER_ESTABLISHMENTS: 'Établissements employeurs',
  ESS_EMPLOYEES: "Salariés de l'ESS",
  TOTAL_EMPLOYEES: 'Emploi total',
  ESS_SHARE_PERCENT: "Part de l'ESS dans l'emploi (%)",
};

export function referenceIndicatorLabel(indicator: string): string {
  return REFERENCE_INDICATOR_LABELS[indicator] ?? indicator;
}

/** Order of the reference territories: the territory itself, then the region, then France. */
const TERRITORY_ORDER = ['ZONE', 'EPCI', 'COMMUNE', 'DEPARTEMENT', 'REGION', 'FRANCE'];

export function territoryRank(territoryType: string): number {
  const index = TERRITORY_ORDER.indexOf(territoryType);
  return index === -1 ? TERRITORY_ORDER.length : index;
}

const integerFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** Estimated headcount rounded to the unit (« 2 101 »): the estimates fall on half employees. */
export function formatEmployees(value: number): string {
  return integerFormat.format(value);
}

/** « 11,4 % » (narrow no-break space before %). */
export function formatPercent(value: number): string {
  return `${decimalFormat.format(value)}\u202f%`;
}

/** Share of `value` in `total`, as a percentage (0 when the total is zero). */
export function shareOf(value: number, total: number): number {
  return total > 0 ? (value / total) * 100 : 0;
}

/** Value of a reference figure: percentage or number, in French format. */
export function formatReferenceValue(indicator: string, value: number): string {
  return indicator === 'ESS_SHARE_PERCENT' ? formatPercent(value) : decimalFormat.format(value);
}
