import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useNavigate, useParams } from 'react-router';
import type { NetworkEditFieldsFragment, Role } from '../../gql/graphql';
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
  NETWORK_KIND_LABELS,
  NETWORK_SCOPE_LABELS,
  formatNetworkValue,
  networkFieldId,
  networkFieldLabel,
  networkValuesOf,
  toNetworkPatch,
  validateNetwork,
} from './model';
import { ARCHIVE_NETWORK_MUTATION, NETWORK_EDIT_QUERY, RESTORE_NETWORK_MUTATION, UPDATE_NETWORK_MUTATION } from './operations';
import { NetworkFields } from './NetworkFields';
import { NetworkMembers } from './NetworkMembers';

const NETWORKS = { to: '/reseaux', label: 'Réseaux' };

export function NetworkEditPage() {
  const { slug = '' } = useParams();
  const created = useJustCreated();
  const { data, error, refetch } = useQuery(NETWORK_EDIT_QUERY, { variables: { slug }, ...FRESH_FOR_EDITING });
  const network = data?.network;
  usePageTitle(network ? `Réseau ${network.name}` : 'Réseau');
  return (
    <EditPageLoader
      list={NETWORKS}
      title="Réseau"
      error={!data && error}
      loaded={!!data}
      entity={network}
      onRetry={() => void refetch().catch(() => undefined)}
      failedMessage="Le réseau n'a pas pu être chargé."
      loadingMessage="Chargement du réseau…"
      notFoundTitle="Réseau introuvable"
      notFound="Ce réseau n'existe pas ou a été archivé."
    >
      {(n) => <NetworkEditor key={n.id} network={n} created={created} />}
    </EditPageLoader>
  );
}

function NetworkEditor({ network, created }: { network: NetworkEditFieldsFragment; created: boolean }) {
  const { viewer } = useViewer();
  const roles: readonly Role[] = viewer?.roles ?? [];
  // Networks are the mission's to edit (the API checks again).
  const readOnly = !isAdmin(roles);
  const client = useApolloClient();
  const navigate = useNavigate();
  const refreshHistory = useHistoryRefresh();

  const [update] = useMutation(UPDATE_NETWORK_MUTATION);
  const [archiveNetwork] = useMutation(ARCHIVE_NETWORK_MUTATION);
  const [restoreNetwork] = useMutation(RESTORE_NETWORK_MUTATION);

  const edit = useVersionedEdit({
    entity: network,
    valuesOf: networkValuesOf,
    validate: (values) => validateNetwork(values, false),
    save: async ({ current, base, values }) => {
      const res = await update({ variables: { id: current.id, version: current.version, input: toNetworkPatch(base, values) } });
      return res.data ? res.data.updateNetwork : current;
    },
    load: async (current) =>
      (await client.query({ query: NETWORK_EDIT_QUERY, variables: { slug: current.slug }, fetchPolicy: 'network-only' })).data
        ?.network,
    fieldId: networkFieldId,
    fieldLabel: networkFieldLabel,
    firstField: 'name',
    initialNotice: created ? 'Réseau créé.' : null,
    onSaved: refreshHistory,
  });
  const { current } = edit;

  const archive = useConfirmedAction(async () => {
    await archiveNetwork({ variables: { id: current.id, version: current.version } });
    void navigate('/reseaux', { state: { notice: `Réseau « ${current.name} » archivé.` } });
    // The list holds the archived ones too: the cached network now says ARCHIVED, the list shows it under its filter.
  }, 'Le réseau a été modifié entre-temps : rechargez la page avant de l’archiver.');

  /** Back to the public views; the form keeps what the person typed (only the status and version change). */
  const restore = useVersionedAction(async () => {
    const res = await restoreNetwork({ variables: { id: current.id, version: current.version } });
    if (!res.data) return;
    const restored = res.data.restoreNetwork;
    edit.rebase(restored);
    refreshHistory();
    return `Réseau « ${restored.name} » restauré : il figure de nouveau dans les vues publiques.`;
  }, 'Le réseau a été modifié entre-temps : rechargez la page avant de le restaurer.');

  const archived = current.status === 'ARCHIVED';

  return (
    <>
      <Breadcrumb list={NETWORKS} current={current.name} />
      <EditPageHeader
        title={current.name}
        meta={
          <>
            {archived && (
              <>
                <span className="badge badge--archived">Archivé</span>{' '}
              </>
            )}
            {NETWORK_KIND_LABELS[current.kind]} · {NETWORK_SCOPE_LABELS[current.scope]} · code {current.slug} · version{' '}
            {current.version} · {plural(current.memberCount, 'structure publiée membre', 'structures publiées membres')}
          </>
        }
      >
        {!readOnly && !archived && <ConfirmedActionButton action={archive}>Archiver</ConfirmedActionButton>}
        {!readOnly && archived && <VersionedActionButton action={restore}>Restaurer</VersionedActionButton>}
      </EditPageHeader>

      {archived && <p className="notice">Ce réseau est archivé : il n'apparaît plus dans les vues publiques.</p>}
      <ActionOutcome error={restore.error} done={restore.done} />

      {readOnly && <p className="notice">Votre rôle permet de consulter ce réseau, pas de le modifier.</p>}

      <VersionedEditForm
        edit={edit}
        label="Fiche du réseau"
        readOnly={readOnly}
        conflictSubject="Ce réseau a été modifié"
        labelOf={networkFieldLabel}
        formatOf={formatNetworkValue}
      >
        <NetworkFields values={edit.values} onChange={edit.onChange} errors={edit.errors} creating={false} readOnly={readOnly} />
      </VersionedEditForm>

      <NetworkMembers networkId={current.id} slug={current.slug} name={current.name} canEdit={!readOnly} />

      <EntityHistory
        roles={roles}
        entityType="Network"
        entityId={rowIdOf(current.id, 'Network')}
        emptyMessage="Aucune modification enregistrée pour ce réseau."
      />

      <ConfirmedActionDialog
        action={archive}
        title="Archiver ce réseau ?"
        description={<p>« {current.name} » quittera les vues publiques et la liste des réseaux. Son historique est conservé.</p>}
        confirmLabel="Archiver le réseau"
      />
    </>
  );
}
