import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { graphql } from '../gql';
import { VIEWER_QUERY, useViewer } from '../auth/viewer';
import { NAV_ITEMS, canSee } from '../auth/permissions';
import { ROLE_LABELS } from '../lib/labels';
import { Loading } from '@essor/web-ui';

export const LOGOUT_MUTATION = graphql(`
  mutation Logout {
    logout
  }
`);

function SkipLink() {
  return (
    <a className="skip-link" href="#contenu">
      Aller au contenu principal
    </a>
  );
}

function Footer() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>Essor — pôle territorial de l'ESS de Sambre-Avesnois.</p>
      </div>
    </footer>
  );
}

/** After a client-side navigation, focus goes to the new page's title (screen readers announce it). */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('contenu');
    const heading = main?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    } else {
      main?.focus();
    }
  }, [pathname]);
}

/** Pages behind the login: header with the navigation allowed by the viewer's roles. */
export function Layout() {
  const { viewer } = useViewer();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout, { loading: loggingOut }] = useMutation(LOGOUT_MUTATION);
  const [logoutError, setLogoutError] = useState<string | null>(null);
  useFocusOnNavigation();

  const onLogout = async () => {
    setLogoutError(null);
    try {
      await logout();
    } catch {
      setLogoutError('La déconnexion a échoué. Réessayez.');
      return;
    }
    await client.clearStore();
    client.writeQuery({ query: VIEWER_QUERY, data: { viewer: null } });
    void navigate('/connexion', { replace: true, state: { loggedOut: true } });
  };

  const roles = viewer?.roles;
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="container site-header__inner">
          <Link className="brand" to="/">
            <span className="brand__name">Essor</span>
            <span className="brand__tagline">Pilotage</span>
          </Link>
          {viewer && (
            <div className="account-menu">
              <p className="account-menu__who">
                <span className="visually-hidden">Connecté·e : </span>
                <strong>{viewer.displayName}</strong>
                <span className="account-menu__roles">{viewer.roles.map((r) => ROLE_LABELS[r]).join(', ')}</span>
              </p>
              <button type="button" className="button button--on-dark" onClick={() => void onLogout()} disabled={loggingOut}>
                Se déconnecter
              </button>
              {logoutError && (
                <p role="alert" className="account-menu__error">
                  {logoutError}
                </p>
              )}
            </div>
          )}
        </div>
        <nav aria-label="Navigation principale" className="main-nav">
          <div className="container">
            <ul className="site-nav">
              {NAV_ITEMS.filter((item) => canSee(roles, item.section)).map((item) => (
                <li key={item.section}>
                  <NavLink to={item.to} end={item.to === '/'}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
              <li className="site-nav__external">
                <a href="/">Annuaire public</a>
              </li>
            </ul>
          </div>
        </nav>
      </header>
      <main id="contenu" className="container site-main" tabIndex={-1}>
        <Suspense fallback={<Loading>Chargement de la page…</Loading>}>
          <Outlet />
        </Suspense>
      </main>
      <Footer />
    </>
  );
}

/** Login, forgotten password, reset: no navigation. */
export function PublicLayout({ children }: { children?: ReactNode }) {
  useFocusOnNavigation();
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="container site-header__inner">
          <span className="brand">
            <span className="brand__name">Essor</span>
            <span className="brand__tagline">Pilotage</span>
          </span>
        </div>
      </header>
      <main id="contenu" className="container site-main site-main--narrow" tabIndex={-1}>
        {children ?? <Outlet />}
      </main>
      <Footer />
    </>
  );
}
