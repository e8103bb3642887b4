import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import type { Role, StructureEditFieldsFragment } from '../../gql/graphql';
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
import { VersionedEditForm } from '../../components/VersionedEditForm';
import { formatShortDateTime } from '@essor/web-ui';
import { STATUS_LABELS, fieldLabel } from '../../lib/labels';
import { rowIdOf } from '../../lib/ids';
import { useJustCreated } from '../../lib/locationState';
import { usePageTitle } from '../../lib/usePageTitle';
import { useConfirmedAction } from '../../lib/useVersionedAction';
import { FRESH_FOR_EDITING, useVersionedEdit } from '../../lib/useVersionedEdit';
import { API_TO_FORM, toPatch, validate, valuesOf } from './model';
import {
  ARCHIVE_STRUCTURE_MUTATION,
  SET_STRUCTURE_NETWORKS_MUTATION,
  SET_STRUCTURE_SECTORS_MUTATION,
  STRUCTURE_EDIT_QUERY,
  UPDATE_STRUCTURE_MUTATION,
} from './operations';
import { StructureFields, fieldId } from './StructureFields';

export const NOT_YOURS_MESSAGE = 'Vous ne pouvez modifier que les structures qui vous sont confiées.';

type Reference = { slug: string; name: string };

const STRUCTURES = { to: '/structures', label: 'Structures' };

export function StructureEditPage() {
  const { id = '' } = useParams();
  const created = useJustCreated();
  const { data, error, refetch } = useQuery(STRUCTURE_EDIT_QUERY, { variables: { id }, ...FRESH_FOR_EDITING });
  usePageTitle(data?.structure ? data.structure.name : 'Structure');
  return (
    <EditPageLoader
      list={STRUCTURES}
      title="Structure"
      error={!data && error}
      loaded={!!data}
      entity={data?.structure}
      onRetry={() => void refetch().catch(() => undefined)}
      failedMessage="La structure n'a pas pu être chargée."
      loadingMessage="Chargement de la structure…"
      notFoundTitle="Structure introuvable"
      notFound="Cette structure n'existe pas, ou votre compte ne permet pas de la consulter."
    >
      {(s) => <StructureEditor key={s.id} structure={s} sectors={data!.sectors} networks={data!.networks} created={created} />}
    </EditPageLoader>
  );
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
  const refreshHistory = useHistoryRefresh();

  const [update] = useMutation(UPDATE_STRUCTURE_MUTATION);
  const [setSectors] = useMutation(SET_STRUCTURE_SECTORS_MUTATION);
  const [setNetworks] = useMutation(SET_STRUCTURE_NETWORKS_MUTATION);
  const [archiveStructure] = useMutation(ARCHIVE_STRUCTURE_MUTATION);

  const edit = useVersionedEdit({
    entity: structure,
    valuesOf,
    validate,
    save: async ({ current, base, values, changed }, progress) => {
      const patch = toPatch(base, values, admin);
      let latest = current;
      if (Object.keys(patch).length) {
        const res = await update({ variables: { id: current.id, version: current.version, input: patch } });
        if (res.data) progress((latest = res.data.updateStructure));
      }
      if (changed.includes('sectors')) await setSectors({ variables: { id: current.id, codes: values.sectors } });
      if (changed.includes('networks')) await setNetworks({ variables: { id: current.id, codes: values.networks } });
      return latest;
    },
    // Sector and network changes are not in the update's answer when only they changed.
    savedValuesOf: (latest, submitted) => ({
      ...valuesOf(latest),
      sectors: [...submitted.sectors].sort(),
      networks: [...submitted.networks].sort(),
    }),
    load: async (current) =>
      (await client.query({ query: STRUCTURE_EDIT_QUERY, variables: { id: current.id }, fetchPolicy: 'network-only' })).data
        ?.structure,
    fieldId,
    fieldLabel,
    firstField: 'name',
    apiToForm: API_TO_FORM,
    initialNotice: created ? 'Structure créée.' : null,
    permissionNotice: true,
    onSaved: refreshHistory,
  });
  const { current, forbidden } = edit;

  const archive = useConfirmedAction(async () => {
    const res = await archiveStructure({ variables: { id: current.id, version: current.version } });
    if (res.data) {
      const archived = res.data.archiveStructure;
      edit.rebase(archived);
      edit.setValues((old) => ({ ...old, status: valuesOf(archived).status }));
    }
    edit.setNotice('Structure archivée : elle ne paraît plus dans l’annuaire public.');
    refreshHistory();
  }, 'La structure a été modifiée entre-temps : rechargez la page avant de l’archiver.');

  return (
    <>
      <Breadcrumb list={STRUCTURES} current={current.name} />
      <EditPageHeader
        title={current.name}
        meta={
          <>
            <span className={`badge badge--${current.status.toLowerCase()}`}>{STATUS_LABELS[current.status]}</span> Version{' '}
            {current.version} · modifiée le {formatShortDateTime(current.updatedAt)}
            {current.lastVerifiedAt && <> · vérifiée le {formatShortDateTime(current.lastVerifiedAt)}</>}
          </>
        }
      >
        {admin && current.status !== 'ARCHIVED' && <ConfirmedActionButton action={archive}>Archiver</ConfirmedActionButton>}
      </EditPageHeader>

      {readOnly && <p className="notice">Votre rôle permet de consulter cette structure, pas de la modifier.</p>}
      <PermissionNotice forbidden={forbidden} otherwise={!current.viewerCanEdit && !readOnly ? NOT_YOURS_MESSAGE : null} />

      <VersionedEditForm
        edit={edit}
        label="Fiche de la structure"
        className="form structure-form"
        readOnly={readOnly}
        conflictSubject="Cette structure a été modifiée"
        labelOf={fieldLabel}
      >
        <StructureFields
          values={edit.values}
          onChange={edit.onChange}
          errors={edit.errors}
          sectors={sectors}
          networks={networks}
          canPublish={admin}
          essFamilyHint={current.essFamilyExplanation}
          communeName={current.commune?.name}
        />
      </VersionedEditForm>

      <EntityHistory
        roles={roles}
        entityType="Structure"
        entityId={rowIdOf(current.id, 'Structure')}
        emptyMessage="Aucune modification enregistrée pour cette structure."
      />

      <ConfirmedActionDialog
        action={archive}
        title="Archiver cette structure ?"
        description={
          <p>« {current.name} » quittera l'annuaire public. Son historique est conservé et la mission pourra la republier.</p>
        }
        confirmLabel="Archiver la structure"
      />
    </>
  );
}
