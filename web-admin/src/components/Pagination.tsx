import { formatNumber } from '@essor/web-ui';

/** Previous / next page and page size, for server-side paginated tables. */
export function Pagination({
  pageIndex,
  pageCount,
  pageSize,
  pageSizes = [10, 20, 50, 100],
  onPageChange,
  onPageSizeChange,
  label = 'Pagination',
  idPrefix,
}: {
  pageIndex: number;
  pageCount: number;
  pageSize: number;
  pageSizes?: number[];
  onPageChange: (pageIndex: number) => void;
  onPageSizeChange: (size: number) => void;
  label?: string;
  idPrefix: string;
}) {
  const last = Math.max(pageCount - 1, 0);
  return (
    <nav className="pagination" aria-label={label}>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => onPageChange(pageIndex - 1)}
        disabled={pageIndex <= 0}
      >
        <span aria-hidden="true">‹ </span>Page précédente
      </button>
      <p className="pagination__where" aria-live="polite">
        Page {formatNumber(pageIndex + 1)} sur {formatNumber(Math.max(pageCount, 1))}
      </p>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => onPageChange(pageIndex + 1)}
        disabled={pageIndex >= last}
      >
        Page suivante<span aria-hidden="true"> ›</span>
      </button>
      <div className="pagination__size">
        <label htmlFor={`${idPrefix}-page-size`}>Lignes par page</label>
        <select
          id={`${idPrefix}-page-size`}
          className="input input--inline"
          value={pageSize}
          onChange={(e) => onPageSizeChange(Number(e.target.value))}
        >
          {pageSizes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
    </nav>
  );
}
