import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type PaginationState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { graphql } from '../gql';
import type { AdminStructureSort, AdminStructuresQuery, StructureStatus } from '../gql/graphql';
import { useViewer } from '../auth/viewer';
import { isAdmin } from '../auth/permissions';
import { Pagination } from '../components/Pagination';
import { EmptyState, ErrorNotice, Loading, formatShortDateTime, plural, errorMessage } from '@essor/web-ui';
import { ESS_FAMILY_LABELS, STATUSES, STATUS_LABELS } from '../lib/labels';
import { usePageTitle } from '../lib/usePageTitle';
import { useUrlParams } from '../lib/useUrlParams';

export const ADMIN_STRUCTURES_QUERY = graphql(`
  query AdminStructures(
    $text: String
    $status: [StructureStatus!]
    $sort: AdminStructureSort
    $descending: Boolean
    $page: Int!
    $pageSize: Int!
  ) {
    adminStructures(
      filter: { search: $text }
      status: $status
      sort: $sort
      descending: $descending
      page: $page
      pageSize: $pageSize
    ) {
      totalCount
      items {
        id
        name
        status
        essFamily
        commune {
          id
          name
        }
        createdAt
        updatedAt
        version
        viewerCanEdit
      }
    }
  }
`);

type Row = AdminStructuresQuery['adminStructures']['items'][number];

/** Column id ↔ API sort ↔ URL value (French). */
const SORTS: Record<string, { api: AdminStructureSort; url: string }> = {
  name: { api: 'NAME', url: 'nom' },
  updatedAt: { api: 'UPDATED_AT', url: 'modification' },
  createdAt: { api: 'CREATED_AT', url: 'creation' },
};
const PAGE_SIZES = [10, 20, 50, 100];
export const DEFAULT_PAGE_SIZE = 20;

/** Table state kept in the URL: ?q=&statut=&tri=&ordre=&page=&taille= (page from 1). */
export function readStructureParams(params: URLSearchParams) {
  const sortEntry = Object.entries(SORTS).find(([, s]) => s.url === params.get('tri'));
  const columnId = sortEntry?.[0] ?? 'name';
  const descending = params.get('ordre') === 'desc';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const sizeParam = Number.parseInt(params.get('taille') ?? '', 10);
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : DEFAULT_PAGE_SIZE;
  const statusParam = params.get('statut');
  const status = STATUSES.includes(statusParam as StructureStatus) ? (statusParam as StructureStatus) : null;
  const text = params.get('q')?.trim() || null;
  return { columnId, descending, pageIndex: page - 1, pageSize, status, text };
}

const column = createColumnHelper<Row>();
const columns = [
  column.accessor('name', {
    header: 'Nom',
    enableSorting: true,
    cell: (info) => <Link to={`/structures/${encodeURIComponent(info.row.original.id)}`}>{info.getValue()}</Link>,
  }),
  column.accessor('status', {
    header: 'Statut',
    enableSorting: false,
    cell: (info) => <span className={`badge badge--${info.getValue().toLowerCase()}`}>{STATUS_LABELS[info.getValue()]}</span>,
  }),
  column.accessor('essFamily', {
    header: 'Famille ESS',
    enableSorting: false,
    cell: (info) => ESS_FAMILY_LABELS[info.getValue()],
  }),
  column.accessor((row) => row.commune?.name ?? '', {
    id: 'commune',
    header: 'Commune',
    enableSorting: false,
    cell: (info) => info.getValue() || <span className="muted">Non renseignée</span>,
  }),
  column.accessor('updatedAt', {
    header: 'Dernière modification',
    enableSorting: true,
    sortDescFirst: true,
    cell: (info) => formatShortDateTime(info.getValue()),
  }),
  column.accessor('createdAt', {
    header: 'Création',
    enableSorting: true,
    sortDescFirst: true,
    cell: (info) => formatShortDateTime(info.getValue()),
  }),
  column.accessor('viewerCanEdit', {
    header: 'Vos droits',
    enableSorting: false,
    cell: (info) => (info.getValue() ? 'Modification' : 'Lecture seule'),
  }),
];

export function StructuresPage() {
  usePageTitle('Structures');
  const { viewer } = useViewer();
  const [params, update] = useUrlParams();
  const state = readStructureParams(params);
  const variables = {
    text: state.text,
    status: state.status ? [state.status] : null,
    sort: SORTS[state.columnId]!.api,
    descending: state.descending,
    page: state.pageIndex,
    pageSize: state.pageSize,
  };
  const { data, previousData, loading, error, refetch } = useQuery(ADMIN_STRUCTURES_QUERY, { variables });
  const page = (data ?? previousData)?.adminStructures;
  const totalCount = page?.totalCount ?? 0;
  const pageCount = Math.max(1, Math.ceil(totalCount / state.pageSize));

  const sorting: SortingState = [{ id: state.columnId, desc: state.descending }];
  const pagination: PaginationState = { pageIndex: state.pageIndex, pageSize: state.pageSize };
  const resolve = <T,>(u: Updater<T>, old: T): T => (typeof u === 'function' ? (u as (o: T) => T)(old) : u);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table is driven by the URL state here, nothing is memoized from it.
  const table = useReactTable({
    data: page?.items ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualPagination: true,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    rowCount: totalCount,
    state: { sorting, pagination },
    onSortingChange: (u) => {
      const next = resolve(u, sorting)[0] ?? { id: 'name', desc: false };
      update({ tri: SORTS[next.id]?.url ?? 'nom', ordre: next.desc ? 'desc' : null, page: null });
    },
    onPaginationChange: (u) => {
      const next = resolve(u, pagination);
      update({
        page: next.pageIndex > 0 ? String(next.pageIndex + 1) : null,
        taille: next.pageSize !== DEFAULT_PAGE_SIZE ? String(next.pageSize) : null,
      });
    },
  });

  return (
    <>
      <div className="page-header">
        <h1>Structures</h1>
        {isAdmin(viewer?.roles) && (
          <Link className="button button--primary" to="/structures/nouvelle">
            Nouvelle structure
          </Link>
        )}
      </div>
      <StructureFilters
        key={params.toString()}
        text={state.text ?? ''}
        status={state.status ?? ''}
        onApply={(text, status) => update({ q: text || null, statut: status || null, page: null })}
      />
      {error && !page ? (
        <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>
          {`La liste des structures n'a pas pu être chargée. ${errorMessage(error, '')}`.trim()}
        </ErrorNotice>
      ) : !page ? (
        <Loading>Chargement des structures…</Loading>
      ) : (
        <>
          <p className="result-count" role="status">
            {plural(totalCount, 'structure', 'structures')}
            {loading && ' — mise à jour…'}
          </p>
          {error && <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>{errorMessage(error)}</ErrorNotice>}
          {page.items.length === 0 ? (
            <EmptyState>
              {state.text || state.status ? 'Aucune structure ne correspond à ces critères.' : 'Aucune structure pour le moment.'}
            </EmptyState>
          ) : (
            <div className="table-wrapper" tabIndex={0} role="region" aria-labelledby="structures-caption">
              <table className="data-table" aria-busy={loading || undefined}>
                <caption id="structures-caption" className="visually-hidden">
                  Structures, triées par {table.getColumn(state.columnId)?.columnDef.header as string} (
                  {state.descending ? 'ordre décroissant' : 'ordre croissant'})
                </caption>
                <thead>
                  {table.getHeaderGroups().map((group) => (
                    <tr key={group.id}>
                      {group.headers.map((header) => {
                        const sorted = header.column.getIsSorted();
                        const label = flexRender(header.column.columnDef.header, header.getContext());
                        return (
                          <th
                            key={header.id}
                            scope="col"
                            aria-sort={
                              header.column.getCanSort()
                                ? sorted === 'asc'
                                  ? 'ascending'
                                  : sorted === 'desc'
                                    ? 'descending'
                                    : 'none'
                                : undefined
                            }
                          >
                            {header.column.getCanSort() ? (
                              <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                                {label}
                                <span className="sort-button__icon" aria-hidden="true">
                                  {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                                </span>
                              </button>
                            ) : (
                              label
                            )}
                          </th>
                        );
                      })}
                    </tr>
                  ))}
                </thead>
                <tbody>
                  {table.getRowModel().rows.map((row) => (
                    <tr key={row.id}>
                      {row.getVisibleCells().map((cell) =>
                        cell.column.id === 'name' ? (
                          <th key={cell.id} scope="row">
                            {flexRender(cell.column.columnDef.cell, cell.getContext())}
                          </th>
                        ) : (
                          <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            idPrefix="structures"
            label="Pagination des structures"
            pageIndex={state.pageIndex}
            pageCount={pageCount}
            pageSize={state.pageSize}
            pageSizes={PAGE_SIZES}
            onPageChange={(i) => table.setPageIndex(i)}
            onPageSizeChange={(s) => table.setPagination({ pageIndex: 0, pageSize: s })}
          />
        </>
      )}
    </>
  );
}

/** The filters are applied on submit (one request per search, not per keystroke). */
function StructureFilters({
  text: initialText,
  status: initialStatus,
  onApply,
}: {
  text: string;
  status: string;
  onApply: (text: string, status: string) => void;
}) {
  const [text, setText] = useState(initialText);
  const [status, setStatus] = useState(initialStatus);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onApply(text.trim(), status);
  };
  return (
    <form className="filters" role="search" aria-label="Filtrer les structures" onSubmit={onSubmit}>
      <div className="field">
        <label className="field__label" htmlFor="filter-text">
          Nom de la structure
        </label>
        <input id="filter-text" className="input" type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="filter-status">
          Statut
        </label>
        <select id="filter-status" className="input" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Tous les statuts</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          Filtrer
        </button>
        {(initialText || initialStatus) && (
          <button type="button" className="button button--secondary" onClick={() => onApply('', '')}>
            Effacer les filtres
          </button>
        )}
      </div>
    </form>
  );
}
