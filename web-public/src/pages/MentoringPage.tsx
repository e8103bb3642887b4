import { useMemo, useRef } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { Breadcrumb, EmptyState, ErrorNotice, Loading, plural } from '@essor/web-ui';
import { LoadMore } from '../components/LoadMore';
import { graphql } from '../gql';
import { isMentorTheme, MENTOR_OFFER_STATUS_LABELS, MENTOR_THEME_LABELS, MENTOR_THEMES } from '../lib/labels';
import { paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export const MENTOR_OFFERS_QUERY = graphql(`
  query MentorOffers($theme: [MentorTheme!], $after: String) {
    mentorOffers(theme: $theme, status: [OPEN, FULL], first: 20, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          title
          description
          availability
          status
          themes
          mentor {
            id
            displayName
            jobTitle
            structure {
              id
              name
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export function MentoringPage() {
  useDocumentTitle('Tutorat');
  const [searchParams, setSearchParams] = useSearchParams();
  const themes = useMemo(() => [...new Set(searchParams.getAll('theme'))].filter(isMentorTheme), [searchParams]);
  const listRef = useRef<HTMLUListElement>(null);
  const { data, loading, error, refetch, fetchMore, networkStatus } = useQuery(MENTOR_OFFERS_QUERY, {
    variables: themes.length > 0 ? { theme: themes } : {},
  });
  const offers = data?.mentorOffers;

  function toggleTheme(theme: string, checked: boolean) {
    const next = new URLSearchParams(searchParams);
    const values = themes.filter((t) => t !== theme);
    if (checked) values.push(theme as (typeof themes)[number]);
    next.delete('theme');
    for (const value of values) next.append('theme', value);
    setSearchParams(next);
  }

  return (
    <div className="container page">
      <Breadcrumb items={[{ label: 'Tutorat' }]} />
      <h1>Tutorat</h1>
      <p className="lead">
        Des professionnel·les de l'ESS du territoire accompagnent bénévolement les porteurs et porteuses de projet : modèle
        économique, financement, gouvernance, communication…
      </p>

      <div className="sidebar-layout">
        <fieldset className="facet">
          <legend className="facet__legend">Thèmes</legend>
          <ul className="facet__list">
            {MENTOR_THEMES.map((theme) => (
              <li key={theme}>
                <label className="facet__option">
                  <input
                    type="checkbox"
                    className="facet__checkbox"
                    checked={themes.includes(theme)}
                    onChange={(event) => toggleTheme(theme, event.target.checked)}
                  />
                  {MENTOR_THEME_LABELS[theme]}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>

        <section aria-labelledby="offers-title">
          <div className="results__header">
            <h2 id="offers-title">Offres de tutorat</h2>
            <p className="results__count" aria-live="polite" aria-atomic="true">
              {offers ? <strong>{plural(offers.totalCount, 'offre', 'offres')}</strong> : loading ? 'Chargement…' : null}
            </p>
          </div>
          {error && !offers ? (
            <ErrorNotice onRetry={() => refetch()}>Les offres de tutorat n'ont pas pu être chargées.</ErrorNotice>
          ) : null}
          {loading && !offers ? <Loading>Chargement des offres…</Loading> : null}
          {offers && offers.edges.length === 0 ? (
            <EmptyState>Aucune offre ne correspond à ces thèmes pour le moment.</EmptyState>
          ) : null}
          {offers && offers.edges.length > 0 ? (
            <>
              <ul ref={listRef} className="offer-list">
                {offers.edges.map(({ node: offer }) => (
                  <li key={offer.id}>
                    <article className="offer" aria-labelledby={`offer-${offer.id}`}>
                      <h3 id={`offer-${offer.id}`} className="offer__title" tabIndex={-1} data-focus-target="">
                        {offer.title}
                      </h3>
                      <p className="offer__mentor">
                        <strong>{offer.mentor.displayName}</strong>
                        {offer.mentor.jobTitle && offer.mentor.jobTitle !== offer.mentor.displayName
                          ? `, ${offer.mentor.jobTitle}`
                          : ''}
                        {offer.mentor.structure ? (
                          <>
                            {' — '}
                            <Link to={paths.structure(offer.mentor.structure.id)}>{offer.mentor.structure.name}</Link>
                          </>
                        ) : null}
                      </p>
                      {offer.description ? <p>{offer.description}</p> : null}
                      <dl className="details">
                        <div>
                          <dt>Disponibilité</dt>
                          <dd>{offer.availability ?? 'À convenir'}</dd>
                        </div>
                        <div>
                          <dt>Statut</dt>
                          <dd>{MENTOR_OFFER_STATUS_LABELS[offer.status]}</dd>
                        </div>
                      </dl>
                      <ul className="tags" aria-label="Thèmes">
                        {offer.themes.map((theme) => (
                          <li key={theme} className="tag">
                            {MENTOR_THEME_LABELS[theme]}
                          </li>
                        ))}
                      </ul>
                    </article>
                  </li>
                ))}
              </ul>
              <LoadMore
                count={offers.edges.length}
                total={offers.totalCount}
                hasNextPage={offers.pageInfo.hasNextPage}
                loading={networkStatus === NetworkStatus.fetchMore}
                listRef={listRef}
                resetKey={themes.join(',')}
                onLoadMore={() => fetchMore({ variables: { after: offers.pageInfo.endCursor } })}
              />
            </>
          ) : null}
          <p className="muted">
            Vous souhaitez devenir tuteur ou tutrice ? Contactez le pôle ESS de Sambre-Avesnois ; votre structure peut aussi{' '}
            <Link to={paths.propose()}>rejoindre l'annuaire</Link>.
          </p>
        </section>
      </div>
    </div>
  );
}
