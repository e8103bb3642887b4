import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useNavigate, useParams } from 'react-router';
import type { Role, SectorEditFieldsFragment } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { isAdmin } from '../../auth/permissions';
import { Breadcrumb } from '../../components/Breadcrumb';
import {
  ConfirmedActionButton,
  ConfirmedActionDialog,
  EditPageHeader,
  EditPageLoader,
  EntityHistory,
  VersionedActionButton,
  useHistoryRefresh,
} from '../../components/EditPage';
import { ActionOutcome, plural } from '@essor/web-ui';
import { VersionedEditForm } from '../../components/VersionedEditForm';
import { rowIdOf } from '../../lib/ids';
import { useJustCreated } from '../../lib/locationState';
import { usePageTitle } from '../../lib/usePageTitle';
import { useConfirmedAction, useVersionedAction } from '../../lib/useVersionedAction';
import { FRESH_FOR_EDITING, useVersionedEdit } from '../../lib/useVersionedEdit';
import {
  SECTOR_API_TO_FORM,
  sectorFieldId,
  sectorFieldLabel,
  sectorValueFormatter,
  sectorValuesOf,
  toSectorPatch,
  validateSector,
} from './model';
import {
  ARCHIVE_SECTOR_MUTATION,
  RESTORE_SECTOR_MUTATION,
  SECTOR_EDIT_QUERY,
  SET_SECTOR_FACILITATORS_MUTATION,
  UPDATE_SECTOR_MUTATION,
} from './operations';
import { SectorFields } from './SectorFields';

const SECTORS = { to: '/secteurs', label: 'Secteurs' };

export function SectorEditPage() {
  const { slug = '' } = useParams();
  const created = useJustCreated();
  const { data, error, refetch } = useQuery(SECTOR_EDIT_QUERY, { variables: { slug }, ...FRESH_FOR_EDITING });
  const sector = data?.sector;
  usePageTitle(sector ? `Secteur ${sector.name}` : 'Secteur');
  return (
    <EditPageLoader
      list={SECTORS}
      title="Secteur"
      error={!data && error}
      loaded={!!data}
      entity={sector}
      onRetry={() => void refetch().catch(() => undefined)}
      failedMessage="Le secteur n'a pas pu être chargé."
      loadingMessage="Chargement du secteur…"
      notFoundTitle="Secteur introuvable"
      notFound="Ce secteur n'existe pas ou a été archivé."
    >
      {(s) => <SectorEditor key={s.id} sector={s} created={created} />}
    </EditPageLoader>
  );
}

function SectorEditor({ sector, created }: { sector: SectorEditFieldsFragment; created: boolean }) {
  const { viewer } = useViewer();
  const roles: readonly Role[] = viewer?.roles ?? [];
  // Sectors and their facilitators are the mission's to edit (the API checks again).
  const readOnly = !isAdmin(roles);
  const client = useApolloClient();
  const navigate = useNavigate();
  const refreshHistory = useHistoryRefresh();

  const [update] = useMutation(UPDATE_SECTOR_MUTATION);
  const [setFacilitators] = useMutation(SET_SECTOR_FACILITATORS_MUTATION);
  const [archiveSector] = useMutation(ARCHIVE_SECTOR_MUTATION);
  const [restoreSector] = useMutation(RESTORE_SECTOR_MUTATION);

  const edit = useVersionedEdit({
    entity: sector,
    valuesOf: sectorValuesOf,
    validate: (values) => validateSector(values, false),
    save: async ({ current, base, values, changed }, progress) => {
      const patch = toSectorPatch(base, values);
      let latest = current;
      if (Object.keys(patch).length) {
        const res = await update({ variables: { id: current.id, version: current.version, input: patch } });
        if (res.data) progress((latest = res.data.updateSector));
      }
      if (changed.includes('facilitators')) {
        // Under the version the text change left (the facilitators share the sector's version).
        const res = await setFacilitators({
          variables: { id: current.id, version: latest.version, personIds: values.facilitators.map((p) => p.id) },
        });
        if (res.data) latest = res.data.setSectorFacilitators;
      }
      return latest;
    },
    // The text was saved, the facilitators were refused: the text is the new base.
    afterPartialSave: (latest, { base, changed }) => ({
      base: { ...sectorValuesOf(latest), facilitators: base.facilitators },
      pending: changed.filter((k) => k === 'facilitators'),
    }),
    load: async (current) =>
      (await client.query({ query: SECTOR_EDIT_QUERY, variables: { slug: current.slug }, fetchPolicy: 'network-only' })).data
        ?.sector,
    fieldId: sectorFieldId,
    fieldLabel: sectorFieldLabel,
    firstField: 'name',
    apiToForm: SECTOR_API_TO_FORM,
    initialNotice: created ? 'Secteur créé.' : null,
    onSaved: refreshHistory,
  });
  const { current } = edit;

  const archive = useConfirmedAction(async () => {
    await archiveSector({ variables: { id: current.id, version: current.version } });
    void navigate('/secteurs', { state: { notice: `Secteur « ${current.name} » archivé.` } });
    // The list holds the archived ones too: the cached sector now says ARCHIVED, the list shows it under its filter.
  }, 'Le secteur a été modifié entre-temps : rechargez la page avant de l’archiver.');

  /** Back to the public views; the form keeps what the person typed (only the status and version change). */
  const restore = useVersionedAction(async () => {
    const res = await restoreSector({ variables: { id: current.id, version: current.version } });
    if (!res.data) return;
    const restored = res.data.restoreSector;
    edit.rebase(restored);
    refreshHistory();
    return `Secteur « ${restored.name} » restauré : il figure de nouveau dans les vues publiques.`;
  }, 'Le secteur a été modifié entre-temps : rechargez la page avant de le restaurer.');

  const archived = current.status === 'ARCHIVED';

  return (
    <>
      <Breadcrumb list={SECTORS} current={current.name} />
      <EditPageHeader
        title={current.name}
        meta={
          <>
            {archived && (
              <>
                <span className="badge badge--archived">Archivé</span>{' '}
              </>
            )}
            Code {current.slug} · version {current.version} ·{' '}
            {plural(current.structureCount, 'structure publiée', 'structures publiées')}
          </>
        }
      >
        {!readOnly && !archived && <ConfirmedActionButton action={archive}>Archiver</ConfirmedActionButton>}
        {!readOnly && archived && <VersionedActionButton action={restore}>Restaurer</VersionedActionButton>}
      </EditPageHeader>

      {archived && <p className="notice">Ce secteur est archivé : il n'apparaît plus dans les vues publiques.</p>}
      <ActionOutcome error={restore.error} done={restore.done} />

      {readOnly && <p className="notice">Votre rôle permet de consulter ce secteur, pas de le modifier.</p>}

      <VersionedEditForm
        edit={edit}
        label="Fiche du secteur"
        readOnly={readOnly}
        conflictSubject="Ce secteur a été modifié"
        labelOf={sectorFieldLabel}
        formatOf={sectorValueFormatter([...edit.base.facilitators, ...edit.values.facilitators])}
      >
        <SectorFields values={edit.values} onChange={edit.onChange} errors={edit.errors} creating={false} readOnly={readOnly} />
      </VersionedEditForm>

      <EntityHistory
        roles={roles}
        entityType="Sector"
        entityId={rowIdOf(current.id, 'Sector')}
        emptyMessage="Aucune modification enregistrée pour ce secteur."
      />

      <ConfirmedActionDialog
        action={archive}
        title="Archiver ce secteur ?"
        description={
          <p>
            « {current.name} » quittera les vues publiques et la liste des secteurs. Son historique et ses liens sont conservés.
          </p>
        }
        confirmLabel="Archiver le secteur"
      />
    </>
  );
}
