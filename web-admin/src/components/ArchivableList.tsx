/**
 * Lists the API returns whole, archived rows included for the mission and the steering committee
 * (sectors, networks): a status filter in the URL, and « Restaurer » on the archived rows.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { Role } from '../gql/graphql';
import { hasRole, isAdmin } from '../auth/permissions';
import { errorMessage, findError } from '@essor/web-ui';
import { FilterSelect } from './filters';

/** Status filter ↔ URL value (French); absent: the active rows. */
export const ARCHIVE_STATUS_FILTERS = { '': 'Actifs', archives: 'Archivés', tous: 'Tous' } as const;
export type ArchiveStatusFilter = keyof typeof ARCHIVE_STATUS_FILTERS;

interface ArchivableRow {
  id: string;
  name: string;
  status: string;
  version: number;
}

/** « Nom »: a link to the row's page, « Archivé » after an archived one; sorted in French. */
export function archivableNameColumn<Row extends ArchivableRow>(href: (row: Row) => string): ColumnDef<Row, string> {
  return createColumnHelper<Row>().accessor((row) => row.name, {
    id: 'name',
    header: 'Nom',
    sortingFn: (a, b) => a.original.name.localeCompare(b.original.name, 'fr'),
    cell: (info) => (
      <>
        <Link to={href(info.row.original)}>{info.getValue()}</Link>
        {info.row.original.status === 'ARCHIVED' && (
          <>
            {' '}
            <span className="badge badge--archived">Archivé</span>
          </>
        )}
      </>
    ),
  });
}

/** ?statut= of the list; only the mission and the steering committee see archived rows, so only they filter. */
export function archiveStatusFilter(params: URLSearchParams, roles: readonly Role[] | undefined) {
  const seesArchived = hasRole(roles, 'ADMIN', 'STEERING');
  const param = params.get('statut') ?? '';
  const status: ArchiveStatusFilter = seesArchived && param in ARCHIVE_STATUS_FILTERS ? (param as ArchiveStatusFilter) : '';
  const matches = (row: { status: string }) => status === 'tous' || (row.status === 'ARCHIVED') === (status === 'archives');
  return { seesArchived, status, matches };
}

/** The « Statut » select of the list's filters. */
export function ArchiveStatusField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: ArchiveStatusFilter;
  onChange: (value: string) => void;
}) {
  return (
    <FilterSelect id={id} label="Statut" value={value} onChange={onChange} options={Object.entries(ARCHIVE_STATUS_FILTERS)} />
  );
}

/** « Restaurer » on an archived row: under the row's version; the cached row then says ACTIVE. */
function RestoreRowButton<Row extends ArchivableRow>({
  row,
  restore,
  restoredMessage,
  onDone,
}: {
  row: Row;
  restore: (row: Row) => Promise<unknown>;
  restoredMessage: (row: Row) => string;
  onDone: (message: string, failed: boolean) => void;
}) {
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await restore(row);
      onDone(restoredMessage(row), false);
    } catch (err) {
      onDone(
        `« ${row.name} » n'a pas pu être restauré. ${
          findError(err, 'CONFLICT') ? 'Il a été modifié entre-temps : la liste a été rechargée, réessayez.' : errorMessage(err)
        }`,
        true,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      onClick={() => void onClick()}
      disabled={busy}
      aria-busy={busy || undefined}
      aria-label={`Restaurer ${row.name}`}
    >
      Restaurer
    </button>
  );
}

/**
 * « Restaurer » for the mission, in an « Actions » column added to `columns` when archived rows are
 * listed. `outcome` is what to tell: the result of the last restore (a failed one reloads the list),
 * else `notice` (left by the page that navigated here: « … archivé. »).
 */
export function useRowRestore<Row extends ArchivableRow>({
  roles,
  rows,
  columns,
  restore,
  restoredMessage,
  refetch,
  notice,
}: {
  roles: readonly Role[] | undefined;
  rows: readonly Row[];
  columns: Array<ColumnDef<Row, any>>;
  restore: (row: Row) => Promise<unknown>;
  restoredMessage: (row: Row) => string;
  refetch: () => Promise<unknown>;
  notice: string | null;
}) {
  const [restored, setRestored] = useState<{ message: string; failed: boolean } | null>(null);
  const onDone = (message: string, failed: boolean) => {
    setRestored({ message, failed });
    if (failed) void refetch().catch(() => undefined);
  };
  const withRestore =
    isAdmin(roles) && rows.some((r) => r.status === 'ARCHIVED')
      ? [
          ...columns,
          createColumnHelper<Row>().display({
            id: 'actions',
            header: 'Actions',
            cell: (info) =>
              info.row.original.status === 'ARCHIVED' ? (
                <RestoreRowButton row={info.row.original} restore={restore} restoredMessage={restoredMessage} onDone={onDone} />
              ) : null,
          }),
        ]
      : columns;
  const outcome = restored
    ? { error: restored.failed ? restored.message : null, done: restored.failed ? null : restored.message }
    : { error: null, done: notice };
  return { columns: withRestore, outcome };
}
