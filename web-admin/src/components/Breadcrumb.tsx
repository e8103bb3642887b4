import { Link } from 'react-router';

/** The list a page belongs to: « Réseaux » at /reseaux. */
export interface ListLink {
  to: string;
  label: string;
}

/** « Fil d'Ariane »: the list, then the current page. */
export function Breadcrumb({ list, current }: { list: ListLink; current: string }) {
  return (
    <nav aria-label="Fil d'Ariane" className="breadcrumb">
      <ol>
        <li>
          <Link to={list.to}>{list.label}</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
