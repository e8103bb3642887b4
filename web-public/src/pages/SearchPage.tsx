import { lazy, Suspense, useId, useMemo, useRef, useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { FacetGroup, type FacetOption } from '../components/search/FacetGroup';
import { MapBoundary } from '../components/search/MapBoundary';
import { NearControl } from '../components/search/NearControl';
import { SearchBox } from '../components/search/SearchBox';
import { SEARCH_PAGE_SIZE, SEARCH_STRUCTURES_QUERY } from '../components/search/searchDocuments';
import { LoadMore } from '../components/LoadMore';
import { StructureCard } from '../components/StructureCard';
import { EmptyState, ErrorNotice, requestErrorMessages, formatNumber, formatStructureCount } from '@essor/web-ui';
import type { SearchStructuresQuery } from '../gql/graphql';
import { essFamilyLabel, isEssFamily } from '../lib/essFamily';
import {
  activeFilterCount,
  clearFilters,
  effectiveSort,
  hasProximity,
  parseSearchParams,
  setParam,
  SORT_OPTIONS,
  toggleListValue,
  toSearchFilters,
  toSearchVariables,
  type ListFilterParam,
  type SearchState,
} from '../lib/searchParams';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useMediaQuery } from '../lib/useMediaQuery';
import { useTerritoryCommunes } from '../lib/useTerritoryCommunes';

const SearchMap = lazy(() => import('../components/search/SearchMap').then((m) => ({ default: m.SearchMap })));

type Facets = SearchStructuresQuery['searchStructures']['facets'];

/** Width from which the list and the map are side by side. */
const WIDE_QUERY = '(min-width: 70em)';

const FACET_GROUPS: { param: ListFilterParam; legend: string; facet: keyof Facets; visible?: number }[] = [
  { param: 'famille', legend: "Famille de l'ESS", facet: 'essFamily' },
  { param: 'secteur', legend: "Secteur d'activité", facet: 'sector' },
  { param: 'epci', legend: 'Intercommunalité', facet: 'epci' },
  { param: 'commune', legend: 'Commune', facet: 'commune', visible: 5 },
  { param: 'reseau', legend: 'Réseau', facet: 'network' },
  { param: 'effectif', legend: 'Effectif salarié', facet: 'workforceRange' },
];

function facetOptions(facets: Facets | undefined, key: keyof Facets, param: ListFilterParam): FacetOption[] {
  const values = facets?.[key];
  if (!Array.isArray(values)) return [];
  return values.map((v) => ({
    value: v.value,
    label: param === 'famille' && isEssFamily(v.value) ? essFamilyLabel(v.value) : v.label,
    count: v.count,
  }));
}

/** Label of an active filter (« Retirer » chip). */
function filterLabel(facets: Facets | undefined, group: (typeof FACET_GROUPS)[number], value: string): string {
  if (group.param === 'famille' && isEssFamily(value)) return essFamilyLabel(value);
  const values = facets?.[group.facet];
  const found = Array.isArray(values) ? values.find((v) => v.value === value) : undefined;
  return found?.label ?? value;
}

export function SearchPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseSearchParams(searchParams), [searchParams]);
  const filters = useMemo(() => toSearchFilters(state), [state]);
  const filtersKey = JSON.stringify(filters);
  const isWide = useMediaQuery(WIDE_QUERY);
  const { communes, loading: communesLoading } = useTerritoryCommunes();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const sortId = useId();
  const filtersPanelId = useId();

  useDocumentTitle(state.q ? `« ${state.q} » — Recherche` : 'Recherche');

  const { data, previousData, loading, error, networkStatus, fetchMore, refetch } = useQuery(SEARCH_STRUCTURES_QUERY, {
    variables: { ...toSearchVariables(filters), first: SEARCH_PAGE_SIZE },
  });
  const isLoadingMore = networkStatus === NetworkStatus.fetchMore;
  // While a new search loads, the previous results stay visible (dimmed).
  const result = data?.searchStructures ?? (loading && !error ? previousData?.searchStructures : undefined);
  const stale = loading && !isLoadingMore;
  const facets = result?.facets;
  const edges = result?.edges ?? [];
  const filterCount = activeFilterCount(state);

  function update(next: URLSearchParams, replace = false) {
    setSearchParams(next, { replace });
  }

  function handleSearch(value: string) {
    update(setParam(searchParams, 'q', value || null));
  }

  function handleCommune(code: string | null) {
    let next = setParam(searchParams, 'pres', code);
    next = setParam(next, 'lat', null);
    next = setParam(next, 'lon', null);
    update(next);
  }

  function handlePosition(latitude: number, longitude: number) {
    let next = setParam(searchParams, 'pres', null);
    next = setParam(next, 'lat', String(latitude));
    next = setParam(next, 'lon', String(longitude));
    update(next);
  }

  const proximityCentre = useMemo(() => {
    if (state.position) return { ...state.position, radiusKm: state.rayon };
    const commune = state.pres ? communes.find((c) => c.code === state.pres) : undefined;
    return commune?.latitude != null && commune.longitude != null
      ? { latitude: commune.latitude, longitude: commune.longitude, radiusKm: state.rayon }
      : null;
  }, [state.position, state.pres, state.rayon, communes]);

  const showMap = isWide || state.vue === 'carte';
  const showList = isWide || state.vue === 'liste';
  const currentSort = effectiveSort(state);

  const activeChips = activeFilterChips(state, facets, communes);

  return (
    <div className="container container--wide page search-page">
      <h1>Rechercher dans l'annuaire</h1>
      <SearchBox value={state.q} onSearch={handleSearch} />

      <div className="search-layout">
        <section className="search-filters" aria-labelledby="filters-title">
          <div className="search-filters__toggle">
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={filtersOpen}
              aria-controls={filtersPanelId}
              onClick={() => setFiltersOpen((open) => !open)}
            >
              {filtersOpen ? 'Masquer les filtres' : 'Afficher les filtres'}
              {filterCount > 0 ? ` (${formatNumber(filterCount)} actif${filterCount > 1 ? 's' : ''})` : ''}
            </button>
          </div>
          <div
            id={filtersPanelId}
            className={filtersOpen ? 'search-filters__panel search-filters__panel--open' : 'search-filters__panel'}
          >
            <div className="search-filters__header">
              <h2 id="filters-title">Filtres</h2>
              {filterCount > 0 ? (
                <button type="button" className="link-button" onClick={() => update(clearFilters(searchParams))}>
                  Effacer les filtres
                </button>
              ) : null}
            </div>
            {FACET_GROUPS.map((group) => (
              <FacetGroup
                key={group.param}
                legend={group.legend}
                options={facetOptions(facets, group.facet, group.param)}
                selected={state[group.param]}
                visibleCount={group.visible}
                onToggle={(value, checked) => update(toggleListValue(searchParams, group.param, value, checked))}
              />
            ))}
            <fieldset className="facet">
              <legend className="facet__legend">Engagement</legend>
              <ul className="facet__list">
                <li>
                  <label className="facet__option">
                    <input
                      type="checkbox"
                      className="facet__checkbox"
                      checked={state.stagiaires}
                      onChange={(event) => update(setParam(searchParams, 'stagiaires', event.target.checked ? '1' : null))}
                    />
                    <span className="facet__label">Accueille des stagiaires</span>{' '}
                    {facets ? <span className="facet__count">({formatNumber(facets.acceptsInterns)})</span> : null}
                  </label>
                </li>
                <li>
                  <label className="facet__option">
                    <input
                      type="checkbox"
                      className="facet__checkbox"
                      checked={state.benevoles}
                      onChange={(event) => update(setParam(searchParams, 'benevoles', event.target.checked ? '1' : null))}
                    />
                    <span className="facet__label">Cherche des bénévoles</span>{' '}
                    {facets ? <span className="facet__count">({formatNumber(facets.seeksVolunteers)})</span> : null}
                  </label>
                </li>
              </ul>
            </fieldset>
            <NearControl
              communes={communes}
              communesLoading={communesLoading}
              commune={state.pres}
              usingPosition={state.position !== null}
              radius={state.rayon}
              onCommune={handleCommune}
              onPosition={handlePosition}
              onRadius={(km) => update(setParam(searchParams, 'rayon', String(km)))}
            />
          </div>
        </section>

        <section className="search-results" aria-labelledby="results-title">
          <div className="results__header">
            <div className="results__summary">
              <h2 id="results-title">{result?.fuzzy ? 'Résultats approchants' : 'Résultats'}</h2>
              <p className="results__count" aria-live="polite" aria-atomic="true">
                {stale || (!result && !error) ? (
                  'Recherche en cours…'
                ) : result ? (
                  <>
                    <strong>{formatStructureCount(result.totalCount)}</strong>
                    {state.q ? <> pour « {state.q} »</> : null}
                    {result.fuzzy ? ' (résultats approchants)' : null}
                  </>
                ) : null}
              </p>
            </div>
            <div className="results__tools">
              <div className="field field--inline">
                <label htmlFor={sortId} className="field__label">
                  Trier par
                </label>
                <select
                  id={sortId}
                  className="input"
                  value={currentSort}
                  onChange={(event) => update(setParam(searchParams, 'tri', event.target.value))}
                >
                  {SORT_OPTIONS.map((option) => (
                    <option
                      key={option.param}
                      value={option.param}
                      disabled={
                        (option.param === 'distance' && !hasProximity(state)) || (option.param === 'pertinence' && !state.q)
                      }
                    >
                      {option.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="view-toggle" role="group" aria-label="Affichage des résultats">
                <button
                  type="button"
                  className="view-toggle__button"
                  aria-pressed={state.vue === 'liste'}
                  onClick={() => update(setParam(searchParams, 'vue', null), true)}
                >
                  Liste
                </button>
                <button
                  type="button"
                  className="view-toggle__button"
                  aria-pressed={state.vue === 'carte'}
                  onClick={() => update(setParam(searchParams, 'vue', 'carte'), true)}
                >
                  Carte
                </button>
              </div>
            </div>
          </div>

          {activeChips.length > 0 ? (
            <ul className="chips" aria-label="Filtres actifs">
              {activeChips.map((chip) => (
                <li key={chip.key}>
                  <button type="button" className="chip" onClick={() => update(chip.remove(searchParams))}>
                    <span className="visually-hidden">Retirer le filtre :</span> {chip.label}
                    <span aria-hidden="true" className="chip__x">
                      ×
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}

          {result?.fuzzy && showList ? (
            <p className="notice notice--info">
              Aucune structure ne contient exactement « {state.q} ». Voici des résultats approchants.
            </p>
          ) : null}

          {error && !result ? (
            requestErrorMessages(error).length > 0 ? (
              <div role="alert" className="notice notice--error">
                <p>La recherche n'a pas pu aboutir : {requestErrorMessages(error).join(' ')}</p>
                <button type="button" className="button button--secondary" onClick={() => update(clearFilters(searchParams))}>
                  Effacer les filtres
                </button>
              </div>
            ) : (
              <ErrorNotice onRetry={() => refetch()}>
                Les structures n'ont pas pu être chargées. Vérifiez votre connexion puis réessayez.
              </ErrorNotice>
            )
          ) : null}

          {showList && result ? (
            <div className={stale ? 'results results--stale' : 'results'} aria-busy={stale || isLoadingMore}>
              {edges.length === 0 ? (
                <EmptyState>
                  Aucune structure ne correspond à votre recherche.
                  {filterCount > 0 ? (
                    <>
                      {' '}
                      <button type="button" className="link-button" onClick={() => update(clearFilters(searchParams))}>
                        Effacer les filtres
                      </button>
                    </>
                  ) : null}
                </EmptyState>
              ) : (
                <ol ref={listRef} className="results__list">
                  {edges.map((edge) => (
                    <li key={edge.node.id}>
                      <StructureCard structure={edge.node} distanceKm={edge.distanceKm} />
                    </li>
                  ))}
                </ol>
              )}
              <LoadMore
                count={edges.length}
                total={result.totalCount}
                hasNextPage={result.pageInfo.hasNextPage && !stale}
                loading={isLoadingMore}
                listRef={listRef}
                resetKey={filtersKey}
                onLoadMore={() => fetchMore({ variables: { after: result.pageInfo.endCursor } })}
              />
            </div>
          ) : null}
        </section>

        {showMap ? (
          <section className="search-map-area" aria-label="Carte">
            <MapBoundary>
              <Suspense
                fallback={
                  <div className="search-map search-map--loading">
                    <p role="status" className="notice">
                      Chargement de la carte…
                    </p>
                  </div>
                }
              >
                <SearchMap filters={filters} proximity={proximityCentre} />
              </Suspense>
            </MapBoundary>
          </section>
        ) : null}
      </div>
    </div>
  );
}

interface Chip {
  key: string;
  label: string;
  remove: (params: URLSearchParams) => URLSearchParams;
}

function activeFilterChips(state: SearchState, facets: Facets | undefined, communes: { code: string; name: string }[]): Chip[] {
  const chips: Chip[] = [];
  for (const group of FACET_GROUPS) {
    for (const value of state[group.param]) {
      chips.push({
        key: `${group.param}:${value}`,
        label: filterLabel(facets, group, value),
        remove: (params) => toggleListValue(params, group.param, value, false),
      });
    }
  }
  if (state.stagiaires) {
    chips.push({
      key: 'stagiaires',
      label: 'Accueille des stagiaires',
      remove: (p) => setParam(p, 'stagiaires', null),
    });
  }
  if (state.benevoles) {
    chips.push({ key: 'benevoles', label: 'Cherche des bénévoles', remove: (p) => setParam(p, 'benevoles', null) });
  }
  if (state.position) {
    chips.push({
      key: 'position',
      label: `À ${state.rayon} km de ma position`,
      remove: (p) => setParam(setParam(p, 'lat', null), 'lon', null),
    });
  } else if (state.pres) {
    const name = communes.find((c) => c.code === state.pres)?.name ?? state.pres;
    chips.push({ key: 'pres', label: `À ${state.rayon} km de ${name}`, remove: (p) => setParam(p, 'pres', null) });
  }
  return chips;
}
