import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';

/**
 * A table sorted in the browser (short lists the API returns whole: sectors, networks), or not
 * sorted at all (`sorting` omitted). Sort buttons in the column headers, `aria-sort`, the first
 * column as row headers, a caption for screen readers.
 */
export function SortableTable<Row>({
  id,
  caption,
  data,
  columns,
  getRowId,
  sorting,
  onSortingChange,
  busy,
}: {
  id: string;
  caption: string;
  data: Row[];
  columns: Array<ColumnDef<Row, any>>;
  getRowId: (row: Row) => string;
  sorting?: SortingState;
  onSortingChange?: (next: SortingState) => void;
  busy?: boolean;
}) {
  const sortable = !!sorting && !!onSortingChange;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table is driven by props here, nothing is memoized from it.
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId,
    enableSorting: sortable,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting: sorting ?? [] },
    onSortingChange: (u: Updater<SortingState>) => {
      if (!sorting || !onSortingChange) return;
      onSortingChange(typeof u === 'function' ? u(sorting) : u);
    },
  });
  const sorted = sorting?.[0];
  const sortedHeader = sorted ? (table.getColumn(sorted.id)?.columnDef.header as string | undefined) : undefined;
  const firstColumn = table.getAllLeafColumns()[0]?.id;

  return (
    <div className="table-wrapper" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table className="data-table" aria-busy={busy || undefined}>
        <caption id={`${id}-caption`} className="visually-hidden">
          {caption}
          {sortable && sortedHeader
            ? `, triés par ${sortedHeader} (${sorted?.desc ? 'ordre décroissant' : 'ordre croissant'})`
            : ''}
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const dir = header.column.getIsSorted();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                const canSort = header.column.getCanSort();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={canSort ? (dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none') : undefined}
                  >
                    {canSort ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {label}
                        <span className="sort-button__icon" aria-hidden="true">
                          {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
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
                cell.column.id === firstColumn ? (
                  <th key={cell.id} scope="row">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </th>
                ) : (
                  <td key={cell.id} className={cell.column.columnDef.meta?.numeric ? 'numeric' : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** Right-aligned figures. */
    numeric?: boolean;
  }
}
