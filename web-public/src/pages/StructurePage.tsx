import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { Breadcrumb, ErrorNotice, PageLoading, errorCode, displayUrl, formatDistance, telHref } from '@essor/web-ui';
import { CorrectionForm } from '../components/CorrectionForm';
import { NotFoundContent } from '../components/status';
import { graphql } from '../gql';
import type { StructurePageQuery } from '../gql/graphql';
import { essFamilyLabel } from '../lib/essFamily';
import { SPACE_KIND_LABELS, SPACE_STATUS_LABELS } from '../lib/labels';
import { paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export const STRUCTURE_PAGE_QUERY = graphql(`
  query StructurePage($id: ID!) {
    structure(id: $id) {
      id
      name
      essFamily
      essFamilyExplanation
      address
      postalCode
      commune {
        id
        code
        name
      }
      epci {
        id
        siren
        name
      }
      website
      email
      phone
      description
      services
      values
      nafCode
      siret
      workforceRange
      workforceRangeLabel
      volunteerCount
      acceptsInterns
      seeksVolunteers
      esus
      latitude
      longitude
      isDemo
      lastVerifiedAt
      networks {
        id
        slug
        name
        acronym
      }
      sectors {
        id
        slug
        name
        facilitators {
          id
          displayName
          jobTitle
          email
          phone
        }
      }
      participations {
        id
        kind
        title
        status
      }
      contacts {
        id
        displayName
        jobTitle
        email
        phone
      }
      nearby(first: 5) {
        distanceKm
        structure {
          id
          name
          essFamily
          commune {
            id
            name
          }
        }
      }
    }
  }
`);

type Structure = NonNullable<StructurePageQuery['structure']>;

/** schema.org structured data (Organization) for search engines. */
export function structureJsonLd(structure: Structure, url: string): Record<string, unknown> {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: structure.name,
    url,
  };
  if (structure.description) data.description = structure.description;
  if (structure.address || structure.commune) {
    data.address = {
      '@type': 'PostalAddress',
      ...(structure.address ? { streetAddress: structure.address } : {}),
      ...(structure.postalCode ? { postalCode: structure.postalCode } : {}),
      ...(structure.commune ? { addressLocality: structure.commune.name } : {}),
      addressCountry: 'FR',
    };
  }
  if (structure.latitude != null && structure.longitude != null) {
    data.geo = { '@type': 'GeoCoordinates', latitude: structure.latitude, longitude: structure.longitude };
  }
  if (structure.email) data.email = structure.email;
  if (structure.phone) data.telephone = structure.phone;
  if (structure.website) data.sameAs = [structure.website];
  if (structure.siret) data.identifier = { '@type': 'PropertyValue', propertyID: 'SIRET', value: structure.siret };
  return data;
}

function JsonLd({ data }: { data: Record<string, unknown> }) {
  // « < » escaped: the content cannot close the script tag.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}

function CopyLinkButton() {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const url = window.location.href;
  return (
    <div className="share">
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          const clipboard = navigator.clipboard;
          if (!clipboard) {
            setState('failed');
            return;
          }
          clipboard.writeText(url).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
      >
        Copier le lien
      </button>
      <p className="share__status" aria-live="polite">
        {state === 'copied' ? 'Lien copié dans le presse-papiers.' : null}
        {state === 'failed' ? (
          <>
            Copie impossible : sélectionnez le lien{' '}
            <input className="share__url" readOnly value={url} aria-label="Lien de la fiche" onFocus={(e) => e.target.select()} />
          </>
        ) : null}
      </p>
    </div>
  );
}

function Flag({ on, yes, no }: { on: boolean; yes: string; no: string }) {
  return (
    <li className={on ? 'flag flag--on' : 'flag flag--off'}>
      <span aria-hidden="true" className="flag__icon">
        {on ? '✓' : '–'}
      </span>{' '}
      {on ? yes : no}
    </li>
  );
}

export function StructurePage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(STRUCTURE_PAGE_QUERY, { variables: { id } });
  const structure = data?.structure;
  useDocumentTitle(structure?.name ?? (loading ? 'Chargement…' : 'Structure introuvable'));

  if (error && errorCode(error) === 'INVALID_ID') {
    return <NotFoundContent title="Structure introuvable" />;
  }
  if (error && !data) {
    return (
      <div className="container page">
        <h1>Fiche structure</h1>
        <ErrorNotice onRetry={() => refetch()}>La fiche n'a pas pu être chargée. Vérifiez votre connexion.</ErrorNotice>
      </div>
    );
  }
  if (!data) {
    return <PageLoading title="Fiche structure">Chargement de la fiche…</PageLoading>;
  }
  if (!structure) {
    return <NotFoundContent title="Structure introuvable">Cette structure n'existe pas ou n'est plus publiée.</NotFoundContent>;
  }

  const url = `${window.location.origin}${paths.structure(structure.id)}`;
  const facilitators = structure.sectors.flatMap((sector) => sector.facilitators.map((person) => ({ person, sector })));

  return (
    <div className="container page structure-page">
      <JsonLd data={structureJsonLd(structure, url)} />
      <Breadcrumb items={[{ label: 'Rechercher', to: '/recherche' }, { label: structure.name }]} />

      <header className="page-header">
        <p className="page-header__kicker">
          <span className={`badge badge--family badge--${structure.essFamily.toLowerCase()}`}>
            {essFamilyLabel(structure.essFamily)}
          </span>
          {structure.isDemo ? <span className="badge badge--demo">Donnée fictive de démonstration</span> : null}
        </p>
        <h1>{structure.name}</h1>
        <p className="page-header__meta">
          {structure.commune ? (
            <Link to={paths.commune(structure.commune.code)}>{structure.commune.name}</Link>
          ) : (
            'Commune non renseignée'
          )}
          {structure.epci ? (
            <>
              {' · '}
              <Link to={paths.epci(structure.epci.siren)}>{structure.epci.name}</Link>
            </>
          ) : null}
        </p>
        <CopyLinkButton />
      </header>

      <div className="structure-layout">
        <div className="structure-layout__main">
          {structure.description ? (
            <section className="section" aria-labelledby="presentation">
              <h2 id="presentation">Présentation</h2>
              <p className="prose">{structure.description}</p>
            </section>
          ) : null}
          {structure.services ? (
            <section className="section" aria-labelledby="services">
              <h2 id="services">Services proposés</h2>
              <p className="prose">{structure.services}</p>
            </section>
          ) : null}
          {structure.values ? (
            <section className="section" aria-labelledby="valeurs">
              <h2 id="valeurs">Valeurs</h2>
              <p className="prose">{structure.values}</p>
            </section>
          ) : null}

          <section className="section" aria-labelledby="engagement">
            <h2 id="engagement">S'engager</h2>
            <ul className="flags">
              <Flag on={structure.acceptsInterns} yes="Accueille des stagiaires" no="N'accueille pas de stagiaires" />
              <Flag on={structure.seeksVolunteers} yes="Cherche des bénévoles" no="Ne cherche pas de bénévoles" />
              <Flag on={structure.esus} yes="Agrément ESUS (entreprise solidaire d'utilité sociale)" no="Pas d'agrément ESUS" />
            </ul>
          </section>

          <section className="section" aria-labelledby="identite">
            <h2 id="identite">Identité</h2>
            <dl className="details">
              <div>
                <dt>Famille de l'ESS</dt>
                <dd>
                  {essFamilyLabel(structure.essFamily)}
                  <span className="details__note">{structure.essFamilyExplanation}</span>
                </dd>
              </div>
              <div>
                <dt>Code NAF</dt>
                <dd>{structure.nafCode ?? 'Non renseigné'}</dd>
              </div>
              <div>
                <dt>Effectif salarié</dt>
                <dd>{structure.workforceRangeLabel ?? 'Non renseigné'}</dd>
              </div>
              <div>
                <dt>Bénévoles</dt>
                <dd>{structure.volunteerCount != null ? structure.volunteerCount : 'Non renseigné'}</dd>
              </div>
              {structure.siret ? (
                <div>
                  <dt>SIRET</dt>
                  <dd>{structure.siret}</dd>
                </div>
              ) : null}
            </dl>
          </section>

          <section className="section" aria-labelledby="secteurs">
            <h2 id="secteurs">Secteurs et réseaux</h2>
            <h3>Secteurs</h3>
            {structure.sectors.length > 0 ? (
              <ul className="tags tags--links">
                {structure.sectors.map((sector) => (
                  <li key={sector.id}>
                    <Link className="tag" to={paths.sector(sector.slug)}>
                      {sector.name}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p>Aucun secteur renseigné.</p>
            )}
            <h3>Réseaux</h3>
            {structure.networks.length > 0 ? (
              <ul className="tags tags--links">
                {structure.networks.map((network) => (
                  <li key={network.id}>
                    <Link className="tag" to={paths.network(network.slug)}>
                      {network.name}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p>Membre d'aucun réseau référencé.</p>
            )}
          </section>

          {facilitators.length > 0 ? (
            <section className="section" aria-labelledby="animation">
              <h2 id="animation">Animation des secteurs</h2>
              <ul className="people">
                {facilitators.map(({ person, sector }) => (
                  <li key={`${sector.id}-${person.id}`} className="person">
                    <p className="person__name">{person.displayName}</p>
                    {person.jobTitle && person.jobTitle !== person.displayName ? (
                      <p className="person__role">{person.jobTitle}</p>
                    ) : null}
                    <p className="person__role">
                      Secteur : <Link to={paths.sector(sector.slug)}>{sector.name}</Link>
                    </p>
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
            </section>
          ) : null}

          <section className="section" aria-labelledby="participations">
            <h2 id="participations">Ateliers, chantiers et journées d'études</h2>
            {structure.participations.length > 0 ? (
              <ul className="link-list">
                {structure.participations.map((space) => (
                  <li key={space.id}>
                    <span className="badge badge--kind">{SPACE_KIND_LABELS[space.kind]}</span>{' '}
                    <Link to={paths.space(space.kind, space.id)}>{space.title}</Link>{' '}
                    <span className="muted">({SPACE_STATUS_LABELS[space.status]})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>Ne participe à aucun espace du réseau pour le moment.</p>
            )}
          </section>
        </div>

        <aside className="structure-layout__aside" aria-label="Informations pratiques">
          <section className="panel" aria-labelledby="contact">
            <h2 id="contact">Coordonnées</h2>
            <dl className="details details--stacked">
              <div>
                <dt>Adresse</dt>
                <dd>
                  {structure.address ? (
                    <>
                      {structure.address}
                      <br />
                    </>
                  ) : null}
                  {[structure.postalCode, structure.commune?.name].filter(Boolean).join(' ') || 'Non renseignée'}
                </dd>
              </div>
              {structure.website ? (
                <div>
                  <dt>Site web</dt>
                  <dd>
                    <a href={structure.website} rel="noopener noreferrer external" target="_blank">
                      {displayUrl(structure.website)} <span className="visually-hidden">(nouvelle fenêtre)</span>
                    </a>
                  </dd>
                </div>
              ) : null}
              {structure.email ? (
                <div>
                  <dt>E-mail</dt>
                  <dd>
                    <a href={`mailto:${structure.email}`}>{structure.email}</a>
                  </dd>
                </div>
              ) : null}
              {structure.phone ? (
                <div>
                  <dt>Téléphone</dt>
                  <dd>
                    <a href={telHref(structure.phone)}>{structure.phone}</a>
                  </dd>
                </div>
              ) : null}
            </dl>
            {structure.contacts.length > 0 ? (
              <>
                <h3>Personnes à contacter</h3>
                <ul className="people people--compact">
                  {structure.contacts.map((person) => (
                    <li key={person.id} className="person">
                      <p className="person__name">{person.displayName}</p>
                      {person.jobTitle && person.jobTitle !== person.displayName ? (
                        <p className="person__role">{person.jobTitle}</p>
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
              </>
            ) : null}
          </section>

          <section className="panel" aria-labelledby="nearby">
            <h2 id="nearby">À proximité</h2>
            {structure.nearby.length > 0 ? (
              <ul className="nearby">
                {structure.nearby.map(({ distanceKm, structure: other }) => (
                  <li key={other.id}>
                    <Link to={paths.structure(other.id)}>{other.name}</Link>
                    <span className="muted">
                      {essFamilyLabel(other.essFamily)}
                      {other.commune ? ` · ${other.commune.name}` : ''} · {formatDistance(distanceKm)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>Aucune autre structure localisée à proximité.</p>
            )}
            {structure.commune ? (
              <p>
                <Link to={paths.search({ pres: structure.commune.code, rayon: '10' })}>Toutes les structures à 10 km</Link>
              </p>
            ) : null}
          </section>
        </aside>
      </div>

      <section className="section correction" aria-labelledby="correction">
        <h2 id="correction">Proposer une correction</h2>
        <CorrectionForm structureId={structure.id} structureName={structure.name} />
      </section>
    </div>
  );
}
