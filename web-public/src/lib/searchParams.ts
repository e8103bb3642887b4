import type { EssFamily, StructureFilter, StructureSort } from '../gql/graphql';
import { isEssFamily } from './essFamily';

/**
 * The URL is the source of truth for the search: `/recherche?q=…&famille=…&secteur=…&reseau=…&epci=…
 * &commune=…&effectif=…&stagiaires=1&benevoles=1&pres=<INSEE>|lat=…&lon=…&rayon=<km>&tri=…&vue=liste|carte`.
 * Multiple filters repeat the parameter (`famille=ASSOCIATION&famille=COOPERATIVE`).
 */

export const RADIUS_OPTIONS = [5, 10, 20, 50] as const;
export const DEFAULT_RADIUS = 10;

export const SORT_OPTIONS = [
  { param: 'pertinence', value: 'RELEVANCE', label: 'Pertinence' },
  { param: 'nom', value: 'NAME', label: 'Nom' },
  { param: 'distance', value: 'DISTANCE', label: 'Distance' },
  { param: 'recentes', value: 'RECENT', label: 'Récentes' },
] as const satisfies readonly { param: string; value: StructureSort; label: string }[];

export type SortParam = (typeof SORT_OPTIONS)[number]['param'];
export type SearchView = 'liste' | 'carte';

/** List parameters (multi-valued filters) and their GraphQL variable. */
export const LIST_FILTERS = {
  famille: 'essFamily',
  secteur: 'sector',
  reseau: 'network',
  epci: 'epci',
  commune: 'commune',
  effectif: 'workforceRange',
} as const;

export type ListFilterParam = keyof typeof LIST_FILTERS;

export interface SearchState {
  q: string;
  famille: EssFamily[];
  secteur: string[];
  reseau: string[];
  epci: string[];
  commune: string[];
  effectif: string[];
  stagiaires: boolean;
  benevoles: boolean;
  /** INSEE code of the commune at the centre of the proximity search. */
  pres: string | null;
  /** The user's position (takes precedence over `pres`). */
  position: { latitude: number; longitude: number } | null;
  rayon: number;
  tri: SortParam | null;
  vue: SearchView;
}

/** Filters (without pagination) sent to `searchStructures`. */
export interface SearchFilters {
  text?: string;
  essFamily?: EssFamily[];
  sector?: string[];
  network?: string[];
  epci?: string[];
  commune?: string[];
  workforceRange?: string[];
  acceptsInterns?: boolean;
  seeksVolunteers?: boolean;
  near?: { latitude: number; longitude: number; radiusKm: number };
  nearCommune?: string;
  radiusKm?: number;
  sort?: StructureSort;
}

function uniq(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

function parseCoordinate(value: string | null, max: number): number | null {
  if (value === null || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) && Math.abs(number) <= max ? number : null;
}

export function parseSearchParams(params: URLSearchParams): SearchState {
  const rayon = Number(params.get('rayon'));
  const tri = params.get('tri');
  const latitude = parseCoordinate(params.get('lat'), 90);
  const longitude = parseCoordinate(params.get('lon'), 180);
  return {
    q: (params.get('q') ?? '').trim(),
    famille: uniq(params.getAll('famille')).filter(isEssFamily),
    secteur: uniq(params.getAll('secteur')),
    reseau: uniq(params.getAll('reseau')),
    epci: uniq(params.getAll('epci')),
    commune: uniq(params.getAll('commune')),
    effectif: uniq(params.getAll('effectif')),
    stagiaires: params.get('stagiaires') === '1',
    benevoles: params.get('benevoles') === '1',
    pres: params.get('pres')?.trim() || null,
    position: latitude !== null && longitude !== null ? { latitude, longitude } : null,
    rayon: Number.isFinite(rayon) && rayon > 0 && rayon <= 200 ? rayon : DEFAULT_RADIUS,
    tri: SORT_OPTIONS.some((option) => option.param === tri) ? (tri as SortParam) : null,
    vue: params.get('vue') === 'carte' ? 'carte' : 'liste',
  };
}

export function hasProximity(state: SearchState): boolean {
  return state.position !== null || state.pres !== null;
}

/** Variables of `searchStructures`: only the useful values are sent. */
export function toSearchFilters(state: SearchState): SearchFilters {
  const filters: SearchFilters = {};
  if (state.q) filters.text = state.q;
  for (const [param, variable] of Object.entries(LIST_FILTERS) as [ListFilterParam, keyof SearchFilters][]) {
    const values = state[param];
    if (values.length > 0) (filters as Record<string, unknown>)[variable] = values;
  }
  if (state.stagiaires) filters.acceptsInterns = true;
  if (state.benevoles) filters.seeksVolunteers = true;
  if (state.position) {
    filters.near = { ...state.position, radiusKm: state.rayon };
  } else if (state.pres) {
    filters.nearCommune = state.pres;
    filters.radiusKm = state.rayon;
  }
  const sort = SORT_OPTIONS.find((option) => option.param === state.tri);
  if (sort) filters.sort = sort.value;
  return filters;
}

/** Variables of `searchStructures`: the text, the proximity and the sort, and the other filters in `filter` (StructureFilter). */
export interface SearchVariables {
  text?: string;
  filter?: StructureFilter;
  near?: { latitude: number; longitude: number; radiusKm: number };
  nearCommune?: string;
  radiusKm?: number;
  sort?: StructureSort;
}

/** The page's filters shaped as the API expects them (only the useful values are sent). */
export function toSearchVariables(filters: SearchFilters): SearchVariables {
  const { text, near, nearCommune, radiusKm, sort, ...filter } = filters;
  const variables: SearchVariables = {};
  if (text !== undefined) variables.text = text;
  if (Object.keys(filter).length > 0) variables.filter = filter;
  if (near !== undefined) variables.near = near;
  if (nearCommune !== undefined) variables.nearCommune = nearCommune;
  if (radiusKm !== undefined) variables.radiusKm = radiusKm;
  if (sort !== undefined) variables.sort = sort;
  return variables;
}

/** The sort the API applies when none is requested. */
export function effectiveSort(state: SearchState): SortParam {
  if (state.tri) return state.tri;
  if (state.q) return 'pertinence';
  if (hasProximity(state)) return 'distance';
  return 'nom';
}

/** Number of active filters (text, sort and view aside). */
export function activeFilterCount(state: SearchState): number {
  return (
    Object.keys(LIST_FILTERS).reduce((sum, key) => sum + state[key as ListFilterParam].length, 0) +
    (state.stagiaires ? 1 : 0) +
    (state.benevoles ? 1 : 0) +
    (hasProximity(state) ? 1 : 0)
  );
}

/** A copy of the parameters with a filter value added or removed. */
export function toggleListValue(params: URLSearchParams, key: ListFilterParam, value: string, checked: boolean): URLSearchParams {
  const next = new URLSearchParams(params);
  const values = uniq(next.getAll(key)).filter((v) => v !== value);
  if (checked) values.push(value);
  next.delete(key);
  for (const v of values) next.append(key, v);
  return next;
}

export function setParam(params: URLSearchParams, key: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === null || value === '') next.delete(key);
  else next.set(key, value);
  return next;
}

/** Removes every filter; keeps the text, the sort and the view. */
export function clearFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const key of ['q', 'tri', 'vue']) {
    const value = params.get(key);
    if (value) next.set(key, value);
  }
  return next;
}
