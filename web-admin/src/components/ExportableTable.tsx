import { useId, useState } from 'react';
import { formatNumber } from '@essor/web-ui';
import { downloadCsv, downloadXlsx, type Cell, type TableModel } from '../lib/exportTable';

function displayCell(cell: Cell): string {
  if (cell === null || cell === undefined || cell === '') return '—';
  if (typeof cell === 'number') return formatNumber(Math.round(cell * 10) / 10);
  return cell;
}

/**
 * An accessible data table (caption, row and column headers) with « Exporter CSV » /
 * « Exporter XLSX » buttons; `fileName` has no extension (e.g. observatoire-2026-par-famille).
 */
export function ExportableTable({
  table,
  fileName,
  compact = false,
}: {
  table: TableModel;
  fileName: string;
  compact?: boolean;
}) {
  const captionId = useId();
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onXlsx = async () => {
    setError(null);
    setExporting(true);
    try {
      await downloadXlsx(table, fileName);
    } catch {
      setError("L'export XLSX a échoué. Réessayez ou utilisez l'export CSV.");
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="exportable-table" role="group" aria-labelledby={captionId}>
      <div className="table-wrapper" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className={`data-table${compact ? ' data-table--compact' : ''}`}>
          <caption id={captionId}>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c, i) => (
                <th key={c} scope="col" className={i > 0 ? 'numeric' : undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {displayCell(cell)}
                    </th>
                  ) : (
                    <td key={i} className={typeof cell === 'number' ? 'numeric' : undefined}>
                      {displayCell(cell)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-exports no-print">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-describedby={captionId}
          onClick={() => downloadCsv(table, fileName)}
        >
          Exporter CSV
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-describedby={captionId}
          disabled={exporting}
          onClick={() => void onXlsx()}
        >
          {exporting ? 'Export XLSX…' : 'Exporter XLSX'}
        </button>
        {error && (
          <p role="alert" className="field__error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
