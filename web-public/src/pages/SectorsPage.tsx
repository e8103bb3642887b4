import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Breadcrumb, EmptyState, ErrorNotice, Loading, formatStructureCount } from '@essor/web-ui';
import { graphql } from '../gql';
import { paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export const SECTORS_QUERY = graphql(`
  query SectorsList {
    sectors {
      id
      slug
      name
      description
      structureCount
    }
  }
`);

export function SectorsPage() {
  useDocumentTitle('Secteurs d’activité');
  const { data, loading, error, refetch } = useQuery(SECTORS_QUERY);

  return (
    <div className="container page">
      <Breadcrumb items={[{ label: 'Secteurs' }]} />
      <h1>Secteurs d’activité</h1>
      <p className="lead">
        Le réseau territorial de l'ESS s'organise en secteurs, chacun animé par une ou plusieurs personnes : ateliers, chantiers
        et journées d'études y rassemblent les structures.
      </p>
      {error && !data ? <ErrorNotice onRetry={() => refetch()}>Les secteurs n'ont pas pu être chargés.</ErrorNotice> : null}
      {loading && !data ? <Loading>Chargement des secteurs…</Loading> : null}
      {data && data.sectors.length === 0 ? <EmptyState>Aucun secteur n'est encore défini.</EmptyState> : null}
      {data && data.sectors.length > 0 ? (
        <ul className="tile-grid">
          {data.sectors.map((sector) => (
            <li key={sector.id} className="tile">
              <h2 className="tile__title">
                <Link to={paths.sector(sector.slug)}>{sector.name}</Link>
              </h2>
              {sector.description ? <p className="tile__text">{sector.description}</p> : null}
              <p className="tile__meta">{formatStructureCount(sector.structureCount)}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
