import { Fragment, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { AdminPersonsQuery } from '../gql/graphql';
import { ConfirmDialog } from '../components/Dialog';
import { Pagination } from '../components/Pagination';
import { TextField } from '../components/form';
import { Empty, ErrorNotice, Loading, Success } from '../components/status';
import { formatDate, plural } from '../format';
import { errorMessage, fieldErrorsOf } from '../lib/errors';
import { rowIdOf } from '../lib/ids';
import { usePageTitle } from '../lib/usePageTitle';

export const ADMIN_PERSONS_QUERY = graphql(`
  query AdminPersons($text: String, $page: Int, $pageSize: Int) {
    adminPersons(text: $text, page: $page, pageSize: $pageSize) {
      totalCount
      items {
        id
        displayName
        firstName
        lastName
        email
        isPublic
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

export const PERSON_DATA_QUERY = graphql(`
  query PersonData($id: ID!) {
    personData(id: $id)
  }
`);

export const ERASE_PERSON_MUTATION = graphql(`
  mutation ErasePerson($id: ID!) {
    erasePerson(id: $id) {
      id
      displayName
      firstName
      lastName
      email
      isPublic
    }
  }
`);

export const RECORD_CONSENT_MUTATION = graphql(`
  mutation RecordConsent($personId: ID!, $scope: String!, $version: String!) {
    recordConsent(personId: $personId, scope: $scope, version: $version) {
      id
      scope
      version
      grantedAt
      withdrawnAt
    }
  }
`);

export const WITHDRAW_CONSENT_MUTATION = graphql(`
  mutation WithdrawConsent($id: ID!) {
    withdrawConsent(id: $id) {
      id
      scope
      version
      grantedAt
      withdrawnAt
    }
  }
`);

type Person = AdminPersonsQuery['adminPersons']['items'][number];
const PAGE_SIZES = [10, 20, 50, 100];

/** Offers a text as a file download. */
function download(filename: string, content: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function PersonsPage() {
  usePageTitle('Personnes (RGPD)');
  const [params, setParams] = useSearchParams();
  const text = params.get('q')?.trim() || null;
  const pageIndex = Math.max(0, (Number.parseInt(params.get('page') ?? '1', 10) || 1) - 1);
  const sizeParam = Number.parseInt(params.get('taille') ?? '', 10);
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : 20;
  const { data, previousData, loading, error, refetch } = useQuery(ADMIN_PERSONS_QUERY, {
    variables: { text, page: pageIndex, pageSize },
  });
  const page = (data ?? previousData)?.adminPersons;
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const setPage = (index: number, size = pageSize) => {
    const next = new URLSearchParams(params);
    if (index > 0) next.set('page', String(index + 1));
    else next.delete('page');
    if (size !== 20) next.set('taille', String(size));
    else next.delete('taille');
    setParams(next);
  };

  return (
    <>
      <h1>Personnes</h1>
      <p className="lead">
        Données personnelles des contacts (RGPD) : consentements, export des données d'une personne, anonymisation.
      </p>
      <PersonSearch
        key={text ?? ''}
        initial={text ?? ''}
        onApply={(q) => {
          setOpenId(null);
          setParams(q ? { q } : {});
        }}
      />
      {notice && <Success>{notice}</Success>}
      {error && !page ? (
        <ErrorNotice
          message={`Les personnes n'ont pas pu être chargées. ${errorMessage(error, '')}`.trim()}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !page ? (
        <Loading>Chargement des personnes…</Loading>
      ) : (
        <>
          <p className="result-count" role="status">
            {plural(page.totalCount, 'personne', 'personnes')}
            {loading && ' — mise à jour…'}
          </p>
          {page.items.length === 0 ? (
            <Empty>{text ? 'Aucune personne ne correspond à cette recherche.' : 'Aucune personne enregistrée.'}</Empty>
          ) : (
            <div className="table-wrapper" tabIndex={0} role="region" aria-label="Liste des personnes">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Nom</th>
                    <th scope="col">Courriel</th>
                    <th scope="col">Structure</th>
                    <th scope="col">Profil public</th>
                    <th scope="col">Consentements actifs</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((p) => {
                    const open = openId === p.id;
                    const panelId = `person-panel-${p.id}`;
                    return (
                      <Fragment key={p.id}>
                        <tr>
                          <th scope="row">{p.displayName}</th>
                          <td>{p.email ?? '—'}</td>
                          <td>{p.structure?.name ?? '—'}</td>
                          <td>{p.isPublic ? 'Oui' : 'Non'}</td>
                          <td>{(p.consents ?? []).filter((c) => !c.withdrawnAt).length}</td>
                          <td>
                            <button
                              type="button"
                              className="button button--secondary button--small"
                              aria-expanded={open}
                              aria-controls={panelId}
                              onClick={() => setOpenId(open ? null : p.id)}
                            >
                              {open ? 'Masquer' : 'Gérer'} <span className="visually-hidden">les données de {p.displayName}</span>
                            </button>
                          </td>
                        </tr>
                        {open && (
                          <tr className="detail-row">
                            <td colSpan={6} id={panelId}>
                              <PersonPanel
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

function PersonSearch({ initial, onApply }: { initial: string; onApply: (q: string) => void }) {
  const [q, setQ] = useState(initial);
  return (
    <form
      className="filters"
      role="search"
      aria-label="Chercher une personne"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(q.trim());
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor="persons-text">
          Nom ou courriel
        </label>
        <input id="persons-text" className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          Rechercher
        </button>
      </div>
    </form>
  );
}

function PersonPanel({
  person,
  onErased,
  onChanged,
}: {
  person: Person;
  onErased: (name: string) => void;
  onChanged: () => void;
}) {
  const client = useApolloClient();
  const [exporting, setExporting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmErase, setConfirmErase] = useState(false);
  const [eraseError, setEraseError] = useState<string | null>(null);
  const [scope, setScope] = useState('');
  const [version, setVersion] = useState('');
  const [consentErrors, setConsentErrors] = useState<Record<string, string[]>>({});
  const [erase, { loading: erasing }] = useMutation(ERASE_PERSON_MUTATION);
  const [record, { loading: recording }] = useMutation(RECORD_CONSENT_MUTATION);
  const [withdraw] = useMutation(WITHDRAW_CONSENT_MUTATION);
  const idPrefix = `person-${person.id}`;

  const onExport = async () => {
    setError(null);
    setMessage(null);
    setExporting(true);
    try {
      const { data } = await client.query({
        query: PERSON_DATA_QUERY,
        variables: { id: person.id },
        fetchPolicy: 'network-only',
      });
      if (!data) throw new Error('Réponse vide');
      download(`donnees-personne-${rowIdOf(person.id, 'Person') ?? 'export'}.json`, data.personData);
      setMessage('Export téléchargé.');
    } catch (err) {
      setError(`L'export a échoué. ${errorMessage(err, '')}`.trim());
    } finally {
      setExporting(false);
    }
  };

  const onRecord = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setMessage(null);
    const next: Record<string, string[]> = {};
    if (!scope.trim()) next.scope = ["Indiquez l'objet du consentement."];
    if (!version.trim()) next.version = ['Indiquez la version du texte accepté.'];
    setConsentErrors(next);
    if (Object.keys(next).length) return;
    try {
      await record({ variables: { personId: person.id, scope: scope.trim(), version: version.trim() } });
      setScope('');
      setVersion('');
      setMessage('Consentement enregistré.');
      onChanged();
    } catch (err) {
      const fields = fieldErrorsOf(err);
      setConsentErrors(fields);
      if (!Object.keys(fields).length) setError(errorMessage(err));
    }
  };

  const onWithdraw = async (consentId: string, label: string) => {
    setError(null);
    setMessage(null);
    try {
      await withdraw({ variables: { id: consentId } });
      setMessage(`Consentement « ${label} » retiré.`);
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const onErase = async () => {
    setEraseError(null);
    try {
      await erase({ variables: { id: person.id } });
      setConfirmErase(false);
      onErased(person.displayName);
    } catch (err) {
      setEraseError(errorMessage(err));
    }
  };

  const fullName = [person.firstName, person.lastName].filter(Boolean).join(' ');
  return (
    <div className="person-panel">
      <h2 className="person-panel__title">{person.displayName}</h2>
      {fullName && fullName !== person.displayName && <p>Nom complet : {fullName}</p>}
      {message && <Success>{message}</Success>}
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      <h3>Consentements</h3>
      {!person.consents?.length ? (
        <p className="muted">Aucun consentement enregistré.</p>
      ) : (
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              <th scope="col">Objet</th>
              <th scope="col">Version</th>
              <th scope="col">Donné le</th>
              <th scope="col">Retiré le</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(person.consents ?? []).map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.scope}</th>
                <td>{c.version}</td>
                <td>{formatDate(c.grantedAt)}</td>
                <td>{c.withdrawnAt ? formatDate(c.withdrawnAt) : '—'}</td>
                <td>
                  {!c.withdrawnAt && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => void onWithdraw(c.id, c.scope)}
                    >
                      Retirer <span className="visually-hidden">le consentement « {c.scope} »</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="form form--inline" onSubmit={(e) => void onRecord(e)} noValidate aria-label="Nouveau consentement">
        <TextField
          id={`${idPrefix}-scope`}
          label="Objet du consentement"
          hint="Par exemple : annuaire-public, lettre-information."
          value={scope}
          onChange={setScope}
          errors={consentErrors.scope}
        />
        <TextField
          id={`${idPrefix}-version`}
          label="Version du texte"
          hint="Par exemple : 2025-01."
          value={version}
          onChange={setVersion}
          errors={consentErrors.version}
        />
        <div className="actions">
          <button type="submit" className="button button--secondary" disabled={recording}>
            Ajouter le consentement
          </button>
        </div>
      </form>
      <h3>Droits de la personne</h3>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => void onExport()} disabled={exporting}>
          Exporter (JSON)
        </button>
        <button type="button" className="button button--danger-outline" onClick={() => setConfirmErase(true)}>
          Anonymiser
        </button>
      </div>
      {confirmErase && (
        <ConfirmDialog
          title={`Anonymiser ${person.displayName} ?`}
          description={
            <p>
              Le nom, le courriel, le téléphone et la présentation de cette personne seront effacés de façon irréversible. Les
              traces d'activité restent, sans donnée personnelle.
            </p>
          }
          confirmLabel="Anonymiser définitivement"
          danger
          busy={erasing}
          error={eraseError}
          onConfirm={() => void onErase()}
          onCancel={() => {
            setConfirmErase(false);
            setEraseError(null);
          }}
        />
      )}
    </div>
  );
}
