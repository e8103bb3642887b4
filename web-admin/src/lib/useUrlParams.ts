import { useSearchParams } from 'react-router';
import type { SortingState } from '@tanstack/react-table';

/** Changes of the query string: a value sets the key, null or '' removes it. */
export type UrlChanges = Record<string, string | null>;

/**
 * The query string as the state of a list page (filters, sort, page size), so that a link or a
 * reload shows the same list. `replace` for filters applied as the person types: no history entry
 * per keystroke.
 */
export function useUrlParams({ replace = false }: { replace?: boolean } = {}) {
  const [params, setParams] = useSearchParams();
  const update = (changes: UrlChanges) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (replace) setParams(next, { replace: true });
    else setParams(next);
  };
  return [params, update] as const;
}

/**
 * Sorting of a list sorted in the browser, kept in the URL (?tri=<French name of the column>&ordre=desc);
 * the default column is not written.
 */
export function urlSorting(
  params: URLSearchParams,
  update: (changes: UrlChanges) => void,
  /** Column id → its name in the URL. */
  sorts: Readonly<Record<string, string>>,
  defaultColumn: string,
) {
  const sortId = Object.entries(sorts).find(([, url]) => url === params.get('tri'))?.[0] ?? defaultColumn;
  const sorting: SortingState = [{ id: sortId, desc: params.get('ordre') === 'desc' }];
  const onSortingChange = (next: SortingState) => {
    const s = next[0] ?? { id: defaultColumn, desc: false };
    update({ tri: s.id === defaultColumn ? null : (sorts[s.id] ?? null), ordre: s.desc ? 'desc' : null });
  };
  return { sorting, onSortingChange };
}
