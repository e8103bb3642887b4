import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Breadcrumb, EmptyState, ErrorNotice, Loading, plural } from '@essor/web-ui';
import { graphql } from '../gql';
import { NETWORK_KIND_LABELS, NETWORK_SCOPE_LABELS } from '../lib/labels';
import { paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export const NETWORKS_QUERY = graphql(`
  query NetworksList {
    networks {
      id
      slug
      name
      acronym
      kind
      scope
      memberCount
    }
  }
`);

export function NetworksPage() {
  useDocumentTitle('Réseaux');
  const { data, loading, error, refetch } = useQuery(NETWORKS_QUERY);

  return (
    <div className="container page">
      <Breadcrumb items={[{ label: 'Réseaux' }]} />
      <h1>Réseaux et têtes de réseau</h1>
      <p className="lead">
        Chambres régionales, fédérations et réseaux locaux qui fédèrent les structures de l'ESS du territoire.
      </p>
      {error && !data ? <ErrorNotice onRetry={() => refetch()}>Les réseaux n'ont pas pu être chargés.</ErrorNotice> : null}
      {loading && !data ? <Loading>Chargement des réseaux…</Loading> : null}
      {data && data.networks.length === 0 ? <EmptyState>Aucun réseau référencé.</EmptyState> : null}
      {data && data.networks.length > 0 ? (
        <ul className="tile-grid">
          {data.networks.map((network) => (
            <li key={network.id} className="tile">
              <h2 className="tile__title">
                <Link to={paths.network(network.slug)}>{network.name}</Link>
              </h2>
              <p className="tile__text">
                {NETWORK_KIND_LABELS[network.kind]} · {NETWORK_SCOPE_LABELS[network.scope]}
              </p>
              <p className="tile__meta">{plural(network.memberCount, 'membre', 'membres')} sur le territoire</p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
