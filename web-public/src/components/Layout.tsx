import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu principal
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link className="brand" to="/">
            <span className="brand__name">Essor</span>
            <span className="brand__tagline">L'économie sociale et solidaire en Sambre-Avesnois</span>
          </Link>
        </div>
      </header>
      <main id="contenu" className="container site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>Essor — plateforme open source du pôle territorial de l'ESS de Sambre-Avesnois.</p>
        </div>
      </footer>
    </>
  );
}
