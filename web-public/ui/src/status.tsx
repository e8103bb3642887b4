import type { ReactNode } from 'react';

/** Loading, announced politely to assistive technologies. */
export function Loading({ children = 'Chargement…' }: { children?: ReactNode }) {
  return (
    <p role="status" className="notice notice--loading">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

/** A whole page loading: its title (h1) already exists for assistive technologies. */
export function PageLoading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="container page">
      <h1 className="visually-hidden">{title}</h1>
      <Loading>{children ?? 'Chargement…'}</Loading>
    </div>
  );
}

/** An error (role="alert"), with « Réessayer » when the request can be sent again. */
export function ErrorNotice({ children, onRetry }: { children: ReactNode; onRetry?: (() => unknown) | undefined }) {
  return (
    <div role="alert" className="notice notice--error">
      <p>{children}</p>
      {onRetry ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void Promise.resolve(onRetry()).catch(() => undefined);
          }}
        >
          Réessayer
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="notice notice--empty">{children}</p>;
}

/** Confirmation of an action, announced politely. */
export function Success({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <p role="status" className="notice notice--success" id={id}>
      {children}
    </p>
  );
}

/** The outcome of an action (restore, archive…): why it failed, as an alert, or its confirmation. */
export function ActionOutcome({ error, done }: { error?: string | null; done?: string | null }) {
  return (
    <>
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      {done && <Success>{done}</Success>}
    </>
  );
}
