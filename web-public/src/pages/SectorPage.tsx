import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { Breadcrumb, ErrorNotice, PageLoading, formatStructureCount, telHref } from '@essor/web-ui';
import { PaginatedStructures } from '../components/PaginatedStructures';
import { SpaceList } from '../components/SpaceList';
import { NotFoundContent } from '../components/status';
import { graphql } from '../gql';
import { paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export const SECTOR_PAGE_QUERY = graphql(`
  query SectorPage($slug: String!, $after: String) {
    sector(slug: $slug) {
      id
      slug
      name
      description
      structureCount
      facilitators {
        id
        displayName
        jobTitle
        email
        phone
        structure {
          id
          name
        }
      }
      workshops {
        id
        kind
        title
        status
        goal
      }
      chantiers {
        id
        kind
        title
        status
        goal
      }
      studyDays {
        id
        kind
        title
        status
        goal
      }
      structures(first: 20, after: $after) {
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

export function SectorPage() {
  const { slug = '' } = useParams();
  const { data, loading, error, refetch, fetchMore, networkStatus } = useQuery(SECTOR_PAGE_QUERY, {
    variables: { slug },
  });
  const sector = data?.sector;
  useDocumentTitle(sector ? `Secteur ${sector.name}` : loading ? 'Chargement…' : 'Secteur introuvable');

  if (error && !data) {
    return (
      <div className="container page">
        <h1>Secteur</h1>
        <ErrorNotice onRetry={() => refetch()}>Le secteur n'a pas pu être chargé.</ErrorNotice>
      </div>
    );
  }
  if (!data) {
    return <PageLoading title="Secteur">Chargement du secteur…</PageLoading>;
  }
  if (!sector) return <NotFoundContent title="Secteur introuvable" />;

  return (
    <div className="container page">
      <Breadcrumb items={[{ label: 'Secteurs', to: paths.sectors() }, { label: sector.name }]} />
      <header className="page-header">
        <p className="page-header__kicker">Secteur d'activité</p>
        <h1>{sector.name}</h1>
        {sector.description ? <p className="lead">{sector.description}</p> : null}
        <p>
          <Link to={paths.search({ secteur: sector.slug })}>
            Rechercher parmi les {formatStructureCount(sector.structureCount)} du secteur
          </Link>
        </p>
      </header>

      <div className="columns">
        <section className="section" aria-labelledby="facilitators">
          <h2 id="facilitators">Animation du secteur</h2>
          {sector.facilitators.length === 0 ? (
            <p className="muted">Pas encore d'animateur ou d'animatrice.</p>
          ) : (
            <ul className="people">
              {sector.facilitators.map((person) => (
                <li key={person.id} className="person">
                  <p className="person__name">{person.displayName}</p>
                  {person.jobTitle && person.jobTitle !== person.displayName ? (
                    <p className="person__role">{person.jobTitle}</p>
                  ) : null}
                  {person.structure ? (
                    <p>
                      <Link to={paths.structure(person.structure.id)}>{person.structure.name}</Link>
                    </p>
                  ) : null}
                  {person.email ? (
                    <p>
                      <a href={`mailto:${person.email}`}>{person.email}</a>
                    </p>
                  ) : null}
                  {person.phone ? (
                    <p>
                      <a href={telHref(person.phone)}>{person.phone}</a>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="section" aria-labelledby="spaces">
          <h2 id="spaces">Espaces participatifs</h2>
          <h3>Ateliers</h3>
          <SpaceList spaces={sector.workshops} empty="Aucun atelier." />
          <h3>Chantiers</h3>
          <SpaceList spaces={sector.chantiers} empty="Aucun chantier." />
          <h3>Journées d'études</h3>
          <SpaceList spaces={sector.studyDays} empty="Aucune journée d'études." />
        </section>
      </div>

      <section className="section" aria-labelledby="structures">
        <h2 id="structures">Structures du secteur ({sector.structures.totalCount})</h2>
        <PaginatedStructures
          connection={sector.structures}
          loadingMore={networkStatus === NetworkStatus.fetchMore}
          onLoadMore={(after) => fetchMore({ variables: { after } })}
          resetKey={sector.slug}
          empty="Aucune structure publiée dans ce secteur."
        />
      </section>
    </div>
  );
}
