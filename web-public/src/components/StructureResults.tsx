import { useEffect, useRef, useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { formatNumber, formatStructureCount } from '../format';
import { StructureCard } from './StructureCard';

export const PAGE_SIZE = 20;

export const SEARCH_STRUCTURES_QUERY = graphql(`
  query SearchStructures($search: String, $first: Int!, $after: String) {
    structures(search: $search, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          ...StructureCard
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

interface StructureResultsProps {
  /** Texte recherché (déjà normalisé) ; chaîne vide = toutes les structures. */
  search: string;
}

export function StructureResults({ search }: StructureResultsProps) {
  const variables = search ? { search, first: PAGE_SIZE } : { first: PAGE_SIZE };
  const { data, error, loading, networkStatus, fetchMore, refetch } = useQuery(SEARCH_STRUCTURES_QUERY, { variables });
  // The search for which « Voir plus » failed: a new search clears the error by itself.
  const [loadMoreFailedFor, setLoadMoreFailedFor] = useState<string | null>(null);
  const loadMoreFailed = loadMoreFailedFor === search;
  const listRef = useRef<HTMLOListElement>(null);
  const pendingFocusIndex = useRef<number | null>(null);

  const connection = data?.structures;
  const edges = connection?.edges ?? [];
  const isLoadingMore = networkStatus === NetworkStatus.fetchMore;

  // Après « Voir plus », le focus clavier va au premier résultat ajouté.
  useEffect(() => {
    const index = pendingFocusIndex.current;
    if (index === null || edges.length <= index) return;
    pendingFocusIndex.current = null;
    const targets = listRef.current?.querySelectorAll<HTMLElement>('[data-focus-target]');
    targets?.[index]?.focus();
  }, [edges.length]);

  async function handleLoadMore() {
    const endCursor = connection?.pageInfo.endCursor;
    if (!endCursor) return;
    setLoadMoreFailedFor(null);
    pendingFocusIndex.current = edges.length;
    try {
      await fetchMore({ variables: { after: endCursor } });
    } catch {
      pendingFocusIndex.current = null;
      setLoadMoreFailedFor(search);
    }
  }

  if (error && !connection) {
    return (
      <section className="results" aria-labelledby="results-title">
        <h2 id="results-title" className="visually-hidden">
          Résultats
        </h2>
        <div role="alert" className="notice notice--error">
          <p>Les structures n'ont pas pu être chargées. Vérifiez votre connexion puis réessayez.</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              void refetch().catch(() => undefined);
            }}
          >
            Réessayer
          </button>
        </div>
      </section>
    );
  }

  if (!connection) {
    return (
      <section className="results" aria-labelledby="results-title" aria-busy={loading}>
        <h2 id="results-title" className="visually-hidden">
          Résultats
        </h2>
        <p role="status" className="notice">
          Chargement des structures…
        </p>
      </section>
    );
  }

  return (
    <section className="results" aria-labelledby="results-title">
      <div className="results__header">
        <h2 id="results-title">Résultats</h2>
        <p className="results__count" aria-live="polite">
          <strong>{formatStructureCount(connection.totalCount)}</strong>
          {search ? <> pour « {search} »</> : null}
        </p>
      </div>

      {edges.length === 0 ? (
        <p className="notice">Aucune structure ne correspond à votre recherche.</p>
      ) : (
        <ol ref={listRef} className="results__list" aria-busy={isLoadingMore}>
          {edges.map(({ node }) => (
            <li key={node.id}>
              <StructureCard structure={node} />
            </li>
          ))}
        </ol>
      )}

      {loadMoreFailed ? (
        <p role="alert" className="notice notice--error">
          Les structures suivantes n'ont pas pu être chargées. Veuillez réessayer.
        </p>
      ) : null}

      {connection.pageInfo.hasNextPage ? (
        <div className="results__more">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              void handleLoadMore();
            }}
            disabled={isLoadingMore}
            aria-describedby="results-progress"
          >
            {isLoadingMore ? 'Chargement…' : 'Voir plus'}
          </button>
          <p id="results-progress" className="results__progress">
            {formatNumber(edges.length)} sur {formatNumber(connection.totalCount)} affichées
          </p>
        </div>
      ) : null}
    </section>
  );
}
