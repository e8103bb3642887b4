import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../gql';
import type { AuditLogQuery } from '../gql/graphql';
import {
  formatShortDateTime,
  formatJsonValue,
  formatNumber,
  errorMessage,
  EmptyState,
  ErrorNotice,
  Loading,
} from '@essor/web-ui';
import { toGlobalId } from '../lib/ids';
import { ENTITY_TYPE_LABELS, actionLabel, fieldLabel } from '../lib/labels';
import { useState } from 'react';

export const AUDIT_LOG_QUERY = graphql(`
  query AuditLog($entityType: String, $entityId: String, $actor: String, $action: String, $first: Int, $after: String) {
    auditLog(entityType: $entityType, entityId: $entityId, actor: $actor, action: $action, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          at
          actor
          action
          entityType
          entityId
          changes {
            field
            before
            after
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export interface AuditFilters {
  entityType?: string | null;
  entityId?: string | null;
  actor?: string | null;
  action?: string | null;
}

export const AUDIT_PAGE_SIZE = 20;

type Entry = AuditLogQuery['auditLog']['edges'][number]['node'];

function EntityCell({ entry }: { entry: Entry }) {
  const label = ENTITY_TYPE_LABELS[entry.entityType] ?? entry.entityType;
  if (entry.entityType === 'Structure') {
    return (
      <Link to={`/structures/${toGlobalId('Structure', entry.entityId)}`}>
        {label} n° {entry.entityId}
      </Link>
    );
  }
  return (
    <>
      {label} n° {entry.entityId}
    </>
  );
}

function Changes({ entry }: { entry: Entry }) {
  if (!entry.changes.length) return <span className="muted">—</span>;
  return (
    <ul className="changes">
      {entry.changes.map((c) => (
        <li key={c.field}>
          <strong>{fieldLabel(c.field)}</strong> : <span className="visually-hidden">avant :</span>{' '}
          <span className="changes__before">{formatJsonValue(c.before)}</span> <span aria-hidden="true">→</span>{' '}
          <span className="visually-hidden">après :</span> <span className="changes__after">{formatJsonValue(c.after)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Entries of the audit log, newest first, with « Voir plus ». */
export function AuditEntries({
  filters,
  showEntity = true,
  emptyMessage = 'Aucune entrée ne correspond à ces critères.',
}: {
  filters: AuditFilters;
  showEntity?: boolean;
  emptyMessage?: string;
}) {
  const variables = {
    entityType: filters.entityType || null,
    entityId: filters.entityId || null,
    actor: filters.actor || null,
    action: filters.action || null,
    first: AUDIT_PAGE_SIZE,
  };
  const { data, loading, error, refetch, fetchMore } = useQuery(AUDIT_LOG_QUERY, {
    variables,
    notifyOnNetworkStatusChange: true,
  });
  const [moreError, setMoreError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const log = data?.auditLog;

  if (error && !log) {
    return (
      <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>
        {`Le journal n'a pas pu être chargé. ${errorMessage(error, '')}`.trim()}
      </ErrorNotice>
    );
  }
  if (!log) return <Loading>Chargement du journal…</Loading>;
  if (!log.edges.length) return <EmptyState>{emptyMessage}</EmptyState>;

  const loadMore = async () => {
    setMoreError(null);
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: log.pageInfo.endCursor } });
    } catch (err) {
      setMoreError(errorMessage(err));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <p className="result-count" role="status">
        {formatNumber(log.edges.length)} sur {formatNumber(log.totalCount)} entrée{log.totalCount > 1 ? 's' : ''}
        {loading && !loadingMore && ' — mise à jour…'}
      </p>
      <div className="table-wrapper" tabIndex={0} role="region" aria-label="Entrées du journal d'audit">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Auteur·rice</th>
              <th scope="col">Action</th>
              {showEntity && <th scope="col">Élément</th>}
              <th scope="col">Changements</th>
            </tr>
          </thead>
          <tbody>
            {log.edges.map(({ node }) => (
              <tr key={node.id}>
                <td className="nowrap">{formatShortDateTime(node.at)}</td>
                <td>{node.actor}</td>
                <td>{actionLabel(node.action)}</td>
                {showEntity && (
                  <td>
                    <EntityCell entry={node} />
                  </td>
                )}
                <td>
                  <Changes entry={node} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {moreError && <ErrorNotice>{moreError}</ErrorNotice>}
      {log.pageInfo.hasNextPage && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void loadMore()}
          disabled={loadingMore}
          aria-busy={loadingMore || undefined}
        >
          Voir plus
        </button>
      )}
    </>
  );
}
