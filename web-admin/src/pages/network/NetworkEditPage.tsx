import { useRef, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { NetworkEditFieldsFragment, Role } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { hasRole, isAdmin } from '../../auth/permissions';
import { AuditEntries } from '../../components/AuditEntries';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorSummary, RequiredNote } from '../../components/form';
import { ErrorNotice, Loading, Success } from '../../components/status';
import { VersionConflictPanel } from '../../components/VersionConflictPanel';
import { plural } from '../../format';
import { focusSoon, splitFieldErrors, versionConflictOf, type VersionConflict } from '../../lib/entityForm';
import { errorMessage, fieldErrorsOf, findError } from '../../lib/errors';
import { rowIdOf } from '../../lib/ids';
import { usePageTitle } from '../../lib/usePageTitle';
import {
  NETWORK_FORM_KEYS,
  NETWORK_KIND_LABELS,
  NETWORK_SCOPE_LABELS,
  formatNetworkValue,
  networkChangedKeys,
  networkFieldId,
  networkFieldLabel,
  networkValuesOf,
  toNetworkPatch,
  validateNetwork,
  type NetworkFormKey,
  type NetworkFormValues,
} from './model';
import { ARCHIVE_NETWORK_MUTATION, NETWORK_EDIT_QUERY, RESTORE_NETWORK_MUTATION, UPDATE_NETWORK_MUTATION } from './operations';
import { NetworkFields } from './NetworkFields';
import { NetworkMembers } from './NetworkMembers';

export function NetworkEditPage() {
  const { slug = '' } = useParams();
  const location = useLocation();
  const { data, error, refetch } = useQuery(NETWORK_EDIT_QUERY, {
    variables: { slug },
    // The form edits what the server has now (its version), not an older cached copy.
    fetchPolicy: 'network-only',
    nextFetchPolicy: 'cache-first',
  });
  const network = data?.network;
  usePageTitle(network ? `Réseau ${network.name}` : 'Réseau');

  if (error && !data) {
    return (
      <>
        <Breadcrumb name="Réseau" />
        <h1>Réseau</h1>
        <ErrorNotice
          message={`Le réseau n'a pas pu être chargé. ${errorMessage(error, '')}`.trim()}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      </>
    );
  }
  if (!data) return <Loading>Chargement du réseau…</Loading>;
  if (!network) {
    return (
      <>
        <Breadcrumb name="Réseau introuvable" />
        <h1>Réseau introuvable</h1>
        <p className="notice">
          Ce réseau n'existe pas ou a été archivé. <Link to="/reseaux">Retour à la liste</Link>
        </p>
      </>
    );
  }
  return (
    <NetworkEditor
      key={network.id}
      network={network}
      created={(location.state as { created?: boolean } | null)?.created === true}
    />
  );
}

function Breadcrumb({ name }: { name: string }) {
  return (
    <nav aria-label="Fil d'Ariane" className="breadcrumb">
      <ol>
        <li>
          <Link to="/reseaux">Réseaux</Link>
        </li>
        <li aria-current="page">{name}</li>
      </ol>
    </nav>
  );
}

function NetworkEditor({ network, created }: { network: NetworkEditFieldsFragment; created: boolean }) {
  const { viewer } = useViewer();
  const roles: readonly Role[] = viewer?.roles ?? [];
  // Networks are the mission's to edit (the API checks again).
  const readOnly = !isAdmin(roles);
  const client = useApolloClient();
  const navigate = useNavigate();

  const [current, setCurrent] = useState(network);
  const [base, setBase] = useState(() => networkValuesOf(network));
  const [values, setValues] = useState(base);
  const [errors, setErrors] = useState<Partial<Record<NetworkFormKey, string[]>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<VersionConflict<NetworkFormValues> | null>(null);
  const [notice, setNotice] = useState<string | null>(created ? 'Réseau créé.' : null);
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [archiveOpen, setArchiveOpen] = useState(false);
  const [archiveError, setArchiveError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLElement>(null);

  const [update] = useMutation(UPDATE_NETWORK_MUTATION);
  const [archive, { loading: archiving }] = useMutation(ARCHIVE_NETWORK_MUTATION);
  const [restore, { loading: restoring }] = useMutation(RESTORE_NETWORK_MUTATION);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [restoredNotice, setRestoredNotice] = useState<string | null>(null);

  const onChange = <K extends NetworkFormKey>(key: K, value: NetworkFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setNotice(null);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setNotice(null);
    const clientErrors = validateNetwork(values, false);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) {
      focusSoon(() => summaryRef.current);
      return;
    }
    const changed = networkChangedKeys(base, values);
    if (!changed.length) {
      setNotice('Aucune modification à enregistrer.');
      return;
    }
    setSaving(true);
    let latest = current;
    try {
      const res = await update({ variables: { id: current.id, version: current.version, input: toNetworkPatch(base, values) } });
      if (res.data) latest = res.data.updateNetwork;
    } catch (err) {
      setSaving(false);
      const mine = Object.fromEntries(changed.map((k) => [k, values[k]])) as Partial<NetworkFormValues>;
      const c = versionConflictOf(err, mine, current.version);
      if (c) {
        setConflict(c);
        focusSoon(() => conflictRef.current);
        return;
      }
      const { own, others } = splitFieldErrors(fieldErrorsOf(err), NETWORK_FORM_KEYS);
      setErrors(own);
      if (!Object.keys(own).length || others.length) setFormError(others.length ? others.join(' ') : errorMessage(err));
      focusSoon(() => summaryRef.current);
      return;
    }
    setSaving(false);
    const next = networkValuesOf(latest);
    setCurrent(latest);
    setBase(next);
    setValues(next);
    setErrors({});
    setConflict(null);
    setNotice('Modifications enregistrées.');
    void client.refetchQueries({ include: ['AuditLog'] });
  };

  /** Loads the current version; with `reapply`, puts the person's changes back on top of it. */
  const reload = async (reapply: boolean) => {
    setReloading(true);
    try {
      const { data } = await client.query({
        query: NETWORK_EDIT_QUERY,
        variables: { slug: current.slug },
        fetchPolicy: 'network-only',
      });
      const fresh = data?.network;
      if (!fresh) throw new Error('Réseau introuvable');
      const freshValues = networkValuesOf(fresh);
      setCurrent(fresh);
      setBase(freshValues);
      setValues(reapply && conflict ? { ...freshValues, ...conflict.mine } : freshValues);
      setErrors({});
      setFormError(null);
      setConflict(null);
      setNotice(
        reapply
          ? `Vos modifications ont été réappliquées sur la version actuelle (version ${fresh.version}). Vérifiez-les puis enregistrez.`
          : `Version actuelle rechargée (version ${fresh.version}).`,
      );
      focusSoon(() => document.getElementById(networkFieldId('name')));
    } catch (err) {
      setFormError(`La version actuelle n'a pas pu être chargée. ${errorMessage(err, '')}`.trim());
    } finally {
      setReloading(false);
    }
  };

  const onArchive = async () => {
    setArchiveError(null);
    try {
      await archive({ variables: { id: current.id, version: current.version } });
      void navigate('/reseaux', { state: { notice: `Réseau « ${current.name} » archivé.` } });
      // The list holds the archived ones too: the cached network now says ARCHIVED, the list shows it under its filter.
    } catch (err) {
      setArchiveError(
        findError(err, 'CONFLICT')
          ? 'Le réseau a été modifié entre-temps : rechargez la page avant de l’archiver.'
          : errorMessage(err),
      );
    }
  };

  /** Back to the public views; the form keeps what the person typed (only the status and version change). */
  const onRestore = async () => {
    setRestoreError(null);
    setRestoredNotice(null);
    try {
      const res = await restore({ variables: { id: current.id, version: current.version } });
      if (!res.data) return;
      const restored = res.data.restoreNetwork;
      setCurrent(restored);
      setBase(networkValuesOf(restored));
      setRestoredNotice(`Réseau « ${restored.name} » restauré : il figure de nouveau dans les vues publiques.`);
      void client.refetchQueries({ include: ['AuditLog'] });
    } catch (err) {
      setRestoreError(
        findError(err, 'CONFLICT')
          ? 'Le réseau a été modifié entre-temps : rechargez la page avant de le restaurer.'
          : errorMessage(err),
      );
    }
  };

  const summaryItems = [
    ...(Object.entries(errors) as Array<[NetworkFormKey, string[]]>).map(([k, messages]) => ({
      fieldId: networkFieldId(k),
      message: `${networkFieldLabel(k)} : ${messages.join(' ')}`,
    })),
    ...(formError ? [{ message: formError }] : []),
  ];
  const rowId = rowIdOf(current.id, 'Network');
  const archived = current.status === 'ARCHIVED';

  return (
    <>
      <Breadcrumb name={current.name} />
      <div className="page-header">
        <div>
          <h1>{current.name}</h1>
          <p className="meta">
            {archived && (
              <>
                <span className="badge badge--archived">Archivé</span>{' '}
              </>
            )}
            {NETWORK_KIND_LABELS[current.kind]} · {NETWORK_SCOPE_LABELS[current.scope]} · code {current.slug} · version{' '}
            {current.version} · {plural(current.memberCount, 'structure publiée membre', 'structures publiées membres')}
          </p>
        </div>
        {!readOnly && !archived && (
          <button type="button" className="button button--danger-outline" onClick={() => setArchiveOpen(true)}>
            Archiver
          </button>
        )}
        {!readOnly && archived && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void onRestore()}
            disabled={restoring}
            aria-busy={restoring || undefined}
          >
            Restaurer
          </button>
        )}
      </div>

      {archived && <p className="notice">Ce réseau est archivé : il n'apparaît plus dans les vues publiques.</p>}
      {restoreError && (
        <p role="alert" className="notice notice--error">
          {restoreError}
        </p>
      )}
      {restoredNotice && <Success>{restoredNotice}</Success>}

      {readOnly && <p className="notice">Votre rôle permet de consulter ce réseau, pas de le modifier.</p>}

      {conflict && (
        <VersionConflictPanel
          ref={conflictRef}
          conflict={conflict}
          subject="Ce réseau a été modifié"
          labelOf={networkFieldLabel}
          formatOf={formatNetworkValue}
          busy={reloading}
          onReload={() => void reload(false)}
          onReapply={() => void reload(true)}
        />
      )}

      <div ref={summaryRef} tabIndex={-1} className="summary-anchor">
        <ErrorSummary items={summaryItems} title="L'enregistrement a échoué" />
      </div>

      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Fiche du réseau">
        {!readOnly && <RequiredNote />}
        <fieldset disabled={readOnly} className="fieldset--plain">
          <NetworkFields values={values} onChange={onChange} errors={errors} creating={false} readOnly={readOnly} />
        </fieldset>
        {!readOnly && (
          <div className="form-footer">
            <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving || undefined}>
              Enregistrer
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setValues(base);
                setErrors({});
                setFormError(null);
                setNotice(null);
              }}
              disabled={saving}
            >
              Annuler les changements
            </button>
            {notice && <Success>{notice}</Success>}
          </div>
        )}
      </form>

      <NetworkMembers networkId={current.id} slug={current.slug} name={current.name} canEdit={!readOnly} />

      {hasRole(roles, 'ADMIN', 'STEERING') && rowId && (
        <section className="section" aria-labelledby="history-title">
          <h2 id="history-title">Historique</h2>
          <AuditEntries
            filters={{ entityType: 'Network', entityId: rowId }}
            showEntity={false}
            emptyMessage="Aucune modification enregistrée pour ce réseau."
          />
        </section>
      )}

      {archiveOpen && (
        <ConfirmDialog
          title="Archiver ce réseau ?"
          description={
            <p>« {current.name} » quittera les vues publiques et la liste des réseaux. Son historique est conservé.</p>
          }
          confirmLabel="Archiver le réseau"
          danger
          busy={archiving}
          error={archiveError}
          onConfirm={() => void onArchive()}
          onCancel={() => {
            setArchiveOpen(false);
            setArchiveError(null);
          }}
        />
      )}
    </>
  );
}
