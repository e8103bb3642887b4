import { useRef, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Role, SectorEditFieldsFragment } from '../../gql/graphql';
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
  SECTOR_API_TO_FORM,
  SECTOR_FORM_KEYS,
  sectorChangedKeys,
  sectorFieldId,
  sectorFieldLabel,
  sectorValueFormatter,
  sectorValuesOf,
  toSectorPatch,
  validateSector,
  type SectorFormKey,
  type SectorFormValues,
} from './model';
import {
  ARCHIVE_SECTOR_MUTATION,
  RESTORE_SECTOR_MUTATION,
  SECTOR_EDIT_QUERY,
  SET_SECTOR_FACILITATORS_MUTATION,
  UPDATE_SECTOR_MUTATION,
} from './operations';
import { SectorFields } from './SectorFields';

export const SECTOR_SAVED_MESSAGE = 'Modifications enregistrées.';

export function SectorEditPage() {
  const { slug = '' } = useParams();
  const location = useLocation();
  const { data, error, refetch } = useQuery(SECTOR_EDIT_QUERY, {
    variables: { slug },
    // The form edits what the server has now (its version), not an older cached copy.
    fetchPolicy: 'network-only',
    nextFetchPolicy: 'cache-first',
  });
  const sector = data?.sector;
  usePageTitle(sector ? `Secteur ${sector.name}` : 'Secteur');

  if (error && !data) {
    return (
      <>
        <Breadcrumb name="Secteur" />
        <h1>Secteur</h1>
        <ErrorNotice
          message={`Le secteur n'a pas pu être chargé. ${errorMessage(error, '')}`.trim()}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      </>
    );
  }
  if (!data) return <Loading>Chargement du secteur…</Loading>;
  if (!sector) {
    return (
      <>
        <Breadcrumb name="Secteur introuvable" />
        <h1>Secteur introuvable</h1>
        <p className="notice">
          Ce secteur n'existe pas ou a été archivé. <Link to="/secteurs">Retour à la liste</Link>
        </p>
      </>
    );
  }
  return (
    <SectorEditor key={sector.id} sector={sector} created={(location.state as { created?: boolean } | null)?.created === true} />
  );
}

function Breadcrumb({ name }: { name: string }) {
  return (
    <nav aria-label="Fil d'Ariane" className="breadcrumb">
      <ol>
        <li>
          <Link to="/secteurs">Secteurs</Link>
        </li>
        <li aria-current="page">{name}</li>
      </ol>
    </nav>
  );
}

function SectorEditor({ sector, created }: { sector: SectorEditFieldsFragment; created: boolean }) {
  const { viewer } = useViewer();
  const roles: readonly Role[] = viewer?.roles ?? [];
  // Sectors and their facilitators are the mission's to edit (the API checks again).
  const readOnly = !isAdmin(roles);
  const client = useApolloClient();
  const navigate = useNavigate();

  const [current, setCurrent] = useState(sector);
  const [base, setBase] = useState(() => sectorValuesOf(sector));
  const [values, setValues] = useState(base);
  const [errors, setErrors] = useState<Partial<Record<SectorFormKey, string[]>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<VersionConflict<SectorFormValues> | null>(null);
  const [notice, setNotice] = useState<string | null>(created ? 'Secteur créé.' : null);
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [archiveOpen, setArchiveOpen] = useState(false);
  const [archiveError, setArchiveError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLElement>(null);

  const [update] = useMutation(UPDATE_SECTOR_MUTATION);
  const [setFacilitators] = useMutation(SET_SECTOR_FACILITATORS_MUTATION);
  const [archive, { loading: archiving }] = useMutation(ARCHIVE_SECTOR_MUTATION);
  const [restore, { loading: restoring }] = useMutation(RESTORE_SECTOR_MUTATION);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [restoredNotice, setRestoredNotice] = useState<string | null>(null);

  const onChange = <K extends SectorFormKey>(key: K, value: SectorFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setNotice(null);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setNotice(null);
    const clientErrors = validateSector(values, false);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) {
      focusSoon(() => summaryRef.current);
      return;
    }
    const changed = sectorChangedKeys(base, values);
    if (!changed.length) {
      setNotice('Aucune modification à enregistrer.');
      return;
    }
    const patch = toSectorPatch(base, values);
    const facilitatorsChanged = changed.includes('facilitators');
    setSaving(true);
    let latest = current;
    try {
      if (Object.keys(patch).length) {
        const res = await update({ variables: { id: current.id, version: current.version, input: patch } });
        if (res.data) latest = res.data.updateSector;
      }
      if (facilitatorsChanged) {
        // Under the version the text change left (the facilitators share the sector's version).
        const res = await setFacilitators({
          variables: { id: current.id, version: latest.version, personIds: values.facilitators.map((p) => p.id) },
        });
        if (res.data) latest = res.data.setSectorFacilitators;
      }
    } catch (err) {
      setSaving(false);
      const textSaved = latest !== current;
      if (textSaved) {
        // The text was saved, the facilitators were refused: the text is the new base.
        setCurrent(latest);
        setBase({ ...sectorValuesOf(latest), facilitators: base.facilitators });
      }
      const pending = textSaved ? changed.filter((k) => k === 'facilitators') : changed;
      const mine = Object.fromEntries(pending.map((k) => [k, values[k]])) as Partial<SectorFormValues>;
      const c = versionConflictOf(err, mine, latest.version);
      if (c) {
        setConflict(c);
        focusSoon(() => conflictRef.current);
        return;
      }
      const { own, others } = splitFieldErrors(fieldErrorsOf(err, SECTOR_API_TO_FORM), SECTOR_FORM_KEYS);
      setErrors(own);
      if (!Object.keys(own).length || others.length) setFormError(others.length ? others.join(' ') : errorMessage(err));
      focusSoon(() => summaryRef.current);
      return;
    }
    setSaving(false);
    const next = sectorValuesOf(latest);
    setCurrent(latest);
    setBase(next);
    setValues(next);
    setErrors({});
    setConflict(null);
    setNotice(SECTOR_SAVED_MESSAGE);
    void client.refetchQueries({ include: ['AuditLog'] });
  };

  /** Loads the current version; with `reapply`, puts the person's changes back on top of it. */
  const reload = async (reapply: boolean) => {
    setReloading(true);
    try {
      const { data } = await client.query({
        query: SECTOR_EDIT_QUERY,
        variables: { slug: current.slug },
        fetchPolicy: 'network-only',
      });
      const fresh = data?.sector;
      if (!fresh) throw new Error('Secteur introuvable');
      const freshValues = sectorValuesOf(fresh);
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
      focusSoon(() => document.getElementById(sectorFieldId('name')));
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
      void navigate('/secteurs', { state: { notice: `Secteur « ${current.name} » archivé.` } });
      // The list holds the archived ones too: the cached sector now says ARCHIVED, the list shows it under its filter.
    } catch (err) {
      setArchiveError(
        findError(err, 'CONFLICT')
          ? 'Le secteur a été modifié entre-temps : rechargez la page avant de l’archiver.'
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
      const restored = res.data.restoreSector;
      setCurrent(restored);
      setBase(sectorValuesOf(restored));
      setRestoredNotice(`Secteur « ${restored.name} » restauré : il figure de nouveau dans les vues publiques.`);
      void client.refetchQueries({ include: ['AuditLog'] });
    } catch (err) {
      setRestoreError(
        findError(err, 'CONFLICT')
          ? 'Le secteur a été modifié entre-temps : rechargez la page avant de le restaurer.'
          : errorMessage(err),
      );
    }
  };

  const summaryItems = [
    ...(Object.entries(errors) as Array<[SectorFormKey, string[]]>).map(([k, messages]) => ({
      fieldId: sectorFieldId(k),
      message: `${sectorFieldLabel(k)} : ${messages.join(' ')}`,
    })),
    ...(formError ? [{ message: formError }] : []),
  ];
  const rowId = rowIdOf(current.id, 'Sector');
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
            Code {current.slug} · version {current.version} ·{' '}
            {plural(current.structureCount, 'structure publiée', 'structures publiées')}
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

      {archived && <p className="notice">Ce secteur est archivé : il n'apparaît plus dans les vues publiques.</p>}
      {restoreError && (
        <p role="alert" className="notice notice--error">
          {restoreError}
        </p>
      )}
      {restoredNotice && <Success>{restoredNotice}</Success>}

      {readOnly && <p className="notice">Votre rôle permet de consulter ce secteur, pas de le modifier.</p>}

      {conflict && (
        <VersionConflictPanel
          ref={conflictRef}
          conflict={conflict}
          subject="Ce secteur a été modifié"
          labelOf={sectorFieldLabel}
          formatOf={sectorValueFormatter([...base.facilitators, ...values.facilitators])}
          busy={reloading}
          onReload={() => void reload(false)}
          onReapply={() => void reload(true)}
        />
      )}

      <div ref={summaryRef} tabIndex={-1} className="summary-anchor">
        <ErrorSummary items={summaryItems} title="L'enregistrement a échoué" />
      </div>

      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Fiche du secteur">
        {!readOnly && <RequiredNote />}
        <fieldset disabled={readOnly} className="fieldset--plain">
          <SectorFields values={values} onChange={onChange} errors={errors} creating={false} readOnly={readOnly} />
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
            filters={{ entityType: 'Sector', entityId: rowId }}
            showEntity={false}
            emptyMessage="Aucune modification enregistrée pour ce secteur."
          />
        </section>
      )}

      {archiveOpen && (
        <ConfirmDialog
          title="Archiver ce secteur ?"
          description={
            <p>
              « {current.name} » quittera les vues publiques et la liste des secteurs. Son historique et ses liens sont conservés.
            </p>
          }
          confirmLabel="Archiver le secteur"
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
