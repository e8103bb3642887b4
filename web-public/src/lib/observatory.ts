import type { EssFamily } from '../gql/graphql';
import { ESS_FAMILIES } from './essFamily';

/**
 * Observatoire de l'ESS : l'URL fait foi pour les filtres, afin que les liens soient partageables.
 * `/observatoire?epci=<SIREN>&famille=ASSOCIATION&famille=COOPERATIVE&annee=2026`.
 * Sans EPCI, le périmètre est la zone du pôle (Sambre-Avesnois) ; un EPCI choisi la remplace.
 */

export const OBSERVATORY_PATH = '/observatoire';

/** Zone nommée de l'API couvrant les quatre intercommunalités du territoire. */
export const OBSERVATORY_ZONE = 'sambre-avesnois';

/** Intercommunalités du territoire, dans l'ordre d'affichage du filtre. */
export const OBSERVATORY_EPCIS: readonly { siren: string; name: string }[] = [
  { siren: '200043396', name: 'CA Maubeuge Val de Sambre' },
  { siren: '200043321', name: 'CC du Pays de Mormal' },
  { siren: '200043263', name: "CC Coeur de l'Avesnois" },
  { siren: '200043404', name: 'CC du Sud Avesnois' },
];

/** Nombre de communes affichées dans la répartition par commune. */
export const TOP_COMMUNES = 15;

export interface ObservatoryState {
  /** SIREN d'une intercommunalité du territoire, ou null pour toute la zone. */
  epci: string | null;
  famille: EssFamily[];
  /** Année demandée, ou null pour la dernière année calculée. */
  annee: number | null;
}

/** Variables de la requête `observatory` : seules les valeurs utiles sont envoyées. */
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
    // Ordre canonique : deux URL qui cochent les mêmes familles donnent la même requête.
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

/** Nouvelle URL avec `name` remplacé (ou retiré si `values` est vide). */
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

/** Périmètre décrit par l'API (« EPCI 200043321 · Association ») avec le nom des intercommunalités connues. */
export function readableScope(scope: string): string {
  return scope.replace(/\bEPCI ((?:\d{9})(?:, \d{9})*)/g, (match, list: string) => {
    const names = list.split(', ').map((siren) => epciName(siren));
    return names.every(Boolean) ? names.join(', ') : match;
  });
}

/** Indicateurs des chiffres de référence (région, France), en français. */
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

/** Ordre des territoires de référence : le territoire lui-même, puis la région, puis la France. */
const TERRITORY_ORDER = ['ZONE', 'EPCI', 'COMMUNE', 'DEPARTEMENT', 'REGION', 'FRANCE'];

export function territoryRank(territoryType: string): number {
  const index = TERRITORY_ORDER.indexOf(territoryType);
  return index === -1 ? TERRITORY_ORDER.length : index;
}

const integerFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** Effectif estimé arrondi à l'unité (« 2 101 ») : les estimations tombent sur des demi-salariés. */
export function formatEmployees(value: number): string {
  return integerFormat.format(value);
}

/** « 11,4 % » (espace fine insécable avant %). */
export function formatPercent(value: number): string {
  return `${decimalFormat.format(value)}\u202f%`;
}

/** Part de `value` dans `total`, en pourcentage (0 si le total est nul). */
export function shareOf(value: number, total: number): number {
  return total > 0 ? (value / total) * 100 : 0;
}

/** Valeur d'un chiffre de référence : pourcentage ou nombre, au format français. */
export function formatReferenceValue(indicator: string, value: number): string {
  return indicator === 'ESS_SHARE_PERCENT' ? formatPercent(value) : decimalFormat.format(value);
}
