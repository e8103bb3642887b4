import { useRef, useState, type FormEvent, type Ref } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation, useParams } from 'react-router';
import type { Role, StructureEditFieldsFragment } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { hasRole, isAdmin } from '../../auth/permissions';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorSummary, RequiredNote } from '../../components/form';
import { ErrorNotice, Loading, Success } from '../../components/status';
import { formatDateTime, formatValue } from '../../format';
import { errorMessage, fieldErrorsOf, findError } from '../../lib/errors';
import { STATUS_LABELS, fieldLabel } from '../../lib/labels';
import { rowIdOf } from '../../lib/ids';
import { usePageTitle } from '../../lib/usePageTitle';
import { AuditEntries } from '../../components/AuditEntries';
import { API_TO_FORM, changedKeys, toPatch, validate, valuesOf, type FormKey, type StructureFormValues } from './model';
import {
  ARCHIVE_STRUCTURE_MUTATION,
  SET_STRUCTURE_NETWORKS_MUTATION,
  SET_STRUCTURE_SECTORS_MUTATION,
  STRUCTURE_EDIT_QUERY,
  UPDATE_STRUCTURE_MUTATION,
} from './operations';
import { StructureFields, fieldId } from './StructureFields';

export const NOT_YOURS_MESSAGE = 'Vous ne pouvez modifier que les structures qui vous sont confiées.';
export const SAVED_MESSAGE = 'Modifications enregistrées.';

type Reference = { slug: string; name: string };

export function StructureEditPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { data, error, refetch } = useQuery(STRUCTURE_EDIT_QUERY, {
    variables: { id },
    // The form edits what the server has now (its version), not an older cached copy.
    fetchPolicy: 'network-only',
    nextFetchPolicy: 'cache-first',
  });
  const structure = data?.structure;
  usePageTitle(structure ? structure.name : 'Structure');

  if (error && !data) {
    return (
      <>
        <Breadcrumb name="Structure" />
        <h1>Structure</h1>
        <ErrorNotice
          message={`La structure n'a pas pu être chargée. ${errorMessage(error, '')}`.trim()}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      </>
    );
  }
  if (!data) return <Loading>Chargement de la structure…</Loading>;
  if (!structure) {
    return (
      <>
        <Breadcrumb name="Structure introuvable" />
        <h1>Structure introuvable</h1>
        <p className="notice">
          Cette structure n'existe pas, ou votre compte ne permet pas de la consulter.{' '}
          <Link to="/structures">Retour à la liste</Link>
        </p>
      </>
    );
  }
  return (
    <StructureEditor
      key={structure.id}
      structure={structure}
      sectors={data.sectors}
      networks={data.networks}
      created={(location.state as { created?: boolean } | null)?.created === true}
    />
  );
}

function Breadcrumb({ name }: { name: string }) {
  return (
    <nav aria-label="Fil d'Ariane" className="breadcrumb">
      <ol>
        <li>
          <Link to="/structures">Structures</Link>
        </li>
        <li aria-current="page">{name}</li>
      </ol>
    </nav>
  );
}

interface ConflictChange {
  field: string;
  current: unknown;
  submitted: unknown;
}

interface Conflict {
  message: string;
  currentVersion: number | null;
  lastChangedBy: string | null;
  lastChangedAt: string | null;
  changes: ConflictChange[];
  /** What the person had typed, to re-apply onto the current version. */
  mine: Partial<StructureFormValues>;
  submittedVersion: number;
}

function conflictOf(error: unknown, mine: Partial<StructureFormValues>, submittedVersion: number): Conflict | null {
  const e = findError(error, 'CONFLICT');
  if (!e) return null;
  const ext = e.extensions ?? {};
  const changes = Array.isArray(ext.changes)
    ? (ext.changes as Array<Record<string, unknown>>)
        .filter((c) => typeof c.field === 'string')
        .map((c) => ({ field: c.field as string, current: c.current, submitted: c.submitted }))
    : [];
  return {
    message: e.message,
    currentVersion: typeof ext.currentVersion === 'number' ? ext.currentVersion : null,
    lastChangedBy: typeof ext.lastChangedBy === 'string' ? ext.lastChangedBy : null,
    lastChangedAt: typeof ext.lastChangedAt === 'string' ? ext.lastChangedAt : null,
    changes,
    mine,
    submittedVersion,
  };
}

function StructureEditor({
  structure,
  sectors,
  networks,
  created,
}: {
  structure: StructureEditFieldsFragment;
  sectors: readonly Reference[];
  networks: readonly Reference[];
  created: boolean;
}) {
  const { viewer } = useViewer();
  const roles: readonly Role[] = viewer?.roles ?? [];
  const admin = isAdmin(roles);
  // The steering committee reads; editors and admins may try (the API decides).
  const readOnly = !hasRole(roles, 'ADMIN', 'STRUCTURE_EDITOR');
  const client = useApolloClient();

  const [current, setCurrent] = useState(structure);
  const [base, setBase] = useState(() => valuesOf(structure));
  const [values, setValues] = useState(base);
  const [errors, setErrors] = useState<Partial<Record<FormKey, string[]>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(created ? 'Structure créée.' : null);
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [archiveOpen, setArchiveOpen] = useState(false);
  const [archiveError, setArchiveError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLElement>(null);

  const [update] = useMutation(UPDATE_STRUCTURE_MUTATION);
  const [setSectors] = useMutation(SET_STRUCTURE_SECTORS_MUTATION);
  const [setNetworks] = useMutation(SET_STRUCTURE_NETWORKS_MUTATION);
  const [archive, { loading: archiving }] = useMutation(ARCHIVE_STRUCTURE_MUTATION);

  const onChange = <K extends FormKey>(key: K, value: StructureFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setNotice(null);
  };

  const focusSoon = (el: () => HTMLElement | null) => setTimeout(() => el()?.focus(), 0);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setNotice(null);
    const clientErrors = validate(values);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) {
      focusSoon(() => summaryRef.current);
      return;
    }
    const changed = changedKeys(base, values);
    if (!changed.length) {
      setNotice('Aucune modification à enregistrer.');
      return;
    }
    const patch = toPatch(base, values, admin);
    const sectorsChanged = changed.includes('sectors');
    const networksChanged = changed.includes('networks');
    setSaving(true);
    let latest = current;
    try {
      if (Object.keys(patch).length) {
        const res = await update({ variables: { id: current.id, version: current.version, input: patch } });
        if (res.data) latest = res.data.updateStructure;
      }
      if (sectorsChanged) await setSectors({ variables: { id: current.id, codes: values.sectors } });
      if (networksChanged) await setNetworks({ variables: { id: current.id, codes: values.networks } });
    } catch (err) {
      setSaving(false);
      const mine = Object.fromEntries(changed.map((k) => [k, values[k]])) as Partial<StructureFormValues>;
      const c = conflictOf(err, mine, current.version);
      if (c) {
        setConflict(c);
        focusSoon(() => conflictRef.current);
        return;
      }
      const forbiddenError = findError(err, 'FORBIDDEN') ?? findError(err, 'UNAUTHENTICATED');
      if (forbiddenError) {
        setForbidden(forbiddenError.message);
        focusSoon(() => document.getElementById('permission-notice'));
        return;
      }
      const fields = fieldErrorsOf(err, API_TO_FORM);
      const known = Object.fromEntries(Object.entries(fields).filter(([k]) => k in values)) as Partial<Record<FormKey, string[]>>;
      setErrors(known);
      const others = Object.entries(fields).filter(([k]) => !(k in values));
      if (!Object.keys(known).length || others.length) {
        setFormError(others.length ? others.map(([, m]) => m.join(' ')).join(' ') : errorMessage(err));
      }
      if (latest !== current) setCurrent(latest);
      focusSoon(() => summaryRef.current);
      return;
    }
    setSaving(false);
    const next = valuesOf(latest);
    // Sector and network changes are not in the update's answer when only they changed.
    next.sectors = [...values.sectors].sort();
    next.networks = [...values.networks].sort();
    setCurrent(latest);
    setBase(next);
    setValues(next);
    setErrors({});
    setConflict(null);
    setForbidden(null);
    setNotice(SAVED_MESSAGE);
    void client.refetchQueries({ include: ['AuditLog'] });
  };

  /** Loads the current version; with `reapply`, puts the person's changes back on top of it. */
  const reload = async (reapply: boolean) => {
    setReloading(true);
    try {
      const { data } = await client.query({
        query: STRUCTURE_EDIT_QUERY,
        variables: { id: current.id },
        fetchPolicy: 'network-only',
      });
      const fresh = data?.structure;
      if (!fresh) throw new Error('Structure introuvable');
      const freshValues = valuesOf(fresh);
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
      focusSoon(() => document.getElementById(fieldId('name')));
    } catch (err) {
      setFormError(`La version actuelle n'a pas pu être chargée. ${errorMessage(err, '')}`.trim());
    } finally {
      setReloading(false);
    }
  };

  const onArchive = async () => {
    setArchiveError(null);
    try {
      const res = await archive({ variables: { id: current.id, version: current.version } });
      if (res.data) {
        const archived = res.data.archiveStructure;
        setCurrent(archived);
        const v = valuesOf(archived);
        setBase(v);
        setValues((old) => ({ ...old, status: v.status }));
      }
      setArchiveOpen(false);
      setNotice('Structure archivée : elle ne paraît plus dans l’annuaire public.');
      void client.refetchQueries({ include: ['AuditLog'] });
    } catch (err) {
      setArchiveError(
        findError(err, 'CONFLICT')
          ? 'La structure a été modifiée entre-temps : rechargez la page avant de l’archiver.'
          : errorMessage(err),
      );
    }
  };

  const summaryItems = [
    ...(Object.entries(errors) as Array<[FormKey, string[]]>).map(([k, messages]) => ({
      fieldId: fieldId(k),
      message: `${fieldLabel(k)} : ${messages.join(' ')}`,
    })),
    ...(formError ? [{ message: formError }] : []),
  ];
  const permissionMessage = forbidden ?? (!current.viewerCanEdit && !readOnly ? NOT_YOURS_MESSAGE : null);
  const rowId = rowIdOf(current.id, 'Structure');

  return (
    <>
      <Breadcrumb name={current.name} />
      <div className="page-header">
        <div>
          <h1>{current.name}</h1>
          <p className="meta">
            <span className={`badge badge--${current.status.toLowerCase()}`}>{STATUS_LABELS[current.status]}</span> Version{' '}
            {current.version} · modifiée le {formatDateTime(current.updatedAt)}
            {current.lastVerifiedAt && <> · vérifiée le {formatDateTime(current.lastVerifiedAt)}</>}
          </p>
        </div>
        {admin && current.status !== 'ARCHIVED' && (
          <button type="button" className="button button--danger-outline" onClick={() => setArchiveOpen(true)}>
            Archiver
          </button>
        )}
      </div>

      {readOnly && <p className="notice">Votre rôle permet de consulter cette structure, pas de la modifier.</p>}
      {permissionMessage && (
        <p id="permission-notice" className="notice notice--warning" role={forbidden ? 'alert' : undefined} tabIndex={-1}>
          {permissionMessage}
        </p>
      )}

      {conflict && (
        <ConflictPanel
          ref={conflictRef}
          conflict={conflict}
          busy={reloading}
          onReload={() => void reload(false)}
          onReapply={() => void reload(true)}
        />
      )}

      <div ref={summaryRef} tabIndex={-1} className="summary-anchor">
        <ErrorSummary items={summaryItems} title="L'enregistrement a échoué" />
      </div>

      <form className="form structure-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Fiche de la structure">
        {!readOnly && <RequiredNote />}
        <fieldset disabled={readOnly} className="fieldset--plain">
          <StructureFields
            values={values}
            onChange={onChange}
            errors={errors}
            sectors={sectors}
            networks={networks}
            canPublish={admin}
            essFamilyHint={current.essFamilyExplanation}
            communeName={current.commune?.name}
          />
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

      {hasRole(roles, 'ADMIN', 'STEERING') && rowId && (
        <section className="section" aria-labelledby="history-title">
          <h2 id="history-title">Historique</h2>
          <AuditEntries
            filters={{ entityType: 'Structure', entityId: rowId }}
            showEntity={false}
            emptyMessage="Aucune modification enregistrée pour cette structure."
          />
        </section>
      )}

      {archiveOpen && (
        <ConfirmDialog
          title="Archiver cette structure ?"
          description={
            <p>« {current.name} » quittera l'annuaire public. Son historique est conservé et la mission pourra la republier.</p>
          }
          confirmLabel="Archiver la structure"
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

function ConflictPanel({
  conflict,
  onReload,
  onReapply,
  busy,
  ref,
}: {
  conflict: Conflict;
  onReload: () => void;
  onReapply: () => void;
  busy: boolean;
  ref: Ref<HTMLElement>;
}) {
  return (
    <section className="conflict" aria-labelledby="conflict-title" ref={ref} tabIndex={-1}>
      <h2 id="conflict-title">Conflit de modification</h2>
      <p role="alert">
        {conflict.lastChangedBy
          ? `Cette structure a été modifiée par ${conflict.lastChangedBy}${conflict.lastChangedAt ? ` le ${formatDateTime(conflict.lastChangedAt)}` : ''}`
          : 'Cette structure a été modifiée entre-temps'}{' '}
        (version {conflict.currentVersion ?? '?'}, vous étiez sur la version {conflict.submittedVersion}). Rien n'a été
        enregistré.
      </p>
      {conflict.changes.length > 0 ? (
        <div className="table-wrapper">
          <table className="data-table data-table--compact">
            <caption>Champs qui diffèrent de la version actuelle</caption>
            <thead>
              <tr>
                <th scope="col">Champ</th>
                <th scope="col">Valeur actuelle</th>
                <th scope="col">Votre saisie</th>
              </tr>
            </thead>
            <tbody>
              {conflict.changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row">{fieldLabel(c.field)}</th>
                  <td>{formatValue(c.current)}</td>
                  <td>{formatValue(c.submitted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Les champs que vous avez modifiés n'ont pas changé entre-temps : vous pouvez réappliquer vos modifications.</p>
      )}
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onReload} disabled={busy}>
          Recharger la version actuelle
        </button>
        <button type="button" className="button button--primary" onClick={onReapply} disabled={busy}>
          Réappliquer mes modifications
        </button>
      </div>
    </section>
  );
}
