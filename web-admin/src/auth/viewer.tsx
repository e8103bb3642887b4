import { useQuery } from '@apollo/client/react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { VIEWER_QUERY } from './viewerQuery';
import type { ViewerQuery } from '../gql/graphql';
import { ErrorNotice, Loading } from '@essor/web-ui';
import { canSee, type Section } from './permissions';
import { usePageTitle } from '../lib/usePageTitle';

export { VIEWER_QUERY };

export type Viewer = NonNullable<ViewerQuery['viewer']>;

/** The logged-in account (cache-first: one request for the whole session). */
export function useViewer() {
  const { data, loading, error, refetch } = useQuery(VIEWER_QUERY);
  return { viewer: data?.viewer ?? null, known: data !== undefined, loading, error, refetch };
}

/** Routes behind the login: anonymous visitors go to /connexion, then come back. */
export function RequireAuth() {
  const { viewer, known, error, refetch } = useViewer();
  const location = useLocation();
  if (!known && error) {
    return (
      <main id="contenu" className="container site-main" tabIndex={-1}>
        <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>
          La session n'a pas pu être vérifiée. Vérifiez que l'API est disponible puis réessayez.
        </ErrorNotice>
      </main>
    );
  }
  if (!known) {
    return (
      <main id="contenu" className="container site-main" tabIndex={-1}>
        <Loading>Vérification de la session…</Loading>
      </main>
    );
  }
  if (!viewer) {
    return <Navigate to="/connexion" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}

/** A section that the viewer's roles may not open shows a refusal (the API would refuse anyway). */
export function RequireSection({ section }: { section: Section }) {
  const { viewer } = useViewer();
  if (!canSee(viewer?.roles, section)) return <Forbidden />;
  return <Outlet />;
}

function Forbidden() {
  usePageTitle('Accès non autorisé');
  return (
    <>
      <h1>Accès non autorisé</h1>
      <p className="notice">Votre compte ne donne pas accès à cette partie de l'administration.</p>
    </>
  );
}
