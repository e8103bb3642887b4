import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';

const NAV_ITEMS = [
  { to: '/', label: 'Accueil', end: true },
  { to: '/recherche', label: 'Rechercher', end: false },
  { to: '/secteurs', label: 'Secteurs', end: false },
  { to: '/reseaux', label: 'Réseaux', end: false },
  { to: '/tutorat', label: 'Tutorat', end: false },
  { to: '/observatoire', label: 'Observatoire', end: false },
] as const;

export function Layout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);
  const navId = useId();
  // Small screen: the menu is folded behind a button; it closes on each page change.
  const [menu, setMenu] = useState({ open: false, path: pathname });
  const menuOpen = menu.open && menu.path === pathname;

  // Page change (not a filter): the focus moves to the content, as after a full load.
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo?.(0, 0);
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu principal
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link className="brand" to="/">
            <span className="brand__mark" aria-hidden="true">
              ◆
            </span>
            <span className="brand__text">
              <span className="brand__name">Essor</span>
              <span className="brand__tagline">L'annuaire de l'ESS en Sambre-Avesnois</span>
            </span>
          </Link>
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls={navId}
            onClick={() => setMenu({ open: !menuOpen, path: pathname })}
          >
            <span aria-hidden="true" className="menu-button__icon">
              {menuOpen ? '✕' : '☰'}
            </span>
            Menu
          </button>
          <nav id={navId} className={menuOpen ? 'site-nav site-nav--open' : 'site-nav'} aria-label="Navigation principale">
            <ul>
              {NAV_ITEMS.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end} className="site-nav__link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
              <li>
                <NavLink to="/ajouter" className="site-nav__link site-nav__link--cta">
                  Ajouter ma structure
                </NavLink>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="contenu" ref={mainRef} className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p>Essor — plateforme open source du pôle territorial de l'économie sociale et solidaire de Sambre-Avesnois.</p>
          <p>
            Données cartographiques © OpenStreetMap France | © les contributeurs OpenStreetMap. Les structures de démonstration
            sont fictives.
          </p>
        </div>
      </footer>
    </>
  );
}
