import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedGraphQLErrors } from '@apollo/client';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { EditPageLoader } from './EditPage';

const NETWORKS = { to: '/reseaux', label: 'Réseaux' };

function renderLoader({
  error = null,
  loaded = true,
  entity,
  onRetry = () => undefined,
}: {
  error?: unknown;
  loaded?: boolean;
  entity: { name: string } | null | undefined;
  onRetry?: () => void;
}) {
  return render(
    <MemoryRouter>
      <EditPageLoader
        list={NETWORKS}
        title="Réseau"
        error={error}
        loaded={loaded}
        entity={entity}
        onRetry={onRetry}
        failedMessage="Le réseau n'a pas pu être chargé."
        loadingMessage="Chargement du réseau…"
        notFoundTitle="Réseau introuvable"
        notFound="Ce réseau n'existe pas ou a été archivé."
      >
        {(n) => <h1>{n.name}</h1>}
      </EditPageLoader>
    </MemoryRouter>,
  );
}

describe('EditPageLoader', () => {
  it('says why the load failed, with « Réessayer »', async () => {
    const onRetry = vi.fn();
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'Erreur du serveur.', extensions: { code: 'X' } }] });
    renderLoader({ error, loaded: false, entity: undefined, onRetry });
    expect(screen.getByRole('heading', { level: 1, name: 'Réseau' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent("Le réseau n'a pas pu être chargé. Erreur du serveur.");
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('says it is loading', () => {
    renderLoader({ loaded: false, entity: undefined });
    expect(screen.getByRole('status')).toHaveTextContent('Chargement du réseau…');
  });

  it('says when the entity does not exist, with the way back to the list', () => {
    renderLoader({ entity: null });
    expect(screen.getByRole('heading', { level: 1, name: 'Réseau introuvable' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Retour à la liste' })).toHaveAttribute('href', '/reseaux');
    expect(screen.getByRole('navigation', { name: "Fil d'Ariane" })).toHaveTextContent('RéseauxRéseau introuvable');
  });

  it('renders the editor once the entity is there', () => {
    renderLoader({ entity: { name: 'CRESS Hauts-de-France' } });
    expect(screen.getByRole('heading', { level: 1, name: 'CRESS Hauts-de-France' })).toBeInTheDocument();
  });
});
