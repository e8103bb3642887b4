import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <>
      <h1>Page introuvable</h1>
      <p>
        La page demandée n'existe pas. <Link to="/">Revenir à l'annuaire</Link>
      </p>
    </>
  );
}
