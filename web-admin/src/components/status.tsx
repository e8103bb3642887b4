import type { ReactNode } from 'react';

export function Loading({ children = 'Chargement…' }: { children?: ReactNode }) {
  return (
    <p role="status" className="notice notice--loading">
      {children}
    </p>
  );
}

export function ErrorNotice({ message, onRetry }: { message: ReactNode; onRetry?: () => void }) {
  return (
    <div role="alert" className="notice notice--error">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Réessayer
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
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
