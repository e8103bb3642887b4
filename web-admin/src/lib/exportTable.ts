/**
 * Tables of the dashboards: the same model is rendered as an accessible HTML table and
 * exported to CSV / XLSX, so the exports are exactly what people read on screen.
 */
export type Cell = string | number | null;

export interface TableModel {
  /** Caption of the table, also the sheet name of the XLSX export. */
  caption: string;
  /** Column headers; the first column holds the row headers. */
  columns: string[];
  rows: Cell[][];
}

const BOM = '\uFEFF';

/** A CSV field: plain numbers (no French formatting), quoted text when needed. */
function csvField(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  // Spreadsheets run text starting with = + - @ as a formula: neutralise it.
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV for Excel in French locales: UTF-8 with BOM, `;` separator, CRLF line ends. */
export function buildCsv(table: Pick<TableModel, 'columns' | 'rows'>): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(';'));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** `observatoire-2026-par-famille` style names: lower case, no accents, dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadCsv(table: TableModel, baseName: string) {
  downloadBlob(new Blob([buildCsv(table)], { type: 'text/csv;charset=utf-8' }), `${baseName}.csv`);
}

/**
 * XLSX with write-excel-file (maintained, its only dependency is fflate), loaded on the first click
 * only: the header row in bold, numbers as numbers, column widths from the widest cell.
 */
export async function buildXlsx(table: TableModel): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = table.columns.map((value) => ({ value, fontWeight: 'bold' as const }));
  const body = table.rows.map((row) => row.map((c) => (typeof c === 'number' && !Number.isFinite(c) ? null : (c ?? null))));
  const columns = table.columns.map((_, i) => {
    const widest = Math.max(...[table.columns, ...table.rows].map((r) => String(r[i] ?? '').length));
    return { width: Math.min(60, Math.max(10, widest + 2)) };
  });
  // Sheet names: 31 characters at most, without : \ / ? * [ ].
  const sheet =
    table.caption
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31)
      .trim() || 'Feuille 1';
  return writeXlsxFile([header, ...body], { sheet, columns }).toBlob();
}

export async function downloadXlsx(table: TableModel, baseName: string) {
  downloadBlob(await buildXlsx(table), `${baseName}.xlsx`);
}
