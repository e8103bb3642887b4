import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { AdminNetworksQuery } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { isAdmin } from '../../auth/permissions';
import { ArchiveStatusField, archivableNameColumn, archiveStatusFilter, useRowRestore } from '../../components/ArchivableList';
import { FilterSearch, FilterSelect } from '../../components/filters';
import { SortableTable } from '../../components/SortableTable';
import { ActionOutcome, EmptyState, ErrorNotice, Loading, formatNumber, plural, errorMessage } from '@essor/web-ui';
import { normalize } from '../../lib/entityForm';
import { useLocationNotice } from '../../lib/locationState';
import { usePageTitle } from '../../lib/usePageTitle';
import { useUrlParams, urlSorting } from '../../lib/useUrlParams';
import { NETWORK_KINDS, NETWORK_KIND_LABELS, NETWORK_SCOPE_LABELS } from './model';
import { ADMIN_NETWORKS_QUERY, RESTORE_NETWORK_MUTATION } from './operations';

type Row = AdminNetworksQuery['networks'][number];

/** Column id ↔ URL value (French). */
const SORTS: Record<string, string> = { name: 'nom', memberCount: 'membres' };

const column = createColumnHelper<Row>();
const columns = [
  archivableNameColumn<Row>((row) => `/reseaux/${encodeURIComponent(row.slug)}`),
  column.accessor((row) => row.acronym ?? '', {
    id: 'acronym',
    header: 'Sigle',
    enableSorting: false,
    cell: (info) => info.getValue() || <span className="muted">—</span>,
  }),
  column.accessor('kind', { header: 'Type', enableSorting: false, cell: (info) => NETWORK_KIND_LABELS[info.getValue()] }),
  column.accessor('scope', { header: 'Échelle', enableSorting: false, cell: (info) => NETWORK_SCOPE_LABELS[info.getValue()] }),
  column.accessor('memberCount', {
    header: 'Membres publiés',
    sortDescFirst: true,
    meta: { numeric: true },
    cell: (info) => formatNumber(info.getValue()),
  }),
];

/**
 * The networks (the API returns them all, archived ones included for the mission and the steering
 * committee, by name): filtered and sorted in the browser; archived ones under their filter, with
 * « Restaurer » for the mission.
 */
export function NetworksPage() {
  usePageTitle('Réseaux');
  const { viewer } = useViewer();
  const notice = useLocationNotice();
  const [params, update] = useUrlParams({ replace: true });
  const { data, loading, error, refetch } = useQuery(ADMIN_NETWORKS_QUERY, { fetchPolicy: 'cache-and-network' });
  const [restoreNetwork] = useMutation(RESTORE_NETWORK_MUTATION);
  const text = params.get('q') ?? '';
  const kind = NETWORK_KINDS.find((k) => k === params.get('type')) ?? '';
  const { seesArchived, status, matches } = archiveStatusFilter(params, viewer?.roles);
  const { sorting, onSortingChange } = urlSorting(params, update, SORTS, 'name');

  const words = normalize(text.trim());
  const rows = (data?.networks ?? []).filter(
    (n) =>
      matches(n) && (!kind || n.kind === kind) && (!words || normalize(`${n.name} ${n.acronym ?? ''} ${n.slug}`).includes(words)),
  );
  const restore = useRowRestore({
    roles: viewer?.roles,
    rows,
    columns,
    restore: (n) => restoreNetwork({ variables: { id: n.id, version: n.version } }),
    restoredMessage: (n) => `Réseau « ${n.name} » restauré.`,
    refetch,
    notice,
  });

  return (
    <>
      <div className="page-header">
        <h1>Réseaux</h1>
        {isAdmin(viewer?.roles) && (
          <Link className="button button--primary" to="/reseaux/nouveau">
            Nouveau réseau
          </Link>
        )}
      </div>
      <p className="lead">Les têtes de réseau (CRESS, APES, fédérations…) et leurs structures membres.</p>
      <ActionOutcome {...restore.outcome} />
      <form className="filters" role="search" aria-label="Filtrer les réseaux" onSubmit={(e) => e.preventDefault()}>
        <FilterSearch id="network-filter-text" label="Nom, sigle ou code" value={text} onChange={(q) => update({ q })} />
        <FilterSelect
          id="network-filter-kind"
          label="Type de réseau"
          value={kind}
          onChange={(type) => update({ type })}
          options={[['', 'Tous les types'], ...NETWORK_KINDS.map((k) => [k, NETWORK_KIND_LABELS[k]] as const)]}
        />
        {seesArchived && (
          <ArchiveStatusField id="network-filter-status" value={status} onChange={(statut) => update({ statut })} />
        )}
      </form>
      {error && !data ? (
        <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>
          {`La liste des réseaux n'a pas pu être chargée. ${errorMessage(error, '')}`.trim()}
        </ErrorNotice>
      ) : !data ? (
        <Loading>Chargement des réseaux…</Loading>
      ) : (
        <>
          <p className="result-count" role="status">
            {plural(rows.length, 'réseau', 'réseaux')}
            {loading && ' — mise à jour…'}
          </p>
          {rows.length === 0 ? (
            <EmptyState>
              {words || kind
                ? 'Aucun réseau ne correspond à ces critères.'
                : status === 'archives'
                  ? 'Aucun réseau archivé.'
                  : 'Aucun réseau pour le moment.'}
            </EmptyState>
          ) : (
            <SortableTable
              id="networks"
              caption="Réseaux"
              data={rows}
              columns={restore.columns}
              getRowId={(row) => row.id}
              sorting={sorting}
              onSortingChange={onSortingChange}
              busy={loading}
            />
          )}
        </>
      )}
    </>
  );
}
