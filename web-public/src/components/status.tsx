import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** Content not found (unknown id): the same page as the 404. */
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
