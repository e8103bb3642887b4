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

/** XLSX with exceljs, loaded on the first click only (it is large). */
export async function buildXlsx(table: TableModel): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Essor';
  // Sheet names: 31 characters at most, without : \ / ? * [ ].
  const sheet = workbook.addWorksheet(table.caption.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Feuille 1');
  const header = sheet.addRow(table.columns);
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((c) => c ?? null));
  sheet.columns.forEach((col, i) => {
    const widest = Math.max(...[table.columns, ...table.rows].map((r) => String(r[i] ?? '').length));
    col.width = Math.min(60, Math.max(10, widest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export async function downloadXlsx(table: TableModel, baseName: string) {
  downloadBlob(await buildXlsx(table), `${baseName}.xlsx`);
}
