import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CarrierProjectEditFieldsFragment, Role } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { isAdmin } from '../../auth/permissions';
import { Breadcrumb } from '../../components/Breadcrumb';
import {
  ConfirmedActionButton,
  ConfirmedActionDialog,
  EditPageHeader,
  EditPageLoader,
  EntityHistory,
  PermissionNotice,
  VersionedActionButton,
  useHistoryRefresh,
} from '../../components/EditPage';
import { ActionOutcome, formatDate } from '@essor/web-ui';
import { VersionedEditForm } from '../../components/VersionedEditForm';
import { rowIdOf } from '../../lib/ids';
import { useJustCreated } from '../../lib/locationState';
import { usePageTitle } from '../../lib/usePageTitle';
import { useConfirmedAction, useVersionedAction } from '../../lib/useVersionedAction';
import { FRESH_FOR_EDITING, useVersionedEdit } from '../../lib/useVersionedEdit';
import {
  CARRIER_PROJECTS_LIST,
  CARRIER_PROJECT_API_TO_FORM,
  STAGE_BADGES,
  STAGE_LABELS,
  carrierProjectFieldId,
  carrierProjectFieldLabel,
  carrierProjectValuesOf,
  formatCarrierProjectValue,
  toCarrierProjectPatch,
  validateCarrierProject,
} from './model';
import {
  ARCHIVE_CARRIER_PROJECT_MUTATION,
  CARRIER_PROJECT_EDIT_QUERY,
  CARRIER_PROJECT_REFERENCES_QUERY,
  RESTORE_CARRIER_PROJECT_MUTATION,
  UPDATE_CARRIER_PROJECT_MUTATION,
} from './operations';
import { CarrierProjectFields } from './CarrierProjectFields';
import { MentorshipPanel, OpinionPanel, ReferralsPanel, StagePanel } from './CarrierProjectFollowUp';

/**
 * A carrier's project: its fields (mission: edit under optimistic locking), its follow-up (stage, referrals,
 * mentorship, technical opinion), archive or restore, and its history. The page title never names the project
 * nor the carrier (it lands in the browser's history).
 */
export function CarrierProjectEditPage() {
  const { id = '' } = useParams();
  const created = useJustCreated();
  const { data, error, refetch } = useQuery(CARRIER_PROJECT_EDIT_QUERY, { variables: { id }, ...FRESH_FOR_EDITING });
  usePageTitle('Projet accompagné');
  return (
    <EditPageLoader
      list={CARRIER_PROJECTS_LIST}
      title="Projet accompagné"
      error={!data && error}
      loaded={!!data}
      entity={data?.carrierProject}
      onRetry={() => void refetch().catch(() => undefined)}
      failedMessage="Le projet n'a pas pu être chargé."
      loadingMessage="Chargement du projet…"
      notFoundTitle="Projet introuvable"
      notFound="Ce projet n'existe pas."
    >
      {(p) => <CarrierProjectEditor key={p.id} project={p} created={created} />}
    </EditPageLoader>
  );
}

function CarrierProjectEditor({ project, created }: { project: CarrierProjectEditFieldsFragment; created: boolean }) {
  const { viewer } = useViewer();
  const roles: readonly Role[] = viewer?.roles ?? [];
  // The mission edits the projects (the API checks again); the steering committee reads them.
  const readOnly = !isAdmin(roles);
  const client = useApolloClient();
  const navigate = useNavigate();
  const refreshHistory = useHistoryRefresh();
  const { data: refs } = useQuery(CARRIER_PROJECT_REFERENCES_QUERY);

  const [update] = useMutation(UPDATE_CARRIER_PROJECT_MUTATION);
  const [archiveProject] = useMutation(ARCHIVE_CARRIER_PROJECT_MUTATION);
  const [restoreProject] = useMutation(RESTORE_CARRIER_PROJECT_MUTATION);

  const edit = useVersionedEdit({
    entity: project,
    valuesOf: carrierProjectValuesOf,
    validate: (values) => validateCarrierProject(values, false),
    save: async ({ current, base, values }) => {
      const res = await update({
        variables: { id: current.id, version: current.version, input: toCarrierProjectPatch(base, values) },
      });
      return res.data ? res.data.updateCarrierProject : current;
    },
    load: async (current) =>
      (await client.query({ query: CARRIER_PROJECT_EDIT_QUERY, variables: { id: current.id }, fetchPolicy: 'network-only' })).data
        ?.carrierProject,
    fieldId: carrierProjectFieldId,
    fieldLabel: carrierProjectFieldLabel,
    firstField: 'title',
    apiToForm: CARRIER_PROJECT_API_TO_FORM,
    permissionNotice: true,
    initialNotice: created ? 'Projet créé.' : null,
    onSaved: refreshHistory,
  });
  const { current } = edit;
  /** A follow-up mutation returned a new version: the form edits it, keeping what was typed. */
  const followedUp = (next: CarrierProjectEditFieldsFragment) => {
    edit.rebase(next);
    refreshHistory();
  };

  const archive = useConfirmedAction(async () => {
    await archiveProject({ variables: { id: current.id, version: current.version } });
    void navigate(CARRIER_PROJECTS_LIST.to, { state: { notice: 'Projet archivé : il ne compte plus dans les indicateurs.' } });
  }, 'Le projet a été modifié entre-temps : rechargez la page avant de l’archiver.');

  const restore = useVersionedAction(async () => {
    const res = await restoreProject({ variables: { id: current.id, version: current.version } });
    if (!res.data) return;
    followedUp(res.data.restoreCarrierProject);
    return 'Projet restauré : il figure de nouveau dans la liste et les indicateurs.';
  }, 'Le projet a été modifié entre-temps : rechargez la page avant de le restaurer.');

  const followUp = { project: current, readOnly: readOnly || current.archived, onSaved: followedUp };

  return (
    <>
      <Breadcrumb list={CARRIER_PROJECTS_LIST} current={current.title} />
      <EditPageHeader
        title={current.title}
        meta={
          <>
            {current.archived && (
              <>
                <span className="badge badge--archived">Archivé</span>{' '}
              </>
            )}
            <span className={`badge ${STAGE_BADGES[current.stage]}`}>{STAGE_LABELS[current.stage]}</span> · porté par{' '}
            <Link to={`/personnes/${encodeURIComponent(current.person.id)}`}>{current.person.displayName}</Link> · version{' '}
            {current.version} · créé le {formatDate(current.createdAt)}, modifié le {formatDate(current.updatedAt)}
          </>
        }
      >
        {!readOnly && !current.archived && <ConfirmedActionButton action={archive}>Archiver</ConfirmedActionButton>}
        {!readOnly && current.archived && <VersionedActionButton action={restore}>Restaurer</VersionedActionButton>}
      </EditPageHeader>

      {current.archived && (
        <p className="notice">
          Ce projet est archivé : il ne figure plus dans la liste ni dans les indicateurs du plan d'action.
        </p>
      )}
      {current.anonymisedAt && (
        <p className="notice">
          Les données personnelles du porteur ou de la porteuse ont été effacées le {formatDate(current.anonymisedAt)} (RGPD) :
          les textes du projet ne peuvent plus être saisis ; ses étapes, orientations et dates restent comptées.
        </p>
      )}
      <ActionOutcome error={restore.error} done={restore.done} />
      <PermissionNotice
        forbidden={edit.forbidden}
        otherwise={readOnly ? 'Votre rôle permet de consulter ce projet, pas de le modifier.' : null}
      />

      <VersionedEditForm
        edit={edit}
        label="Fiche du projet"
        readOnly={readOnly}
        conflictSubject="Ce projet a été modifié"
        labelOf={carrierProjectFieldLabel}
        formatOf={formatCarrierProjectValue}
      >
        <CarrierProjectFields
          values={edit.values}
          onChange={edit.onChange}
          errors={edit.errors}
          sectors={refs?.sectors ?? []}
          creating={false}
          readOnly={readOnly}
        />
      </VersionedEditForm>

      <StagePanel {...followUp} />
      <ReferralsPanel {...followUp} />
      <MentorshipPanel {...followUp} />
      <OpinionPanel {...followUp} />

      <EntityHistory
        roles={roles}
        entityType="CarrierProject"
        entityId={rowIdOf(current.id, 'CarrierProject')}
        emptyMessage="Aucune modification enregistrée pour ce projet."
      />

      <ConfirmedActionDialog
        action={archive}
        title="Archiver ce projet ?"
        description={
          <p>
            « {current.title} » quittera la liste des projets et ne comptera plus dans les indicateurs du plan d'action. Son
            parcours et son historique sont conservés ; la mission pourra le restaurer.
          </p>
        }
        confirmLabel="Archiver le projet"
      />
    </>
  );
}
