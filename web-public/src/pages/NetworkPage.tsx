import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { Breadcrumb, ErrorNotice, PageLoading, displayUrl, plural } from '@essor/web-ui';
import { PaginatedStructures } from '../components/PaginatedStructures';
import { NotFoundContent } from '../components/status';
import { graphql } from '../gql';
import { NETWORK_KIND_LABELS, NETWORK_SCOPE_LABELS } from '../lib/labels';
import { paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export const NETWORK_PAGE_QUERY = graphql(`
  query NetworkPage($slug: String!, $after: String) {
    network(slug: $slug) {
      id
      slug
      name
      acronym
      description
      kind
      scope
      website
      memberCount
      members(first: 20, after: $after) {
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
  }
`);

export function NetworkPage() {
  const { slug = '' } = useParams();
  const { data, loading, error, refetch, fetchMore, networkStatus } = useQuery(NETWORK_PAGE_QUERY, {
    variables: { slug },
  });
  const network = data?.network;
  useDocumentTitle(network ? network.name : loading ? 'Chargement…' : 'Réseau introuvable');

  if (error && !data) {
    return (
      <div className="container page">
        <h1>Réseau</h1>
        <ErrorNotice onRetry={() => refetch()}>Le réseau n'a pas pu être chargé.</ErrorNotice>
      </div>
    );
  }
  if (!data) {
    return <PageLoading title="Réseau">Chargement du réseau…</PageLoading>;
  }
  if (!network) return <NotFoundContent title="Réseau introuvable" />;

  return (
    <div className="container page">
      <Breadcrumb items={[{ label: 'Réseaux', to: paths.networks() }, { label: network.name }]} />
      <header className="page-header">
        <p className="page-header__kicker">
          {NETWORK_KIND_LABELS[network.kind]} · {NETWORK_SCOPE_LABELS[network.scope]}
        </p>
        <h1>
          {network.name}
          {network.acronym && network.acronym !== network.name ? (
            <span className="page-header__acronym"> ({network.acronym})</span>
          ) : null}
        </h1>
        {network.description ? <p className="lead">{network.description}</p> : null}
        <ul className="inline-list">
          <li>
            <strong>{plural(network.memberCount, 'structure membre', 'structures membres')}</strong> sur le territoire
          </li>
          {network.website ? (
            <li>
              <a href={network.website} rel="noopener noreferrer external" target="_blank">
                {displayUrl(network.website)} <span className="visually-hidden">(nouvelle fenêtre)</span>
              </a>
            </li>
          ) : null}
          <li>
            <Link to={paths.search({ reseau: network.slug })}>Rechercher parmi les membres</Link>
          </li>
        </ul>
      </header>

      <section className="section" aria-labelledby="members">
        <h2 id="members">Structures membres</h2>
        <PaginatedStructures
          connection={network.members}
          loadingMore={networkStatus === NetworkStatus.fetchMore}
          onLoadMore={(after) => fetchMore({ variables: { after } })}
          resetKey={network.slug}
          empty="Aucune structure membre publiée."
        />
      </section>
    </div>
  );
}
