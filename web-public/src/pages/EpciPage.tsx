import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { Breadcrumb, ErrorNotice, PageLoading, formatNumber } from '@essor/web-ui';
import { NotFoundContent } from '../components/status';
import { TerritoryStructures } from '../components/TerritoryStructures';
import { graphql } from '../gql';
import { EPCI_KIND_LABELS } from '../lib/labels';
import { paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export const EPCI_PAGE_QUERY = graphql(`
  query EpciPage($siren: String!) {
    epci(siren: $siren) {
      id
      siren
      name
      kind
      population
      communeCount
      structureCount
      communes {
        id
        code
        name
        structureCount
      }
    }
  }
`);

export function EpciPage() {
  const { siren = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(EPCI_PAGE_QUERY, { variables: { siren } });
  const epci = data?.epci;
  useDocumentTitle(epci ? epci.name : loading ? 'Chargement…' : 'Intercommunalité introuvable');

  if (error && !data) {
    return (
      <div className="container page">
        <h1>Intercommunalité</h1>
        <ErrorNotice onRetry={() => refetch()}>L'intercommunalité n'a pas pu être chargée.</ErrorNotice>
      </div>
    );
  }
  if (!data) {
    return <PageLoading title="Intercommunalité">Chargement de l'intercommunalité…</PageLoading>;
  }
  if (!epci) return <NotFoundContent title="Intercommunalité introuvable" />;

  return (
    <div className="container page">
      <Breadcrumb items={[{ label: 'Territoire' }, { label: epci.name }]} />
      <header className="page-header">
        <p className="page-header__kicker">{EPCI_KIND_LABELS[epci.kind] ?? 'Intercommunalité'}</p>
        <h1>{epci.name}</h1>
      </header>
      <dl className="key-figures">
        <div>
          <dt>Habitants</dt>
          <dd>{epci.population != null ? formatNumber(epci.population) : 'n. c.'}</dd>
        </div>
        <div>
          <dt>Communes</dt>
          <dd>{formatNumber(epci.communeCount)}</dd>
        </div>
        <div>
          <dt>Structures de l'ESS</dt>
          <dd>{formatNumber(epci.structureCount)}</dd>
        </div>
      </dl>

      <TerritoryStructures filter={{ epci: epci.siren }} scopeLabel="de l'intercommunalité" />

      <section className="section" aria-labelledby="communes">
        <h2 id="communes">Communes membres</h2>
        <ul className="commune-list">
          {epci.communes.map((commune) => (
            <li key={commune.id}>
              <Link to={paths.commune(commune.code)}>{commune.name}</Link>{' '}
              <span className="muted">({formatNumber(commune.structureCount)})</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
