import { useRef } from 'react';
import type { StructureCardFragment } from '../gql/graphql';
import { LoadMore } from './LoadMore';
import { StructureCard } from './StructureCard';
import { EmptyState } from '@essor/web-ui';

interface PaginatedStructuresProps {
  connection: {
    totalCount: number;
    edges: { cursor: string; node: StructureCardFragment }[];
    pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  };
  loadingMore: boolean;
  onLoadMore: (after: string) => Promise<unknown>;
  resetKey: string;
  empty: string;
}

/** The structures of a Relay connection, with « Voir plus ». */
export function PaginatedStructures({ connection, loadingMore, onLoadMore, resetKey, empty }: PaginatedStructuresProps) {
  const listRef = useRef<HTMLOListElement>(null);
  if (connection.edges.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <div aria-busy={loadingMore}>
      <ol ref={listRef} className="results__list results__list--grid">
        {connection.edges.map(({ node }) => (
          <li key={node.id}>
            <StructureCard structure={node} />
          </li>
        ))}
      </ol>
      <LoadMore
        count={connection.edges.length}
        total={connection.totalCount}
        hasNextPage={connection.pageInfo.hasNextPage}
        loading={loadingMore}
        listRef={listRef}
        resetKey={resetKey}
        onLoadMore={() => onLoadMore(connection.pageInfo.endCursor ?? '')}
      />
    </div>
  );
}
