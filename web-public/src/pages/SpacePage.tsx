import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { Breadcrumb, ErrorNotice, PageLoading, errorCode, formatDate, formatLongDateTime, formatTime } from '@essor/web-ui';
import { NotFoundContent } from '../components/status';
import { graphql } from '../gql';
import type { SpaceKind } from '../gql/graphql';
import {
  DELIVERABLE_KIND_LABELS,
  PARTICIPANT_ROLE_LABELS,
  SPACE_KIND_LABELS,
  SPACE_KIND_PLURAL_LABELS,
  SPACE_STATUS_LABELS,
} from '../lib/labels';
import { paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export const SPACE_DETAILS_FRAGMENT = graphql(`
  fragment SpaceDetails on ParticipatorySpace {
    id
    kind
    title
    goal
    description
    status
    sector {
      id
      slug
      name
    }
    sessions {
      id
      startsAt
      endsAt
      place
      notes
      commune {
        id
        code
        name
      }
    }
    participants {
      id
      role
      structure {
        id
        name
      }
      person {
        id
        displayName
        jobTitle
      }
    }
    deliverables {
      id
      kind
      title
      description
      url
      deliveredAt
    }
  }
`);

export const SPACE_PAGE_QUERY = graphql(`
  query SpacePage($id: ID!, $workshop: Boolean!, $chantier: Boolean!, $studyDay: Boolean!) {
    workshop(id: $id) @include(if: $workshop) {
      ...SpaceDetails
    }
    chantier(id: $id) @include(if: $chantier) {
      ...SpaceDetails
    }
    studyDay(id: $id) @include(if: $studyDay) {
      ...SpaceDetails
    }
  }
`);

export function SpacePage({ kind }: { kind: SpaceKind }) {
  const { id = '' } = useParams();
  // Reference instant to tell past sessions apart (fixed at mount).
  const [now] = useState(() => Date.now());
  const { data, loading, error, refetch } = useQuery(SPACE_PAGE_QUERY, {
    variables: { id, workshop: kind === 'WORKSHOP', chantier: kind === 'CHANTIER', studyDay: kind === 'STUDY_DAY' },
  });
  const space = data?.workshop ?? data?.chantier ?? data?.studyDay;
  const kindLabel = SPACE_KIND_LABELS[kind];
  useDocumentTitle(space ? `${kindLabel} « ${space.title} »` : loading ? 'Chargement…' : `${kindLabel} introuvable`);

  if (error && errorCode(error) === 'INVALID_ID') return <NotFoundContent title={`${kindLabel} introuvable`} />;
  if (error && !data) {
    return (
      <div className="container page">
        <h1>{kindLabel}</h1>
        <ErrorNotice onRetry={() => refetch()}>Cette page n'a pas pu être chargée.</ErrorNotice>
      </div>
    );
  }
  if (!data) {
    return <PageLoading title={kindLabel}>Chargement…</PageLoading>;
  }
  if (!space) return <NotFoundContent title={`${kindLabel} introuvable`} />;

  const structures = space.participants.filter((p) => p.structure);
  const persons = space.participants.filter((p) => !p.structure && p.person);
  return (
    <div className="container page">
      <Breadcrumb
        items={[
          { label: space.sector.name, to: paths.sector(space.sector.slug) },
          { label: SPACE_KIND_PLURAL_LABELS[kind] },
          { label: space.title },
        ]}
      />
      <header className="page-header">
        <p className="page-header__kicker">
          <span className="badge badge--kind">{kindLabel}</span>{' '}
          <span className={`status status--${space.status.toLowerCase()}`}>{SPACE_STATUS_LABELS[space.status]}</span>
        </p>
        <h1>{space.title}</h1>
        <p className="page-header__meta">
          Secteur : <Link to={paths.sector(space.sector.slug)}>{space.sector.name}</Link>
        </p>
      </header>

      <section className="section" aria-labelledby="goal">
        <h2 id="goal">Objectif</h2>
        <p className="prose">{space.goal}</p>
        {space.description ? <p className="prose">{space.description}</p> : null}
      </section>

      <section className="section" aria-labelledby="sessions">
        <h2 id="sessions">Séances</h2>
        {space.sessions.length === 0 ? (
          <p className="muted">Aucune séance programmée.</p>
        ) : (
          <ol className="session-list">
            {space.sessions.map((session) => {
              const past = new Date(session.endsAt ?? session.startsAt).getTime() < now;
              return (
                <li key={session.id} className={past ? 'session session--past' : 'session'}>
                  <p className="session__date">
                    <time dateTime={session.startsAt}>{formatLongDateTime(session.startsAt)}</time>
                    {session.endsAt ? <> – {formatTime(session.endsAt)}</> : null}
                    {past ? <span className="muted"> (passée)</span> : null}
                  </p>
                  <p className="session__place">
                    {session.place ?? 'Lieu à préciser'}
                    {session.commune ? (
                      <>
                        {' — '}
                        <Link to={paths.commune(session.commune.code)}>{session.commune.name}</Link>
                      </>
                    ) : null}
                  </p>
                  {session.notes ? <p className="muted">{session.notes}</p> : null}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <div className="columns">
        <section className="section" aria-labelledby="participants">
          <h2 id="participants">Structures participantes</h2>
          {structures.length === 0 ? (
            <p className="muted">Aucune structure participante pour le moment.</p>
          ) : (
            <ul className="link-list">
              {structures.map((p) => (
                <li key={p.id}>
                  {p.structure ? <Link to={paths.structure(p.structure.id)}>{p.structure.name}</Link> : null}{' '}
                  <span className="muted">({PARTICIPANT_ROLE_LABELS[p.role]})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="section" aria-labelledby="persons">
          <h2 id="persons">Personnes</h2>
          {persons.length === 0 ? (
            <p className="muted">Aucune personne inscrite à titre individuel.</p>
          ) : (
            <ul className="link-list">
              {persons.map((p) => (
                <li key={p.id}>
                  {p.person?.displayName} <span className="muted">({PARTICIPANT_ROLE_LABELS[p.role]})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="section" aria-labelledby="deliverables">
        <h2 id="deliverables">Livrables</h2>
        {space.deliverables.length === 0 ? (
          <p className="muted">Pas encore de livrable.</p>
        ) : (
          <ul className="deliverables">
            {space.deliverables.map((d) => (
              <li key={d.id} className="deliverable">
                <p className="deliverable__title">
                  <span className="badge">{DELIVERABLE_KIND_LABELS[d.kind]}</span>{' '}
                  {d.url ? (
                    <a href={d.url} rel="noopener noreferrer external">
                      {d.title}
                    </a>
                  ) : (
                    d.title
                  )}
                </p>
                {d.description ? <p>{d.description}</p> : null}
                {d.deliveredAt ? <p className="muted">Livré le {formatDate(d.deliveredAt)}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
