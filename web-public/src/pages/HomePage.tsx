import { useQuery } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { SearchBox } from '../components/search/SearchBox';
import { StructureCard } from '../components/StructureCard';
import { ErrorNotice, Loading, formatLongDateTime, formatNumber, formatStructureCount } from '@essor/web-ui';
import { graphql } from '../gql';
import type { HomePanoramaQuery } from '../gql/graphql';
import { essFamilyLabel, isEssFamily } from '../lib/essFamily';
import { SPACE_KIND_LABELS } from '../lib/labels';
import { paths } from '../lib/paths';
import { SITE_NAME, useDocumentTitle } from '../lib/useDocumentTitle';

export const HOME_PANORAMA_QUERY = graphql(`
  query HomePanorama {
    panorama: searchStructures(first: 0) {
      totalCount
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
        epci {
          value
          label
          count
        }
      }
    }
    recent: searchStructures(sort: RECENT, first: 6) {
      edges {
        cursor
        node {
          id
          ...StructureCard
        }
      }
    }
    upcomingSessions(first: 5) {
      id
      startsAt
      place
      commune {
        id
        code
        name
      }
      space {
        id
        kind
        title
        sector {
          id
          name
        }
      }
    }
  }
`);

type FacetValues = HomePanoramaQuery['panorama']['facets']['essFamily'];

function FacetBars({
  title,
  values,
  href,
  total,
}: {
  title: string;
  values: FacetValues;
  href: (value: string) => string;
  total: number;
}) {
  const max = Math.max(1, ...values.map((v) => v.count));
  return (
    <section className="panorama-card" aria-labelledby={`panorama-${title}`}>
      <h3 id={`panorama-${title}`}>{title}</h3>
      <ul className="bars">
        {values.map((v) => (
          <li key={v.value} className="bars__item">
            <Link to={href(v.value)} className="bars__link">
              <span className="bars__label">{v.label}</span>{' '}
              <span className="bars__count">
                {formatNumber(v.count)} <span className="visually-hidden">structures sur {formatNumber(total)}</span>
              </span>
            </Link>
            <span className="bars__track" aria-hidden="true">
              <span className="bars__fill" style={{ width: `${(v.count / max) * 100}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function HomePage() {
  useDocumentTitle(null);
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(HOME_PANORAMA_QUERY);

  const families = (data?.panorama.facets.essFamily ?? []).map((v) => ({
    ...v,
    label: isEssFamily(v.value) ? essFamilyLabel(v.value) : v.label,
  }));
  const total = data?.panorama.totalCount ?? 0;

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container">
          <h1 id="hero-title">{SITE_NAME}</h1>
          <p className="lead">
            Associations, coopératives, mutuelles, fondations et entreprises de l'économie sociale et solidaire : trouvez les
            structures, les services et les engagements près de chez vous.
          </p>
          <SearchBox value="" large onSearch={(q) => void navigate(paths.search(q ? { q } : undefined))} />
          <p className="hero__links">
            <Link to="/recherche?benevoles=1">Devenir bénévole</Link>
            <Link to="/recherche?stagiaires=1">Trouver un stage</Link>
            <Link to="/recherche?vue=carte">Voir la carte</Link>
            <Link to="/tutorat">Être accompagné·e</Link>
          </p>
        </div>
      </section>

      <div className="container page">
        {error && !data ? (
          <ErrorNotice onRetry={() => refetch()}>Le panorama de l'ESS n'a pas pu être chargé.</ErrorNotice>
        ) : null}
        {loading && !data ? <Loading>Chargement du panorama…</Loading> : null}

        {data ? (
          <>
            <section className="section" aria-labelledby="panorama-title">
              <div className="section__header">
                <h2 id="panorama-title">Panorama de l'ESS du territoire</h2>
                <p className="section__kicker">
                  <strong>{formatStructureCount(total)}</strong> dans l'annuaire
                </p>
              </div>
              <div className="panorama">
                <FacetBars title="Par famille" values={families} total={total} href={(v) => paths.search({ famille: v })} />
                <FacetBars
                  title="Par intercommunalité"
                  values={data.panorama.facets.epci}
                  total={total}
                  href={(v) => paths.epci(v)}
                />
                <FacetBars title="Par secteur" values={data.panorama.facets.sector} total={total} href={(v) => paths.sector(v)} />
              </div>
            </section>

            <section className="section" aria-labelledby="recent-title">
              <div className="section__header">
                <h2 id="recent-title">Dernières structures ajoutées</h2>
                <Link to={paths.search({ tri: 'recentes' })}>Toutes les structures récentes</Link>
              </div>
              {data.recent.edges.length === 0 ? (
                <p className="notice notice--empty">Aucune structure pour le moment.</p>
              ) : (
                <ul className="card-grid">
                  {data.recent.edges.map(({ node }) => (
                    <li key={node.id}>
                      <StructureCard structure={node} />
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <section className="section" aria-labelledby="sessions-title">
              <div className="section__header">
                <h2 id="sessions-title">Prochains rendez-vous</h2>
              </div>
              {data.upcomingSessions.length === 0 ? (
                <p className="notice notice--empty">Aucune séance n'est programmée pour le moment.</p>
              ) : (
                <ul className="session-list">
                  {data.upcomingSessions.map((session) => (
                    <li key={session.id} className="session">
                      <p className="session__date">
                        <time dateTime={session.startsAt}>{formatLongDateTime(session.startsAt)}</time>
                      </p>
                      <p className="session__title">
                        <span className="badge badge--kind">{SPACE_KIND_LABELS[session.space.kind]}</span>{' '}
                        <Link to={paths.space(session.space.kind, session.space.id)}>{session.space.title}</Link>
                      </p>
                      <p className="session__place">
                        {[session.place, session.commune?.name].filter(Boolean).join(' — ') || 'Lieu à préciser'}
                        {session.space.sector ? <> · {session.space.sector.name}</> : null}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        ) : null}

        <section className="cta" aria-labelledby="cta-title">
          <div>
            <h2 id="cta-title">Votre structure n'est pas dans l'annuaire ?</h2>
            <p>
              Association, coopérative, mutuelle, fondation ou entreprise de l'ESS du territoire : proposez-la en quelques
              minutes, l'équipe du pôle la vérifie avant publication.
            </p>
          </div>
          <Link to={paths.propose()} className="button button--accent">
            Ajouter ma structure
          </Link>
        </section>
      </div>
    </>
  );
}
