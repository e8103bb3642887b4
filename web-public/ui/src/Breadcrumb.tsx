import { Link } from 'react-router';

export interface Crumb {
  label: string;
  to?: string;
}

/**
 * « Fil d'Ariane »: `home` (the public site's « Accueil » by default; `null` for none), then the
 * items; the last item is the current page.
 */
export function Breadcrumb({ items, home = { label: 'Accueil', to: '/' } }: { items: readonly Crumb[]; home?: Crumb | null }) {
  return (
    <nav className="breadcrumb" aria-label="Fil d'Ariane">
      <ol>
        {home ? <li>{home.to ? <Link to={home.to}>{home.label}</Link> : <span>{home.label}</span>}</li> : null}
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
