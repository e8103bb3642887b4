import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { Breadcrumb, ErrorNotice, PageLoading, formatNumber } from '@essor/web-ui';
import { NotFoundContent } from '../components/status';
import { TerritoryStructures } from '../components/TerritoryStructures';
import { graphql } from '../gql';
import { paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export const COMMUNE_PAGE_QUERY = graphql(`
  query CommunePage($code: String!) {
    commune(code: $code) {
      id
      code
      name
      population
      postalCodes
      structureCount
      departement {
        id
        code
        name
      }
      epci {
        id
        siren
        name
      }
    }
  }
`);

export function CommunePage() {
  const { code = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(COMMUNE_PAGE_QUERY, { variables: { code } });
  const commune = data?.commune;
  useDocumentTitle(commune ? commune.name : loading ? 'Chargement…' : 'Commune introuvable');

  if (error && !data) {
    return (
      <div className="container page">
        <h1>Commune</h1>
        <ErrorNotice onRetry={() => refetch()}>La commune n'a pas pu être chargée.</ErrorNotice>
      </div>
    );
  }
  if (!data) {
    return <PageLoading title="Commune">Chargement de la commune…</PageLoading>;
  }
  if (!commune) return <NotFoundContent title="Commune introuvable" />;

  return (
    <div className="container page">
      <Breadcrumb
        items={[
          { label: 'Territoire' },
          ...(commune.epci ? [{ label: commune.epci.name, to: paths.epci(commune.epci.siren) }] : []),
          { label: commune.name },
        ]}
      />
      <header className="page-header">
        <p className="page-header__kicker">
          Commune · {commune.departement.name} ({commune.departement.code})
        </p>
        <h1>{commune.name}</h1>
        {commune.epci ? (
          <p className="page-header__meta">
            Intercommunalité : <Link to={paths.epci(commune.epci.siren)}>{commune.epci.name}</Link>
          </p>
        ) : null}
      </header>
      <dl className="key-figures">
        <div>
          <dt>Habitants</dt>
          <dd>{commune.population != null ? formatNumber(commune.population) : 'n. c.'}</dd>
        </div>
        <div>
          <dt>Code postal</dt>
          <dd>{commune.postalCodes.join(', ') || 'n. c.'}</dd>
        </div>
        <div>
          <dt>Code INSEE</dt>
          <dd>{commune.code}</dd>
        </div>
        <div>
          <dt>Structures de l'ESS</dt>
          <dd>{formatNumber(commune.structureCount)}</dd>
        </div>
      </dl>
      <p>
        <Link to={paths.search({ pres: commune.code, rayon: '10' })}>Structures à moins de 10 km de {commune.name}</Link>
      </p>

      <TerritoryStructures filter={{ commune: commune.code }} scopeLabel="de la commune" />
    </div>
  );
}
