import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { ConfirmDialog } from '../../components/Dialog';
import { TextField, Success, formatDate, errorMessage, fieldErrorsOf } from '@essor/web-ui';
import { rowIdOf } from '../../lib/ids';
import { ERASE_PERSON_MUTATION, PERSON_DATA_QUERY, RECORD_CONSENT_MUTATION, WITHDRAW_CONSENT_MUTATION } from './operations';

export interface GdprConsent {
  id: string;
  scope: string;
  version: string;
  grantedAt: string;
  withdrawnAt?: string | null;
}

/** What the panel needs of a person (the list's rows and the person page both have it). */
export interface GdprPerson {
  id: string;
  displayName: string;
  firstName?: string | null;
  lastName?: string | null;
  consents?: readonly GdprConsent[] | null;
}

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

/**
 * GDPR of one person: consents (record, withdraw), export of everything held (JSON), erasure.
 * `readOnly` (steering committee): the consents only, no action (the API reserves them to the mission).
 * `showName`: the person's name as the panel's title (in the list, where the panel opens under a row).
 */
export function PersonGdprPanel({
  person,
  onErased,
  onChanged,
  readOnly = false,
  showName = true,
}: {
  person: GdprPerson;
  onErased: (name: string) => void;
  onChanged: () => void;
  readOnly?: boolean;
  showName?: boolean;
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
      {showName && <h2 className="person-panel__title">{person.displayName}</h2>}
      {showName && fullName && fullName !== person.displayName && <p>Nom complet : {fullName}</p>}
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
              {!readOnly && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {(person.consents ?? []).map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.scope}</th>
                <td>{c.version}</td>
                <td>{formatDate(c.grantedAt)}</td>
                <td>{c.withdrawnAt ? formatDate(c.withdrawnAt) : '—'}</td>
                {!readOnly && (
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
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <>
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
        </>
      )}
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
