import type { ReactNode } from 'react';

/**
 * A compact data table (`.data-table--compact`) with its caption and column headers; the rows are the
 * children. `hiddenCaption` keeps the caption for screen readers only (a section heading already shows it).
 */
export function CompactTable({
  caption,
  hiddenCaption,
  columns,
  children,
}: {
  caption: ReactNode;
  hiddenCaption?: boolean;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="table-wrapper">
      <table className="data-table data-table--compact">
        <caption className={hiddenCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
