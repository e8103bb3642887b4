import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { essFamilyLabel, isEssFamily } from '../lib/essFamily';
import { formatNumber, formatStructureCount, EmptyState, ErrorNotice, Loading } from '@essor/web-ui';
import { paths } from '../lib/paths';
import { StructureCard } from './StructureCard';

export const TERRITORY_STRUCTURES_QUERY = graphql(`
  query TerritoryStructures($filter: StructureFilter) {
    searchStructures(filter: $filter, first: 6) {
      totalCount
      edges {
        cursor
        node {
          id
          ...StructureCard
        }
      }
      facets {
        essFamily {
          value
          label
          count
        }
        sector {
          value
          label
          count
        }
      }
    }
  }
`);

interface TerritoryStructuresProps {
  filter: { epci: string } | { commune: string };
  /** « de la commune », « de l'intercommunalité ». */
  scopeLabel: string;
}

/** Key figures (families, sectors) and first structures of a territory. */
export function TerritoryStructures({ filter, scopeLabel }: TerritoryStructuresProps) {
  const variables = { filter: 'epci' in filter ? { epci: [filter.epci] } : { commune: [filter.commune] } };
  const searchLink = paths.search('epci' in filter ? { epci: filter.epci } : { commune: filter.commune });
  const { data, loading, error, refetch } = useQuery(TERRITORY_STRUCTURES_QUERY, { variables });

  if (error && !data) {
    return <ErrorNotice onRetry={() => refetch()}>Les structures {scopeLabel} n'ont pas pu être chargées.</ErrorNotice>;
  }
  if (loading && !data) return <Loading>Chargement des structures…</Loading>;
  if (!data) return null;
  const result = data.searchStructures;
  const families = result.facets.essFamily;
  const sectors = result.facets.sector.slice(0, 6);

  return (
    <>
      <section className="section" aria-labelledby="breakdown">
        <h2 id="breakdown">L'ESS {scopeLabel}</h2>
        {result.totalCount === 0 ? (
          <EmptyState>Aucune structure publiée pour le moment.</EmptyState>
        ) : (
          <div className="columns">
            <div>
              <h3>Par famille</h3>
              <table className="table">
                <caption className="visually-hidden">Structures par famille de l'ESS</caption>
                <thead>
                  <tr>
                    <th scope="col">Famille</th>
                    <th scope="col" className="table__number">
                      Structures
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {families.map((f) => (
                    <tr key={f.value}>
                      <th scope="row">
                        <Link
                          to={paths.search({
                            ...('epci' in filter ? { epci: filter.epci } : { commune: filter.commune }),
                            famille: f.value,
                          })}
                        >
                          {isEssFamily(f.value) ? essFamilyLabel(f.value) : f.label}
                        </Link>
                      </th>
                      <td className="table__number">{formatNumber(f.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div>
              <h3>Principaux secteurs</h3>
              <ul className="link-list">
                {sectors.map((s) => (
                  <li key={s.value}>
                    <Link to={paths.sector(s.value)}>{s.label}</Link> <span className="muted">({formatNumber(s.count)})</span>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
      </section>
      {result.totalCount > 0 ? (
        <section className="section" aria-labelledby="territory-structures">
          <div className="section__header">
            <h2 id="territory-structures">Structures</h2>
            <Link to={searchLink} className="button button--secondary">
              Voir les {formatStructureCount(result.totalCount)} dans la recherche
            </Link>
          </div>
          <ul className="card-grid">
            {result.edges.map(({ node }) => (
              <li key={node.id}>
                <StructureCard structure={node} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
