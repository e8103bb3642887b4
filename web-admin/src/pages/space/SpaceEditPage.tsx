import { useRef, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation, useParams } from 'react-router';
import type { SpaceReferencesQuery } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { hasRole, isAdmin } from '../../auth/permissions';
import { AuditEntries } from '../../components/AuditEntries';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorSummary, RequiredNote } from '../../components/form';
import { ErrorNotice, Loading, Success } from '../../components/status';
import { VersionConflictPanel } from '../../components/VersionConflictPanel';
import { formatValue } from '../../format';
import { focusSoon, splitFieldErrors, versionConflictOf, type VersionConflict } from '../../lib/entityForm';
import { errorMessage, fieldErrorsOf, findError } from '../../lib/errors';
import { decodeGlobalId } from '../../lib/ids';
import { usePageTitle } from '../../lib/usePageTitle';
import {
  API_TO_FORM,
  KIND_LABELS,
  SPACE_FORM_KEYS,
  SPACE_STATUS_BADGE,
  SPACE_STATUS_LABELS,
  changedKeys,
  forgetSpaceLists,
  sectorOptions,
  spaceFieldLabel,
  spaceOf,
  toPatch,
  validate,
  valuesOf,
  type Space,
  type SpaceFormKey,
  type SpaceFormValues,
} from './model';
import { ARCHIVE_SPACE_MUTATION, SPACE_EDIT_QUERY, SPACE_REFERENCES_QUERY, UPDATE_SPACE_MUTATION } from './operations';
import { SpaceFields, spaceFieldId } from './SpaceFields';
import { DeliverablesSection, ParticipantsSection, SessionsSection } from './SpaceItems';

export const NOT_YOUR_SECTOR_MESSAGE = 'Vous ne pouvez modifier que les espaces de vos secteurs.';
export const SAVED_MESSAGE = 'Modifications enregistrées.';

export function SpaceEditPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { data, error, refetch } = useQuery(SPACE_EDIT_QUERY, {
    variables: { id },
    // The form edits what the server has now (its version), not an older cached copy.
    fetchPolicy: 'network-only',
    nextFetchPolicy: 'cache-first',
  });
  const refs = useQuery(SPACE_REFERENCES_QUERY);
  const space = spaceOf(data?.node ?? null);
  usePageTitle(space ? space.title : 'Espace');

  if ((error && !data) || (refs.error && !refs.data)) {
    return (
      <>
        <Breadcrumb name="Espace" />
        <h1>Espace</h1>
        <ErrorNotice
          message={`L'espace n'a pas pu être chargé. ${errorMessage(error ?? refs.error, '')}`.trim()}
          onRetry={() => {
            void refetch().catch(() => undefined);
            void refs.refetch().catch(() => undefined);
          }}
        />
      </>
    );
  }
  if (!data || !refs.data) return <Loading>Chargement de l'espace…</Loading>;
  if (!space) {
    return (
      <>
        <Breadcrumb name="Espace introuvable" />
        <h1>Espace introuvable</h1>
        <p className="notice">
          Cet atelier, chantier ou journée d'études n'existe pas, ou il a été archivé.{' '}
          <Link to="/espaces">Retour à la liste</Link>
        </p>
      </>
    );
  }
  return (
    <SpaceEditor
      key={space.id}
      space={space}
      refs={refs.data}
      created={(location.state as { created?: boolean } | null)?.created === true}
    />
  );
}

function Breadcrumb({ name }: { name: string }) {
  return (
    <nav aria-label="Fil d'Ariane" className="breadcrumb">
      <ol>
        <li>
          <Link to="/espaces">Ateliers, chantiers et journées d'études</Link>
        </li>
        <li aria-current="page">{name}</li>
      </ol>
    </nav>
  );
}

/**
 * `space` follows the cache (sessions, participants, deliverables are updated by their own
 * mutations); `current` is the version the main form edits (optimistic locking).
 */
function SpaceEditor({ space, refs, created }: { space: Space; refs: SpaceReferencesQuery; created: boolean }) {
  const { viewer } = useViewer();
  const roles = viewer?.roles ?? [];
  const admin = isAdmin(roles);
  const client = useApolloClient();

  const [current, setCurrent] = useState(space);
  const [base, setBase] = useState(() => valuesOf(space));
  const [values, setValues] = useState(base);
  const [errors, setErrors] = useState<Partial<Record<SpaceFormKey, string[]>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState<string | null>(null);
  const [conflict, setConflict] = useState<VersionConflict<SpaceFormValues> | null>(null);
  const [notice, setNotice] = useState<string | null>(created ? 'Espace créé.' : null);
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [archiveOpen, setArchiveOpen] = useState(false);
  const [archiveError, setArchiveError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLElement>(null);

  const [update] = useMutation(UPDATE_SPACE_MUTATION);
  const [archive, { loading: archiving }] = useMutation(ARCHIVE_SPACE_MUTATION, { update: (cache) => forgetSpaceLists(cache) });
  // The history is shown to the mission and the steering committee; only the mission changes it.
  const refreshHistory = () => {
    if (admin) void client.refetchQueries({ include: ['AuditLog'] });
  };

  // The API says who may edit (the mission; the facilitator of the space's sector).
  const canEdit = current.viewerCanEdit && !forbidden;
  const sectors = sectorOptions(refs, admin, current.sector);
  const sectorName = (slugOrRowId: unknown) => {
    const key = String(slugOrRowId);
    const s = refs.sectors.find((x) => x.slug === key || decodeGlobalId(x.id)?.key === key);
    return s ? s.name : formatValue(slugOrRowId);
  };

  const onChange = (key: SpaceFormKey, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setNotice(null);
  };

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
    setSaving(true);
    try {
      const res = await update({ variables: { id: current.id, version: current.version, input: toPatch(base, values) } });
      const latest = res.data?.updateSpace;
      if (!latest) throw new Error('Réponse vide');
      const next = valuesOf(latest);
      setCurrent(latest);
      setBase(next);
      setValues(next);
      setErrors({});
      setConflict(null);
      setNotice(SAVED_MESSAGE);
      refreshHistory();
    } catch (err) {
      const mine = Object.fromEntries(changed.map((k) => [k, values[k]])) as Partial<SpaceFormValues>;
      const c = versionConflictOf<SpaceFormValues>(err, mine, current.version);
      if (c) {
        setConflict(c);
        focusSoon(() => conflictRef.current);
        return;
      }
      const denied = findError(err, 'FORBIDDEN') ?? findError(err, 'UNAUTHENTICATED');
      if (denied) {
        setForbidden(denied.message);
        focusSoon(() => document.getElementById('permission-notice'));
        return;
      }
      const { own, others } = splitFieldErrors(fieldErrorsOf(err, API_TO_FORM), SPACE_FORM_KEYS);
      setErrors(own);
      if (others.length || !Object.keys(own).length) setFormError(others.length ? others.join(' ') : errorMessage(err));
      focusSoon(() => summaryRef.current);
    } finally {
      setSaving(false);
    }
  };

  /** Loads the current version; with `reapply`, puts the person's changes back on top of it. */
  const reload = async (reapply: boolean) => {
    setReloading(true);
    try {
      const { data } = await client.query({
        query: SPACE_EDIT_QUERY,
        variables: { id: current.id },
        fetchPolicy: 'network-only',
      });
      const fresh = spaceOf(data?.node ?? null);
      if (!fresh) throw new Error('Espace introuvable');
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
      focusSoon(() => document.getElementById(spaceFieldId('title')));
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
      const archived = res.data?.archiveSpace;
      // Only `archived` and the version change: what the person typed in the form stays.
      if (archived) setCurrent(archived);
      setArchiveOpen(false);
      setNotice('Espace archivé : il ne paraît plus dans les listes (annuaire public et administration).');
      refreshHistory();
    } catch (err) {
      setArchiveError(
        findError(err, 'CONFLICT')
          ? "L'espace a été modifié entre-temps : rechargez la page avant de l'archiver."
          : errorMessage(err),
      );
    }
  };

  const summaryItems = [
    ...(Object.entries(errors) as Array<[SpaceFormKey, string[]]>).map(([k, messages]) => ({
      fieldId: spaceFieldId(k),
      message: `${spaceFieldLabel(k)} : ${messages.join(' ')}`,
    })),
    ...(formError ? [{ message: formError }] : []),
  ];
  const readOnlyByRole = !hasRole(roles, 'ADMIN', 'FACILITATOR');
  const permissionMessage = forbidden ?? (!current.viewerCanEdit && !readOnlyByRole ? NOT_YOUR_SECTOR_MESSAGE : null);
  const rowId = decodeGlobalId(current.id)?.key ?? null;

  return (
    <>
      <Breadcrumb name={current.title} />
      <div className="page-header">
        <div>
          <h1>{current.title}</h1>
          <p className="meta">
            {KIND_LABELS[current.kind]} · secteur {current.sector.name} ·{' '}
            <span className={`badge ${SPACE_STATUS_BADGE[current.status]}`}>{SPACE_STATUS_LABELS[current.status]}</span>
            {current.archived && (
              <>
                {' '}
                <span className="badge badge--archived">Archivé</span>
              </>
            )}{' '}
            · version {current.version}
          </p>
        </div>
        {canEdit && !current.archived && (
          <button type="button" className="button button--danger-outline" onClick={() => setArchiveOpen(true)}>
            Archiver
          </button>
        )}
      </div>

      {readOnlyByRole && <p className="notice">Votre rôle permet de consulter cet espace, pas de le modifier.</p>}
      {permissionMessage && (
        <p id="permission-notice" className="notice notice--warning" role={forbidden ? 'alert' : undefined} tabIndex={-1}>
          {permissionMessage}
        </p>
      )}
      {!canEdit && notice && <Success>{notice}</Success>}

      {conflict && (
        <VersionConflictPanel
          ref={conflictRef}
          conflict={conflict}
          subject="Cet espace a été modifié"
          labelOf={spaceFieldLabel}
          formatOf={(field, value) =>
            field === 'sectorId' || field === 'sectorSlug'
              ? sectorName(value)
              : field === 'status' && typeof value === 'string' && value in SPACE_STATUS_LABELS
                ? SPACE_STATUS_LABELS[value as keyof typeof SPACE_STATUS_LABELS]
                : formatValue(value)
          }
          busy={reloading}
          onReload={() => void reload(false)}
          onReapply={() => void reload(true)}
        />
      )}

      <div ref={summaryRef} tabIndex={-1} className="summary-anchor">
        <ErrorSummary items={summaryItems} title="L'enregistrement a échoué" />
      </div>

      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Fiche de l'espace">
        {canEdit && <RequiredNote />}
        <fieldset disabled={!canEdit} className="fieldset--plain">
          <SpaceFields values={values} onChange={onChange} errors={errors} sectors={sectors} withKind={false} />
        </fieldset>
        {canEdit && (
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

      <SessionsSection space={space} canEdit={canEdit} onChanged={refreshHistory} />
      <ParticipantsSection space={space} canEdit={canEdit} admin={admin} onChanged={refreshHistory} />
      <DeliverablesSection space={space} canEdit={canEdit} onChanged={refreshHistory} />

      {hasRole(roles, 'ADMIN', 'STEERING') && rowId && (
        <section className="section" aria-labelledby="history-title">
          <h2 id="history-title">Historique</h2>
          <AuditEntries
            filters={{ entityType: 'ParticipatorySpace', entityId: rowId }}
            showEntity={false}
            emptyMessage="Aucune modification enregistrée pour cet espace."
          />
        </section>
      )}

      {archiveOpen && (
        <ConfirmDialog
          title="Archiver cet espace ?"
          description={
            <p>
              « {current.title} » quittera les listes de l'annuaire public et de l'administration. Son historique est conservé.
            </p>
          }
          confirmLabel="Archiver l'espace"
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
