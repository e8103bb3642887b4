import { Fragment, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { PersonStatus } from '../gql/graphql';
import { useViewer } from '../auth/viewer';
import { isAdmin } from '../auth/permissions';
import { Pagination } from '../components/Pagination';
import { EmptyState, ErrorNotice, Loading, Success, plural, errorMessage } from '@essor/web-ui';
import { useLocationNotice } from '../lib/locationState';
import { usePageTitle } from '../lib/usePageTitle';
import { PersonGdprPanel } from './person/PersonGdprPanel';

export const ADMIN_PERSONS_QUERY = graphql(`
  query AdminPersons($text: String, $status: [PersonStatus!], $page: Int, $pageSize: Int) {
    adminPersons(text: $text, status: $status, page: $page, pageSize: $pageSize) {
      totalCount
      items {
        id
        displayName
        firstName
        lastName
        email
        isPublic
        status
        structure {
          id
          name
        }
        consents {
          id
          scope
          version
          grantedAt
          withdrawnAt
        }
      }
    }
  }
`);

// The GDPR operations live with the person page; re-exported for the list's users.
export {
  ERASE_PERSON_MUTATION,
  PERSON_DATA_QUERY,
  RECORD_CONSENT_MUTATION,
  WITHDRAW_CONSENT_MUTATION,
} from './person/operations';

const PAGE_SIZES = [10, 20, 50, 100];
const STATUSES: readonly PersonStatus[] = ['ACTIVE', 'ARCHIVED'];

/**
 * The persons of the graph (contacts, facilitators, mentors…), paginated by the API, by last name,
 * filtered by text and status (archived persons are marked). Each name opens the person's page;
 * for the mission, « Gérer » opens their GDPR panel under the row and « Nouvelle personne » creates one.
 * The steering committee reads (the API lets it list every person), without any action.
 */
export function PersonsPage() {
  usePageTitle('Personnes');
  const { viewer } = useViewer();
  const admin = isAdmin(viewer?.roles);
  const [params, setParams] = useSearchParams();
  const text = params.get('q')?.trim() || null;
  const statusParam = params.get('statut') as PersonStatus | null;
  const status = statusParam && STATUSES.includes(statusParam) ? statusParam : null;
  const pageIndex = Math.max(0, (Number.parseInt(params.get('page') ?? '1', 10) || 1) - 1);
  const sizeParam = Number.parseInt(params.get('taille') ?? '', 10);
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : 20;
  const { data, previousData, loading, error, refetch } = useQuery(ADMIN_PERSONS_QUERY, {
    variables: { text, status: status ? [status] : null, page: pageIndex, pageSize },
  });
  const page = (data ?? previousData)?.adminPersons;
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // After an archive on the person's page.
  const arrivedWith = useLocationNotice();

  const setPage = (index: number, size = pageSize) => {
    const next = new URLSearchParams(params);
    if (index > 0) next.set('page', String(index + 1));
    else next.delete('page');
    if (size !== 20) next.set('taille', String(size));
    else next.delete('taille');
    setParams(next);
  };
  const columnCount = admin ? 6 : 5;

  return (
    <>
      <div className="page-header">
        <h1>Personnes</h1>
        {admin && (
          <Link className="button button--primary" to="/personnes/nouvelle">
            Nouvelle personne
          </Link>
        )}
      </div>
      <p className="lead">
        {admin
          ? "Contacts des structures, animateurs et animatrices, tuteurs et tutrices… : leur fiche, et leurs données personnelles (RGPD) : consentements, export des données d'une personne, anonymisation."
          : 'Contacts des structures, animateurs et animatrices, tuteurs et tutrices… Votre rôle permet de les consulter, pas de les modifier.'}
      </p>
      <PersonSearch
        key={`${text ?? ''}|${status ?? ''}`}
        initial={text ?? ''}
        initialStatus={status ?? ''}
        onApply={(q, statut) => {
          setOpenId(null);
          setParams({ ...(q ? { q } : {}), ...(statut ? { statut } : {}) });
        }}
      />
      {notice ? <Success>{notice}</Success> : arrivedWith && <Success>{arrivedWith}</Success>}
      {error && !page ? (
        <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>
          {`Les personnes n'ont pas pu être chargées. ${errorMessage(error, '')}`.trim()}
        </ErrorNotice>
      ) : !page ? (
        <Loading>Chargement des personnes…</Loading>
      ) : (
        <>
          <p className="result-count" role="status">
            {plural(page.totalCount, 'personne', 'personnes')}
            {loading && ' — mise à jour…'}
          </p>
          {page.items.length === 0 ? (
            <EmptyState>
              {text || status ? 'Aucune personne ne correspond à cette recherche.' : 'Aucune personne enregistrée.'}
            </EmptyState>
          ) : (
            <div className="table-wrapper" tabIndex={0} role="region" aria-label="Liste des personnes">
              <table className="data-table" aria-busy={loading || undefined}>
                <caption className="visually-hidden">Personnes, par nom de famille</caption>
                <thead>
                  <tr>
                    <th scope="col">Nom</th>
                    <th scope="col">Courriel</th>
                    <th scope="col">Structure</th>
                    <th scope="col">Profil public</th>
                    <th scope="col">Consentements actifs</th>
                    {admin && (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((p) => {
                    const open = admin && openId === p.id;
                    const panelId = `person-panel-${p.id}`;
                    return (
                      <Fragment key={p.id}>
                        <tr>
                          <th scope="row">
                            <Link to={`/personnes/${encodeURIComponent(p.id)}`}>{p.displayName}</Link>
                            {p.status === 'ARCHIVED' && (
                              <>
                                {' '}
                                <span className="badge badge--archived">Archivée</span>
                              </>
                            )}
                          </th>
                          <td>{p.email ?? '—'}</td>
                          <td>{p.structure?.name ?? '—'}</td>
                          <td>{p.isPublic ? 'Oui' : 'Non'}</td>
                          <td>{(p.consents ?? []).filter((c) => !c.withdrawnAt).length}</td>
                          {admin && (
                            <td>
                              <button
                                type="button"
                                className="button button--secondary button--small"
                                aria-expanded={open}
                                aria-controls={panelId}
                                onClick={() => setOpenId(open ? null : p.id)}
                              >
                                {open ? 'Masquer' : 'Gérer'}{' '}
                                <span className="visually-hidden">les données de {p.displayName}</span>
                              </button>
                            </td>
                          )}
                        </tr>
                        {open && (
                          <tr className="detail-row">
                            <td colSpan={columnCount} id={panelId}>
                              <PersonGdprPanel
                                person={p}
                                onErased={(name) => {
                                  setOpenId(null);
                                  setNotice(`Les données de ${name} ont été anonymisées.`);
                                  void refetch().catch(() => undefined);
                                }}
                                onChanged={() => void refetch().catch(() => undefined)}
                              />
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            idPrefix="persons"
            label="Pagination des personnes"
            pageIndex={pageIndex}
            pageCount={Math.max(1, Math.ceil(page.totalCount / pageSize))}
            pageSize={pageSize}
            pageSizes={PAGE_SIZES}
            onPageChange={(i) => setPage(i)}
            onPageSizeChange={(s) => setPage(0, s)}
          />
        </>
      )}
    </>
  );
}

function PersonSearch({
  initial,
  initialStatus,
  onApply,
}: {
  initial: string;
  initialStatus: string;
  onApply: (q: string, status: string) => void;
}) {
  const [q, setQ] = useState(initial);
  const [status, setStatus] = useState(initialStatus);
  return (
    <form
      className="filters"
      role="search"
      aria-label="Chercher une personne"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(q.trim(), status);
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor="persons-text">
          Nom, courriel ou fonction
        </label>
        <input id="persons-text" className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="persons-status">
          Statut
        </label>
        <select id="persons-status" className="input" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Toutes</option>
          <option value="ACTIVE">Actives</option>
          <option value="ARCHIVED">Archivées</option>
        </select>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          Rechercher
        </button>
      </div>
    </form>
  );
}
