import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { formatNumber } from '@essor/web-ui';

interface LoadMoreProps {
  /** Number of items shown, and total. */
  count: number;
  total: number;
  hasNextPage: boolean;
  loading: boolean;
  onLoadMore: () => Promise<unknown>;
  /** The list whose first new item (`[data-focus-target]`) receives the focus. */
  listRef: RefObject<HTMLElement | null>;
  /** Identifies the list: a failure of « Voir plus » does not survive a new search. */
  resetKey: string;
  noun?: string;
}

/** « Voir plus » (cursor pagination), keyboard accessible. */
export function LoadMore({
  count,
  total,
  hasNextPage,
  loading,
  onLoadMore,
  listRef,
  resetKey,
  noun = 'affichées',
}: LoadMoreProps) {
  const [failedFor, setFailedFor] = useState<string | null>(null);
  const pendingFocusIndex = useRef<number | null>(null);
  const progressId = useId();

  // After « Voir plus », the keyboard focus moves to the first added item.
  useEffect(() => {
    const index = pendingFocusIndex.current;
    if (index === null || count <= index) return;
    pendingFocusIndex.current = null;
    const targets = listRef.current?.querySelectorAll<HTMLElement>('[data-focus-target]');
    targets?.[index]?.focus();
  }, [count, listRef]);

  async function handleClick() {
    if (loading) return;
    setFailedFor(null);
    pendingFocusIndex.current = count;
    try {
      await onLoadMore();
    } catch {
      pendingFocusIndex.current = null;
      setFailedFor(resetKey);
    }
  }

  return (
    <>
      {failedFor === resetKey ? (
        <p role="alert" className="notice notice--error">
          Les résultats suivants n'ont pas pu être chargés. Veuillez réessayer.
        </p>
      ) : null}
      {hasNextPage ? (
        <div className="load-more">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              void handleClick();
            }}
            aria-disabled={loading}
            aria-describedby={progressId}
          >
            {loading ? 'Chargement…' : 'Voir plus'}
          </button>
          <p id={progressId} className="load-more__progress">
            {formatNumber(count)} sur {formatNumber(total)} {noun}
          </p>
        </div>
      ) : null}
    </>
  );
}
