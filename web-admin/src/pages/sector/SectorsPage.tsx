import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import type { AdminSectorsQuery } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { hasRole, isAdmin } from '../../auth/permissions';
import { SortableTable } from '../../components/SortableTable';
import { Empty, ErrorNotice, Loading, Success } from '../../components/status';
import { formatNumber, plural } from '../../format';
import { normalize } from '../../lib/entityForm';
import { errorMessage, findError } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { ADMIN_SECTORS_QUERY, RESTORE_SECTOR_MUTATION } from './operations';

type Row = AdminSectorsQuery['sectors'][number];

/** Column id ↔ URL value (French). */
const SORTS: Record<string, string> = { name: 'nom', structureCount: 'structures' };

/** Status filter ↔ URL value (French); absent: the active sectors. */
export const SECTOR_STATUS_FILTERS = { '': 'Actifs', archives: 'Archivés', tous: 'Tous' } as const;
type StatusFilter = keyof typeof SECTOR_STATUS_FILTERS;

const column = createColumnHelper<Row>();
const baseColumns = [
  column.accessor('name', {
    header: 'Nom',
    sortingFn: (a, b) => a.original.name.localeCompare(b.original.name, 'fr'),
    cell: (info) => (
      <>
        <Link to={`/secteurs/${encodeURIComponent(info.row.original.slug)}`}>{info.getValue()}</Link>
        {info.row.original.status === 'ARCHIVED' && (
          <>
            {' '}
            <span className="badge badge--archived">Archivé</span>
          </>
        )}
      </>
    ),
  }),
  column.accessor('slug', { header: 'Code', enableSorting: false }),
  column.accessor((row) => row.facilitators.map((p) => p.displayName).join(', '), {
    id: 'facilitators',
    header: 'Animateurs et animatrices',
    enableSorting: false,
    cell: (info) => info.getValue() || <span className="muted">Aucun</span>,
  }),
  column.accessor('structureCount', {
    header: 'Structures publiées',
    sortDescFirst: true,
    meta: { numeric: true },
    cell: (info) => formatNumber(info.getValue()),
  }),
];

/** « Restaurer » on an archived row: under the row's version; the cached sector then says ACTIVE. */
function RestoreSectorButton({ sector, onDone }: { sector: Row; onDone: (message: string, failed: boolean) => void }) {
  const [restore, { loading }] = useMutation(RESTORE_SECTOR_MUTATION);
  const onClick = async () => {
    try {
      await restore({ variables: { id: sector.id, version: sector.version } });
      onDone(`Secteur « ${sector.name} » restauré.`, false);
    } catch (err) {
      onDone(
        `« ${sector.name} » n'a pas pu être restauré. ${
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
      aria-label={`Restaurer ${sector.name}`}
    >
      Restaurer
    </button>
  );
}

/**
 * The sectors (the API returns them all, archived ones included for the mission and the steering
 * committee, by name): filtered and sorted in the browser; archived ones under their filter, with
 * « Restaurer » for the mission.
 */
export function SectorsPage() {
  usePageTitle('Secteurs');
  const { viewer } = useViewer();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(ADMIN_SECTORS_QUERY, { fetchPolicy: 'cache-and-network' });
  const text = params.get('q') ?? '';
  const seesArchived = hasRole(viewer?.roles, 'ADMIN', 'STEERING');
  const canRestore = isAdmin(viewer?.roles);
  const statusParam = params.get('statut') ?? '';
  const status: StatusFilter = seesArchived && statusParam in SECTOR_STATUS_FILTERS ? (statusParam as StatusFilter) : '';
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
  const rows = (data?.sectors ?? []).filter(
    (s) =>
      (status === 'tous' || (s.status === 'ARCHIVED') === (status === 'archives')) &&
      (!words || normalize(`${s.name} ${s.slug} ${s.facilitators.map((p) => p.displayName).join(' ')}`).includes(words)),
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
                <RestoreSectorButton sector={info.row.original} onDone={onRestoreDone} />
              ) : null,
          }),
        ]
      : baseColumns;

  return (
    <>
      <div className="page-header">
        <h1>Secteurs</h1>
        {isAdmin(viewer?.roles) && (
          <Link className="button button--primary" to="/secteurs/nouveau">
            Nouveau secteur
          </Link>
        )}
      </div>
      <p className="lead">Les secteurs d'activité du réseau territorial et leurs animateurs et animatrices.</p>
      {notice && !restored && <Success>{notice}</Success>}
      {restored &&
        (restored.failed ? (
          <p role="alert" className="notice notice--error">
            {restored.message}
          </p>
        ) : (
          <Success>{restored.message}</Success>
        ))}
      <form className="filters" role="search" aria-label="Filtrer les secteurs" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor="sector-filter-text">
            Nom, code ou animateur
          </label>
          <input
            id="sector-filter-text"
            className="input"
            type="search"
            value={text}
            onChange={(e) => update({ q: e.target.value })}
          />
        </div>
        {seesArchived && (
          <div className="field">
            <label className="field__label" htmlFor="sector-filter-status">
              Statut
            </label>
            <select
              id="sector-filter-status"
              className="input"
              value={status}
              onChange={(e) => update({ statut: e.target.value })}
            >
              {Object.entries(SECTOR_STATUS_FILTERS).map(([value, label]) => (
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
          message={`La liste des secteurs n'a pas pu être chargée. ${errorMessage(error, '')}`.trim()}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !data ? (
        <Loading>Chargement des secteurs…</Loading>
      ) : (
        <>
          <p className="result-count" role="status">
            {plural(rows.length, 'secteur', 'secteurs')}
            {loading && ' — mise à jour…'}
          </p>
          {rows.length === 0 ? (
            <Empty>
              {words
                ? 'Aucun secteur ne correspond à cette recherche.'
                : status === 'archives'
                  ? 'Aucun secteur archivé.'
                  : 'Aucun secteur pour le moment.'}
            </Empty>
          ) : (
            <SortableTable
              id="sectors"
              caption="Secteurs"
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
