import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import type { SpaceReferencesQuery } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { hasRole, isAdmin } from '../../auth/permissions';
import { Breadcrumb } from '../../components/Breadcrumb';
import {
  ConfirmedActionButton,
  ConfirmedActionDialog,
  EditPageHeader,
  EditPageLoader,
  EntityHistory,
  PermissionNotice,
  useHistoryRefresh,
} from '../../components/EditPage';
import { Success, formatValue } from '@essor/web-ui';
import { VersionedEditForm } from '../../components/VersionedEditForm';
import { decodeGlobalId } from '../../lib/ids';
import { useJustCreated } from '../../lib/locationState';
import { usePageTitle } from '../../lib/usePageTitle';
import { useConfirmedAction } from '../../lib/useVersionedAction';
import { FRESH_FOR_EDITING, useVersionedEdit } from '../../lib/useVersionedEdit';
import {
  API_TO_FORM,
  KIND_LABELS,
  SPACE_STATUS_BADGE,
  SPACE_STATUS_LABELS,
  forgetSpaceLists,
  sectorOptions,
  spaceFieldLabel,
  spaceOf,
  toPatch,
  validate,
  valuesOf,
  type Space,
} from './model';
import { ARCHIVE_SPACE_MUTATION, SPACE_EDIT_QUERY, SPACE_REFERENCES_QUERY, UPDATE_SPACE_MUTATION } from './operations';
import { SpaceFields, spaceFieldId } from './SpaceFields';
import { DeliverablesSection, ParticipantsSection, SessionsSection } from './SpaceItems';

export const NOT_YOUR_SECTOR_MESSAGE = 'Vous ne pouvez modifier que les espaces de vos secteurs.';

const SPACES = { to: '/espaces', label: "Ateliers, chantiers et journées d'études" };

export function SpaceEditPage() {
  const { id = '' } = useParams();
  const created = useJustCreated();
  const { data, error, refetch } = useQuery(SPACE_EDIT_QUERY, { variables: { id }, ...FRESH_FOR_EDITING });
  const refs = useQuery(SPACE_REFERENCES_QUERY);
  const space = spaceOf(data?.node ?? null);
  usePageTitle(space ? space.title : 'Espace');
  const failed = (error && !data) || (refs.error && !refs.data);
  return (
    <EditPageLoader
      list={SPACES}
      title="Espace"
      error={failed && (error ?? refs.error)}
      loaded={!!data && !!refs.data}
      entity={space}
      onRetry={() => {
        void refetch().catch(() => undefined);
        void refs.refetch().catch(() => undefined);
      }}
      failedMessage="L'espace n'a pas pu être chargé."
      loadingMessage="Chargement de l'espace…"
      notFoundTitle="Espace introuvable"
      notFound="Cet atelier, chantier ou journée d'études n'existe pas, ou il a été archivé."
    >
      {(s) => <SpaceEditor key={s.id} space={s} refs={refs.data!} created={created} />}
    </EditPageLoader>
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
  // The history is shown to the mission and the steering committee; only the mission changes it.
  const refreshHistory = useHistoryRefresh(admin);

  const [update] = useMutation(UPDATE_SPACE_MUTATION);
  const [archiveSpace] = useMutation(ARCHIVE_SPACE_MUTATION, { update: (cache) => forgetSpaceLists(cache) });

  const edit = useVersionedEdit({
    entity: space,
    valuesOf,
    validate,
    save: async ({ current, base, values }) => {
      const res = await update({ variables: { id: current.id, version: current.version, input: toPatch(base, values) } });
      const latest = res.data?.updateSpace;
      if (!latest) throw new Error('Réponse vide');
      return latest;
    },
    load: async (current) =>
      spaceOf(
        (await client.query({ query: SPACE_EDIT_QUERY, variables: { id: current.id }, fetchPolicy: 'network-only' })).data
          ?.node ?? null,
      ),
    fieldId: spaceFieldId,
    fieldLabel: spaceFieldLabel,
    firstField: 'title',
    apiToForm: API_TO_FORM,
    initialNotice: created ? 'Espace créé.' : null,
    permissionNotice: true,
    onSaved: refreshHistory,
  });
  const { current, forbidden, notice } = edit;

  // The API says who may edit (the mission; the facilitator of the space's sector).
  const canEdit = current.viewerCanEdit && !forbidden;
  const sectors = sectorOptions(refs, admin, current.sector);
  const sectorName = (slugOrRowId: unknown) => {
    const key = String(slugOrRowId);
    const s = refs.sectors.find((x) => x.slug === key || decodeGlobalId(x.id)?.key === key);
    return s ? s.name : formatValue(slugOrRowId);
  };

  const archive = useConfirmedAction(async () => {
    const res = await archiveSpace({ variables: { id: current.id, version: current.version } });
    const archived = res.data?.archiveSpace;
    // Only `archived` and the version change: what the person typed in the form stays.
    if (archived) edit.setCurrent(archived);
    edit.setNotice('Espace archivé : il ne paraît plus dans les listes (annuaire public et administration).');
    refreshHistory();
  }, "L'espace a été modifié entre-temps : rechargez la page avant de l'archiver.");

  const readOnlyByRole = !hasRole(roles, 'ADMIN', 'FACILITATOR');

  return (
    <>
      <Breadcrumb list={SPACES} current={current.title} />
      <EditPageHeader
        title={current.title}
        meta={
          <>
            {KIND_LABELS[current.kind]} · secteur {current.sector.name} ·{' '}
            <span className={`badge ${SPACE_STATUS_BADGE[current.status]}`}>{SPACE_STATUS_LABELS[current.status]}</span>
            {current.archived && (
              <>
                {' '}
                <span className="badge badge--archived">Archivé</span>
              </>
            )}{' '}
            · version {current.version}
          </>
        }
      >
        {canEdit && !current.archived && <ConfirmedActionButton action={archive}>Archiver</ConfirmedActionButton>}
      </EditPageHeader>

      {readOnlyByRole && <p className="notice">Votre rôle permet de consulter cet espace, pas de le modifier.</p>}
      <PermissionNotice
        forbidden={forbidden}
        otherwise={!current.viewerCanEdit && !readOnlyByRole ? NOT_YOUR_SECTOR_MESSAGE : null}
      />
      {!canEdit && notice && <Success>{notice}</Success>}

      <VersionedEditForm
        edit={edit}
        label="Fiche de l'espace"
        readOnly={!canEdit}
        conflictSubject="Cet espace a été modifié"
        labelOf={spaceFieldLabel}
        formatOf={(field, value) =>
          field === 'sectorId' || field === 'sectorSlug'
            ? sectorName(value)
            : field === 'status' && typeof value === 'string' && value in SPACE_STATUS_LABELS
              ? SPACE_STATUS_LABELS[value as keyof typeof SPACE_STATUS_LABELS]
              : formatValue(value)
        }
      >
        <SpaceFields values={edit.values} onChange={edit.onChange} errors={edit.errors} sectors={sectors} withKind={false} />
      </VersionedEditForm>

      <SessionsSection space={space} canEdit={canEdit} onChanged={refreshHistory} />
      <ParticipantsSection space={space} canEdit={canEdit} admin={admin} onChanged={refreshHistory} />
      <DeliverablesSection space={space} canEdit={canEdit} onChanged={refreshHistory} />

      <EntityHistory
        roles={roles}
        entityType="ParticipatorySpace"
        entityId={decodeGlobalId(current.id)?.key ?? null}
        emptyMessage="Aucune modification enregistrée pour cet espace."
      />

      <ConfirmedActionDialog
        action={archive}
        title="Archiver cet espace ?"
        description={
          <p>« {current.title} » quittera les listes de l'annuaire public et de l'administration. Son historique est conservé.</p>
        }
        confirmLabel="Archiver l'espace"
      />
    </>
  );
}
