import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import type { AdminNetworksQuery } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { hasRole, isAdmin } from '../../auth/permissions';
import { SortableTable } from '../../components/SortableTable';
import { Empty, ErrorNotice, Loading, Success } from '../../components/status';
import { formatNumber, plural } from '../../format';
import { normalize } from '../../lib/entityForm';
import { errorMessage, findError } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { NETWORK_KINDS, NETWORK_KIND_LABELS, NETWORK_SCOPE_LABELS } from './model';
import { ADMIN_NETWORKS_QUERY, RESTORE_NETWORK_MUTATION } from './operations';

type Row = AdminNetworksQuery['networks'][number];

/** Column id ↔ URL value (French). */
const SORTS: Record<string, string> = { name: 'nom', memberCount: 'membres' };

/** Status filter ↔ URL value (French); absent: the active networks. */
export const NETWORK_STATUS_FILTERS = { '': 'Actifs', archives: 'Archivés', tous: 'Tous' } as const;
type StatusFilter = keyof typeof NETWORK_STATUS_FILTERS;

const column = createColumnHelper<Row>();
const baseColumns = [
  column.accessor('name', {
    header: 'Nom',
    sortingFn: (a, b) => a.original.name.localeCompare(b.original.name, 'fr'),
    cell: (info) => (
      <>
        <Link to={`/reseaux/${encodeURIComponent(info.row.original.slug)}`}>{info.getValue()}</Link>
        {info.row.original.status === 'ARCHIVED' && (
          <>
            {' '}
            <span className="badge badge--archived">Archivé</span>
          </>
        )}
      </>
    ),
  }),
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

/** « Restaurer » on an archived row: under the row's version; the cached network then says ACTIVE. */
function RestoreNetworkButton({ network, onDone }: { network: Row; onDone: (message: string, failed: boolean) => void }) {
  const [restore, { loading }] = useMutation(RESTORE_NETWORK_MUTATION);
  const onClick = async () => {
    try {
      await restore({ variables: { id: network.id, version: network.version } });
      onDone(`Réseau « ${network.name} » restauré.`, false);
    } catch (err) {
      onDone(
        `« ${network.name} » n'a pas pu être restauré. ${
          findError(err, 'CONFLICT') ? 'Il a été modifié entre-temps : la liste a été rechargée, réessayez.' : errorMessage(err)
        }`,
        true,
      );
    }
  };
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      onClick={() => void onClick()}
      disabled={loading}
      aria-busy={loading || undefined}
      aria-label={`Restaurer ${network.name}`}
    >
      Restaurer
    </button>
  );
}

/**
 * The networks (the API returns them all, archived ones included for the mission and the steering
 * committee, by name): filtered and sorted in the browser; archived ones under their filter, with
 * « Restaurer » for the mission.
 */
export function NetworksPage() {
  usePageTitle('Réseaux');
  const { viewer } = useViewer();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(ADMIN_NETWORKS_QUERY, { fetchPolicy: 'cache-and-network' });
  const text = params.get('q') ?? '';
  const kind = NETWORK_KINDS.find((k) => k === params.get('type')) ?? '';
  const seesArchived = hasRole(viewer?.roles, 'ADMIN', 'STEERING');
  const canRestore = isAdmin(viewer?.roles);
  const statusParam = params.get('statut') ?? '';
  const status: StatusFilter = seesArchived && statusParam in NETWORK_STATUS_FILTERS ? (statusParam as StatusFilter) : '';
  const [restored, setRestored] = useState<{ message: string; failed: boolean } | null>(null);
  const sortId = Object.entries(SORTS).find(([, url]) => url === params.get('tri'))?.[0] ?? 'name';
  const sorting: SortingState = [{ id: sortId, desc: params.get('ordre') === 'desc' }];
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  const words = normalize(text.trim());
  const rows = (data?.networks ?? []).filter(
    (n) =>
      (status === 'tous' || (n.status === 'ARCHIVED') === (status === 'archives')) &&
      (!kind || n.kind === kind) &&
      (!words || normalize(`${n.name} ${n.acronym ?? ''} ${n.slug}`).includes(words)),
  );

  const onRestoreDone = (message: string, failed: boolean) => {
    setRestored({ message, failed });
    if (failed) void refetch().catch(() => undefined);
  };
  // « Restaurer » for the mission, in a column shown when archived rows are listed.
  const columns =
    canRestore && rows.some((r) => r.status === 'ARCHIVED')
      ? [
          ...baseColumns,
          column.display({
            id: 'actions',
            header: 'Actions',
            cell: (info) =>
              info.row.original.status === 'ARCHIVED' ? (
                <RestoreNetworkButton network={info.row.original} onDone={onRestoreDone} />
              ) : null,
          }),
        ]
      : baseColumns;

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
      {notice && !restored && <Success>{notice}</Success>}
      {restored &&
        (restored.failed ? (
          <p role="alert" className="notice notice--error">
            {restored.message}
          </p>
        ) : (
          <Success>{restored.message}</Success>
        ))}
      <form className="filters" role="search" aria-label="Filtrer les réseaux" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor="network-filter-text">
            Nom, sigle ou code
          </label>
          <input
            id="network-filter-text"
            className="input"
            type="search"
            value={text}
            onChange={(e) => update({ q: e.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="network-filter-kind">
            Type de réseau
          </label>
          <select id="network-filter-kind" className="input" value={kind} onChange={(e) => update({ type: e.target.value })}>
            <option value="">Tous les types</option>
            {NETWORK_KINDS.map((k) => (
              <option key={k} value={k}>
                {NETWORK_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        {seesArchived && (
          <div className="field">
            <label className="field__label" htmlFor="network-filter-status">
              Statut
            </label>
            <select
              id="network-filter-status"
              className="input"
              value={status}
              onChange={(e) => update({ statut: e.target.value })}
            >
              {Object.entries(NETWORK_STATUS_FILTERS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>
      {error && !data ? (
        <ErrorNotice
          message={`La liste des réseaux n'a pas pu être chargée. ${errorMessage(error, '')}`.trim()}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !data ? (
        <Loading>Chargement des réseaux…</Loading>
      ) : (
        <>
          <p className="result-count" role="status">
            {plural(rows.length, 'réseau', 'réseaux')}
            {loading && ' — mise à jour…'}
          </p>
          {rows.length === 0 ? (
            <Empty>
              {words || kind
                ? 'Aucun réseau ne correspond à ces critères.'
                : status === 'archives'
                  ? 'Aucun réseau archivé.'
                  : 'Aucun réseau pour le moment.'}
            </Empty>
          ) : (
            <SortableTable
              id="networks"
              caption="Réseaux"
              data={rows}
              columns={columns}
              getRowId={(row) => row.id}
              sorting={sorting}
              onSortingChange={(next) => {
                const s = next[0] ?? { id: 'name', desc: false };
                update({ tri: s.id === 'name' ? null : (SORTS[s.id] ?? null), ordre: s.desc ? 'desc' : null });
              }}
              busy={loading}
            />
          )}
        </>
      )}
    </>
  );
}
