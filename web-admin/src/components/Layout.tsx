import type { ReactNode } from 'react';

export function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu principal
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <a className="brand" href={import.meta.env.BASE_URL}>
            <span className="brand__name">Essor</span>
            <span className="brand__tagline">Administration</span>
          </a>
          <nav aria-label="Navigation principale">
            <ul className="site-nav">
              <li>
                <a href={import.meta.env.BASE_URL} aria-current="page">
                  Pilotage
                </a>
              </li>
              <li>
                <a href="/">Annuaire public</a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="contenu" className="container site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>Essor — pôle territorial de l'ESS de Sambre-Avesnois.</p>
        </div>
      </footer>
    </>
  );
}
