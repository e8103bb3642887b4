import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { AdminSectorsQuery } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { isAdmin } from '../../auth/permissions';
import { ArchiveStatusField, archivableNameColumn, archiveStatusFilter, useRowRestore } from '../../components/ArchivableList';
import { FilterSearch } from '../../components/filters';
import { SortableTable } from '../../components/SortableTable';
import { ActionOutcome, EmptyState, ErrorNotice, Loading, formatNumber, plural, errorMessage } from '@essor/web-ui';
import { normalize } from '../../lib/entityForm';
import { useLocationNotice } from '../../lib/locationState';
import { usePageTitle } from '../../lib/usePageTitle';
import { urlSorting, useUrlParams } from '../../lib/useUrlParams';
import { ADMIN_SECTORS_QUERY, RESTORE_SECTOR_MUTATION } from './operations';

type Row = AdminSectorsQuery['sectors'][number];

/** Column id ↔ URL value (French). */
const SORTS: Record<string, string> = { name: 'nom', structureCount: 'structures' };

const column = createColumnHelper<Row>();
const columns = [
  archivableNameColumn<Row>((row) => `/secteurs/${encodeURIComponent(row.slug)}`),
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

/**
 * The sectors (the API returns them all, archived ones included for the mission and the steering
 * committee, by name): filtered and sorted in the browser; archived ones under their filter, with
 * « Restaurer » for the mission.
 */
export function SectorsPage() {
  usePageTitle('Secteurs');
  const { viewer } = useViewer();
  const notice = useLocationNotice();
  const [params, update] = useUrlParams({ replace: true });
  const { data, loading, error, refetch } = useQuery(ADMIN_SECTORS_QUERY, { fetchPolicy: 'cache-and-network' });
  const [restoreSector] = useMutation(RESTORE_SECTOR_MUTATION);
  const text = params.get('q') ?? '';
  const { seesArchived, status, matches } = archiveStatusFilter(params, viewer?.roles);
  const { sorting, onSortingChange } = urlSorting(params, update, SORTS, 'name');

  const words = normalize(text.trim());
  const rows = (data?.sectors ?? []).filter(
    (s) =>
      matches(s) &&
      (!words || normalize(`${s.name} ${s.slug} ${s.facilitators.map((p) => p.displayName).join(' ')}`).includes(words)),
  );
  const restore = useRowRestore({
    roles: viewer?.roles,
    rows,
    columns,
    restore: (s) => restoreSector({ variables: { id: s.id, version: s.version } }),
    restoredMessage: (s) => `Secteur « ${s.name} » restauré.`,
    refetch,
    notice,
  });

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
      <ActionOutcome {...restore.outcome} />
      <form className="filters" role="search" aria-label="Filtrer les secteurs" onSubmit={(e) => e.preventDefault()}>
        <FilterSearch id="sector-filter-text" label="Nom, code ou animateur" value={text} onChange={(q) => update({ q })} />
        {seesArchived && (
          <ArchiveStatusField id="sector-filter-status" value={status} onChange={(statut) => update({ statut })} />
        )}
      </form>
      {error && !data ? (
        <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>
          {`La liste des secteurs n'a pas pu être chargée. ${errorMessage(error, '')}`.trim()}
        </ErrorNotice>
      ) : !data ? (
        <Loading>Chargement des secteurs…</Loading>
      ) : (
        <>
          <p className="result-count" role="status">
            {plural(rows.length, 'secteur', 'secteurs')}
            {loading && ' — mise à jour…'}
          </p>
          {rows.length === 0 ? (
            <EmptyState>
              {words
                ? 'Aucun secteur ne correspond à cette recherche.'
                : status === 'archives'
                  ? 'Aucun secteur archivé.'
                  : 'Aucun secteur pour le moment.'}
            </EmptyState>
          ) : (
            <SortableTable
              id="sectors"
              caption="Secteurs"
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
