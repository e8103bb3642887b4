import type { ReactNode } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { Link } from 'react-router';
import type { Role } from '../gql/graphql';
import { hasRole } from '../auth/permissions';
import { errorMessage, ErrorNotice, Loading } from '@essor/web-ui';
import type { ConfirmedAction, VersionedAction } from '../lib/useVersionedAction';
import { PERMISSION_NOTICE_ID } from '../lib/useVersionedEdit';
import { AuditEntries } from './AuditEntries';
import { Breadcrumb, type ListLink } from './Breadcrumb';
import { ConfirmDialog } from './Dialog';

/**
 * What an edit page shows until its entity is there: the load error with « Réessayer », « Chargement… »,
 * or « introuvable » with the way back to the list; then `children(entity)`, the editor.
 */
export function EditPageLoader<T>({
  list,
  title,
  error,
  loaded,
  entity,
  onRetry,
  failedMessage,
  loadingMessage,
  notFoundTitle,
  notFound,
  children,
}: {
  list: ListLink;
  /** The page's title while the entity is not there (« Réseau »). */
  title: string;
  /** The error that stopped the load, if it did (falsy otherwise). */
  error: unknown;
  /** The page's queries answered. */
  loaded: boolean;
  /** What they answered: null when the entity does not exist (or is not the viewer's to see). */
  entity: T | null | undefined;
  onRetry: () => void;
  /** « Le réseau n'a pas pu être chargé. » (the API's reason follows). */
  failedMessage: string;
  loadingMessage: string;
  notFoundTitle: string;
  notFound: ReactNode;
  children: (entity: T) => ReactNode;
}) {
  if (error) {
    return (
      <>
        <Breadcrumb list={list} current={title} />
        <h1>{title}</h1>
        <ErrorNotice onRetry={onRetry}>{`${failedMessage} ${errorMessage(error, '')}`.trim()}</ErrorNotice>
      </>
    );
  }
  if (!loaded) return <Loading>{loadingMessage}</Loading>;
  if (!entity) {
    return (
      <>
        <Breadcrumb list={list} current={notFoundTitle} />
        <h1>{notFoundTitle}</h1>
        <p className="notice">
          {notFound} <Link to={list.to}>Retour à la liste</Link>
        </p>
      </>
    );
  }
  return children(entity);
}

/** « Historique » of an entity (its audit entries), for the mission and the steering committee. */
export function EntityHistory({
  roles,
  entityType,
  entityId,
  emptyMessage,
}: {
  roles: readonly Role[] | undefined;
  /** The audit log's entity type (« Network », « ParticipatorySpace »…). */
  entityType: string;
  /** The entity's row id (the audit log is keyed by it); null: no history to show. */
  entityId: string | null;
  emptyMessage: string;
}) {
  if (!hasRole(roles, 'ADMIN', 'STEERING') || !entityId) return null;
  return (
    <section className="section" aria-labelledby="history-title">
      <h2 id="history-title">Historique</h2>
      <AuditEntries filters={{ entityType, entityId }} showEntity={false} emptyMessage={emptyMessage} />
    </section>
  );
}

/** Reloads the history shown by EntityHistory, after a change. */
export function useHistoryRefresh(enabled = true) {
  const client = useApolloClient();
  return () => {
    if (enabled) void client.refetchQueries({ include: ['AuditLog'] });
  };
}

/** The title of an edit page, a line about the entity (status, version…) and its actions (« Archiver »…). */
export function EditPageHeader({ title, meta, children }: { title: string; meta: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        <p className="meta">{meta}</p>
      </div>
      {children}
    </div>
  );
}

/**
 * Why the viewer may not edit: the API's refusal (`forbidden`, announced), else what the page knows
 * (`otherwise`). Focused after a refusal (PERMISSION_NOTICE_ID).
 */
export function PermissionNotice({ forbidden, otherwise }: { forbidden: string | null; otherwise: string | null }) {
  const message = forbidden ?? otherwise;
  if (!message) return null;
  return (
    <p id={PERMISSION_NOTICE_ID} className="notice notice--warning" role={forbidden ? 'alert' : undefined} tabIndex={-1}>
      {message}
    </p>
  );
}

/** A button that opens the confirmation of an action of `useConfirmedAction` (« Archiver », « Clore l'offre »). */
export function ConfirmedActionButton({ action, children }: { action: ConfirmedAction; children: ReactNode }) {
  return (
    <button type="button" className="button button--danger-outline" onClick={action.open}>
      {children}
    </button>
  );
}

/** A button that runs an action of `useVersionedAction` (« Restaurer »), disabled while it runs. */
export function VersionedActionButton({ action, children }: { action: VersionedAction; children: ReactNode }) {
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => void action.run()}
      disabled={action.busy}
      aria-busy={action.busy || undefined}
    >
      {children}
    </button>
  );
}

/** The confirmation dialog of an action of `useConfirmedAction`, while it is open. */
export function ConfirmedActionDialog({
  action,
  title,
  description,
  confirmLabel,
}: {
  action: ConfirmedAction;
  title: string;
  description: ReactNode;
  confirmLabel: string;
}) {
  if (!action.isOpen) return null;
  return <ConfirmDialog title={title} description={description} confirmLabel={confirmLabel} danger {...action.dialog} />;
}
