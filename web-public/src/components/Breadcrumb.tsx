import { Link } from 'react-router';

interface Crumb {
  label: string;
  to?: string;
}

/** Fil d'Ariane : la dernière entrée est la page courante. */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav className="breadcrumb" aria-label="Fil d'Ariane">
      <ol>
        <li>
          <Link to="/">Accueil</Link>
        </li>
        {items.map((item, index) => (
          <li key={`${item.label}-${index}`}>
            {index === items.length - 1 ? (
              <span aria-current="page">{item.label}</span>
            ) : item.to ? (
              <Link to={item.to}>{item.label}</Link>
            ) : (
              <span>{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
