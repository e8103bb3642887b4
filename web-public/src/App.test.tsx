import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { createCache } from './apollo';
import { PAGE_SIZE, SEARCH_STRUCTURES_QUERY } from './components/StructureResults';
import { structureNode, structuresPage } from './test/fixtures';

function LocationProbe() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <div>
      <div data-testid="location">{location.search}</div>
      <button type="button" onClick={() => void navigate(-1)}>
        Page précédente
      </button>
    </div>
  );
}

function renderApp(mocks: MockLink.MockedResponse[], initialEntry = '/') {
  const user = userEvent.setup();
  const utils = render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <MemoryRouter initialEntries={[initialEntry]}>
        <App />
        <LocationProbe />
      </MemoryRouter>
    </MockedProvider>,
  );
  return { user, ...utils };
}

const ressourcerie = structureNode({
  id: 's1',
  name: 'Ressourcerie du Val de Sambre',
  essFamily: 'ASSOCIATION',
  commune: 'Maubeuge',
  sectors: ['Réemploi', 'Insertion'],
  description: 'Collecte, valorisation et revente d’objets.',
});
const scop = structureNode({
  id: 's2',
  name: 'Scop Vélo Avesnois',
  essFamily: 'COOPERATIVE',
  commune: 'Avesnes-sur-Helpe',
  sectors: ['Mobilité'],
});
const mutuelle = structureNode({
  id: 's3',
  name: 'Mutuelle de la Thiérache',
  essFamily: 'MUTUELLE',
  commune: 'Fourmies',
  sectors: ['Santé'],
});
const entreprise = structureNode({
  id: 's4',
  name: 'Les Jardins de Cocagne',
  essFamily: 'ENTREPRISE_ESS',
  commune: null,
  sectors: [],
});

const allStructuresMock: MockLink.MockedResponse = {
  request: { query: SEARCH_STRUCTURES_QUERY, variables: { first: PAGE_SIZE } },
  result: structuresPage([ressourcerie, mutuelle], { totalCount: 312 }),
};

describe('Annuaire public', () => {
  it('affiche les résultats d’une recherche et garde le texte dans l’URL', async () => {
    const { user } = renderApp([
      allStructuresMock,
      {
        request: {
          query: SEARCH_STRUCTURES_QUERY,
          variables: { search: 'vélo', first: PAGE_SIZE },
        },
        result: structuresPage([scop, entreprise], { totalCount: 2 }),
      },
    ]);

    expect(
      screen.getByRole('heading', {
        level: 1,
        name: "Annuaire de l'ESS en Sambre-Avesnois",
      }),
    ).toBeInTheDocument();
    expect(await screen.findByText('312 structures')).toBeInTheDocument();

    const input = screen.getByRole('searchbox', {
      name: 'Rechercher une structure',
    });
    await user.type(input, '  vélo ');
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));

    expect(await screen.findByText('2 structures')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('?q=v%C3%A9lo');
    expect(input).toHaveValue('vélo');

    expect(screen.getAllByRole('article')).toHaveLength(2);

    const scopCard = screen.getByRole('article', { name: 'Scop Vélo Avesnois' });
    expect(within(scopCard).getByText('Coopérative')).toBeInTheDocument();
    expect(within(scopCard).getByText('Avesnes-sur-Helpe')).toBeInTheDocument();
    expect(within(scopCard).getByText('Mobilité')).toBeInTheDocument();

    const entrepriseCard = screen.getByRole('article', {
      name: 'Les Jardins de Cocagne',
    });
    expect(within(entrepriseCard).getByText("Entreprise de l'ESS")).toBeInTheDocument();
    expect(within(entrepriseCard).getByText('Non renseignée')).toBeInTheDocument();

    // Les résultats précédents ne sont plus affichés.
    expect(screen.queryByRole('article', { name: 'Ressourcerie du Val de Sambre' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Voir plus' })).not.toBeInTheDocument();

    // Précédent : la recherche vide et les résultats initiaux reviennent.
    await user.click(screen.getByRole('button', { name: 'Page précédente' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^$/);
    expect(input).toHaveValue('');
    expect(await screen.findByText('312 structures')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Ressourcerie du Val de Sambre' })).toBeInTheDocument();
  });

  it('lit la recherche depuis l’URL (?q=) au chargement', async () => {
    renderApp(
      [
        {
          request: {
            query: SEARCH_STRUCTURES_QUERY,
            variables: { search: 'santé', first: PAGE_SIZE },
          },
          result: structuresPage([mutuelle], { totalCount: 1 }),
        },
      ],
      '/?q=sant%C3%A9',
    );

    expect(screen.getByRole('searchbox', { name: 'Rechercher une structure' })).toHaveValue('santé');
    expect(screen.getByRole('status')).toHaveTextContent('Chargement des structures…');
    const card = await screen.findByRole('article', {
      name: 'Mutuelle de la Thiérache',
    });
    expect(within(card).getByText('Mutuelle')).toBeInTheDocument();
    expect(within(card).getByText('Fourmies')).toBeInTheDocument();
    expect(within(card).getByText('Santé')).toBeInTheDocument();
    expect(screen.getByText('1 structure')).toBeInTheDocument();
  });

  it('affiche un message quand aucune structure ne correspond', async () => {
    renderApp(
      [
        {
          request: {
            query: SEARCH_STRUCTURES_QUERY,
            variables: { search: 'xyz', first: PAGE_SIZE },
          },
          result: structuresPage([], { totalCount: 0 }),
        },
      ],
      '/?q=xyz',
    );

    expect(await screen.findByText('Aucune structure ne correspond à votre recherche.')).toBeInTheDocument();
    expect(screen.getByText('0 structure')).toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('affiche une erreur accessible si la requête échoue', async () => {
    renderApp([
      {
        request: {
          query: SEARCH_STRUCTURES_QUERY,
          variables: { first: PAGE_SIZE },
        },
        error: new Error('Network down'),
      },
    ]);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Les structures n'ont pas pu être chargées.");
    expect(within(alert).getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
    expect(screen.queryByText(/^\d+ structures?$/)).not.toBeInTheDocument();
  });

  it('« Voir plus » charge la page suivante avec le curseur et fusionne les résultats', async () => {
    const { user } = renderApp([
      {
        request: {
          query: SEARCH_STRUCTURES_QUERY,
          variables: { first: PAGE_SIZE },
        },
        result: structuresPage([ressourcerie, scop], {
          totalCount: 3,
          hasNextPage: true,
        }),
      },
      {
        request: {
          query: SEARCH_STRUCTURES_QUERY,
          variables: { first: PAGE_SIZE, after: 'cursor-s2' },
        },
        result: structuresPage([mutuelle], { totalCount: 3 }),
      },
    ]);

    expect(
      await screen.findByRole('article', {
        name: 'Ressourcerie du Val de Sambre',
      }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(screen.getByText('2 sur 3 affichées')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Voir plus' }));

    const newCard = await screen.findByRole('article', {
      name: 'Mutuelle de la Thiérache',
    });
    const names = screen.getAllByRole('article').map((article) => within(article).getByRole('heading').textContent);
    expect(names).toEqual(['Ressourcerie du Val de Sambre', 'Scop Vélo Avesnois', 'Mutuelle de la Thiérache']);
    expect(screen.getByText('3 structures')).toBeInTheDocument();
    // Dernière page atteinte : plus de bouton, focus sur le premier nouvel élément.
    expect(screen.queryByRole('button', { name: /Voir plus|Chargement/ })).not.toBeInTheDocument();
    expect(within(newCard).getByRole('heading')).toHaveFocus();
  });

  it('signale l’échec de « Voir plus » sans perdre les résultats déjà affichés', async () => {
    const { user } = renderApp([
      {
        request: {
          query: SEARCH_STRUCTURES_QUERY,
          variables: { first: PAGE_SIZE },
        },
        result: structuresPage([ressourcerie, scop], {
          totalCount: 3,
          hasNextPage: true,
        }),
      },
      {
        request: {
          query: SEARCH_STRUCTURES_QUERY,
          variables: { first: PAGE_SIZE, after: 'cursor-s2' },
        },
        error: new Error('Network down'),
      },
    ]);

    await user.click(await screen.findByRole('button', { name: 'Voir plus' }));

    expect(await screen.findByRole('alert')).toHaveTextContent("Les structures suivantes n'ont pas pu être chargées.");
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(screen.getByText('3 structures')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Voir plus' })).toBeEnabled();
  });
});
