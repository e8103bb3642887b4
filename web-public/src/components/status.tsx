import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** Chargement annoncé poliment aux technologies d'assistance. */
export function Loading({ children = 'Chargement…' }: { children?: ReactNode }) {
  return (
    <p role="status" className="notice notice--loading">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

interface ErrorNoticeProps {
  children: ReactNode;
  onRetry?: () => unknown;
}

/** Erreur (role="alert"), avec « Réessayer » si possible. */
export function ErrorNotice({ children, onRetry }: ErrorNoticeProps) {
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

/** Contenu introuvable (identifiant inconnu) : même page que le 404. */
export function NotFoundContent({ title = 'Page introuvable', children }: { title?: string; children?: ReactNode }) {
  return (
    <div className="container page">
      <h1>{title}</h1>
      <p>{children ?? "La page demandée n'existe pas ou n'est plus publiée."}</p>
      <ul className="link-list">
        <li>
          <Link to="/">Revenir à l'accueil</Link>
        </li>
        <li>
          <Link to="/recherche">Rechercher une structure</Link>
        </li>
      </ul>
    </div>
  );
}

/** Chargement d'une page entière : le titre (h1) existe déjà pour les technologies d'assistance. */
export function PageLoading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="container page">
      <h1 className="visually-hidden">{title}</h1>
      <Loading>{children ?? 'Chargement…'}</Loading>
    </div>
  );
}
