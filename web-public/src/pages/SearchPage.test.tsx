import { act, screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_PAGE_SIZE as PAGE, SEARCH_STRUCTURES_QUERY } from '../components/search/searchDocuments';
import { toSearchVariables } from '../lib/searchParams';
import { searchResult, structureNode, territoryCommunesMock } from '../test/fixtures';
import { renderApp } from '../test/render';

// Leaflet does not work under jsdom: the map is replaced by a stand-in that exposes its filters.
vi.mock('../components/search/SearchMap', () => ({
  SearchMap: ({ filters }: { filters: unknown }) => <div data-testid="map" data-filters={JSON.stringify(filters)} />,
}));

const SEARCH_LABEL = 'Rechercher une structure, un service, une activité';

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

function searchMock(
  variables: Record<string, unknown>,
  result: ReturnType<typeof searchResult> | Error,
  onRequest?: (variables: Record<string, unknown>) => void,
): MockLink.MockedResponse {
  const { after, ...filters } = variables;
  const request = {
    query: SEARCH_STRUCTURES_QUERY,
    variables: { ...toSearchVariables(filters), ...(after === undefined ? {} : { after }), first: PAGE },
  };
  if (result instanceof Error) return { request, error: result };
  return {
    request,
    result: onRequest
      ? (vars: Record<string, unknown>) => {
          onRequest(vars);
          return result;
        }
      : result,
  };
}

function renderSearch(mocks: MockLink.MockedResponse[], url = '/recherche') {
  return renderApp([territoryCommunesMock, ...mocks], url);
}

const resultCards = () => screen.queryAllByTestId('result-card');
const cardNames = () => resultCards().map((card) => within(card).getByRole('heading').textContent);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Recherche', () => {
  it('saisir puis valider met à jour l’URL et les variables de la requête ; précédent restaure la recherche', async () => {
    const requested: Record<string, unknown>[] = [];
    const { user } = renderSearch([
      searchMock({}, searchResult([ressourcerie, mutuelle], { totalCount: 312 })),
      searchMock({ text: 'vélo' }, searchResult([scop, entreprise], { totalCount: 2 }), (v) => requested.push(v)),
    ]);

    expect(await screen.findByRole('heading', { level: 1, name: "Rechercher dans l'annuaire" })).toBeInTheDocument();
    expect(await screen.findByText('312 structures')).toBeInTheDocument();
    // The title is set in an effect, after the render that shows the page.
    await waitFor(() => expect(document.title).toBe("Recherche — Annuaire de l'ESS en Sambre-Avesnois"));

    const input = screen.getByRole('searchbox', { name: SEARCH_LABEL });
    await user.type(input, '  vélo ');
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));

    expect(await screen.findByText('2 structures')).toBeInTheDocument();
    expect(requested).toEqual([{ text: 'vélo', first: PAGE }]);
    expect(screen.getByTestId('location')).toHaveTextContent('/recherche?q=v%C3%A9lo');
    expect(input).toHaveValue('vélo');
    // The title is set in an effect, after the render that shows the page.
    await waitFor(() => expect(document.title).toBe("« vélo » — Recherche — Annuaire de l'ESS en Sambre-Avesnois"));

    // The number of results is announced (live region).
    const count = screen.getByText('2 structures').closest('[aria-live]');
    expect(count).toHaveAttribute('aria-live', 'polite');
    expect(count).toHaveTextContent('2 structures pour « vélo »');

    expect(cardNames()).toEqual(['Scop Vélo Avesnois', 'Les Jardins de Cocagne']);
    const scopCard = screen.getByRole('article', { name: 'Scop Vélo Avesnois' });
    expect(within(scopCard).getByText('Coopérative')).toBeInTheDocument();
    expect(within(scopCard).getByText('Avesnes-sur-Helpe')).toBeInTheDocument();
    expect(within(scopCard).getByText('Mobilité')).toBeInTheDocument();
    expect(within(scopCard).getByRole('link', { name: 'Scop Vélo Avesnois' })).toHaveAttribute('href', '/structures/s2');
    const entrepriseCard = screen.getByRole('article', { name: 'Les Jardins de Cocagne' });
    expect(within(entrepriseCard).getByText('Non renseignée')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Voir plus' })).not.toBeInTheDocument();

    // Back: the empty search and its results come back (from the cache).
    await user.click(screen.getByRole('button', { name: 'Page précédente' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/recherche$/);
    expect(input).toHaveValue('');
    expect(await screen.findByText('312 structures')).toBeInTheDocument();
    expect(cardNames()).toEqual(['Ressourcerie du Val de Sambre', 'Mutuelle de la Thiérache']);
  });

  it('lit la recherche et les filtres depuis l’URL au chargement', async () => {
    const requested: Record<string, unknown>[] = [];
    renderSearch(
      [
        searchMock(
          { text: 'santé', essFamily: ['MUTUELLE'], sector: ['sante'], acceptsInterns: true, sort: 'NAME' },
          searchResult([mutuelle], {
            totalCount: 1,
            facets: { essFamily: [{ value: 'MUTUELLE', label: 'Mutuelle', count: 1 }], acceptsInterns: 1 },
          }),
          (v) => requested.push(v),
        ),
      ],
      '/recherche?q=sant%C3%A9&famille=MUTUELLE&secteur=sante&stagiaires=1&tri=nom',
    );

    expect(screen.getByRole('searchbox', { name: SEARCH_LABEL })).toHaveValue('santé');
    expect(await screen.findByText('1 structure')).toBeInTheDocument();
    expect(requested).toHaveLength(1);
    expect(screen.getByRole('checkbox', { name: 'Mutuelle (1)' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Accueille des stagiaires (1)' })).toBeChecked();
    // A filter of the URL missing from the facets stays shown, checked, so that it can be removed.
    expect(screen.getByRole('checkbox', { name: 'sante (0)' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Trier par' })).toHaveValue('nom');
  });

  it('cocher une facette ajoute le filtre ; les nombres viennent de la réponse', async () => {
    const requested: Record<string, unknown>[] = [];
    const { user } = renderSearch([
      searchMock(
        {},
        searchResult([ressourcerie, scop], {
          totalCount: 312,
          facets: {
            essFamily: [
              { value: 'ASSOCIATION', label: 'Association', count: 266 },
              { value: 'COOPERATIVE', label: 'Coopérative', count: 26 },
            ],
            sector: [
              { value: 'mobilite', label: 'Mobilité', count: 16 },
              { value: 'insertion', label: 'Insertion', count: 67 },
            ],
            acceptsInterns: 80,
          },
        }),
      ),
      searchMock(
        { essFamily: ['COOPERATIVE'] },
        searchResult([scop], {
          totalCount: 26,
          facets: {
            essFamily: [
              { value: 'ASSOCIATION', label: 'Association', count: 266 },
              { value: 'COOPERATIVE', label: 'Coopérative', count: 26 },
            ],
            sector: [{ value: 'mobilite', label: 'Mobilité', count: 4 }],
            acceptsInterns: 7,
          },
        }),
        (v) => requested.push(v),
      ),
    ]);

    const families = await screen.findByRole('group', { name: "Famille de l'ESS" });
    expect(within(families).getByRole('checkbox', { name: 'Association (266)' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Mobilité (16)' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Accueille des stagiaires (80)' })).toBeInTheDocument();

    await user.click(within(families).getByRole('checkbox', { name: 'Coopérative (26)' }));

    expect(await screen.findByText('26 structures')).toBeInTheDocument();
    expect(requested).toEqual([{ filter: { essFamily: ['COOPERATIVE'] }, first: PAGE }]);
    expect(screen.getByTestId('location')).toHaveTextContent('/recherche?famille=COOPERATIVE');
    expect(within(families).getByRole('checkbox', { name: 'Coopérative (26)' })).toBeChecked();
    // The other facets follow the filter: their counts are those of the new answer.
    expect(screen.getByRole('checkbox', { name: 'Mobilité (4)' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /Insertion/ })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Accueille des stagiaires (7)' })).toBeInTheDocument();
    expect(cardNames()).toEqual(['Scop Vélo Avesnois']);

    // The active filter is removed with one click.
    const chips = screen.getByRole('list', { name: 'Filtres actifs' });
    expect(within(chips).getByRole('button', { name: 'Retirer le filtre : Coopérative' })).toBeInTheDocument();
  });

  it('« Voir plus » charge la page suivante avec le curseur et fusionne les résultats', async () => {
    const { user } = renderSearch([
      searchMock({}, searchResult([ressourcerie, scop], { totalCount: 3, hasNextPage: true })),
      searchMock({ after: 'cursor-s2' }, searchResult([mutuelle], { totalCount: 3 })),
    ]);

    expect(await screen.findByRole('article', { name: 'Ressourcerie du Val de Sambre' })).toBeInTheDocument();
    expect(resultCards()).toHaveLength(2);
    expect(screen.getByText('2 sur 3 affichées')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Voir plus' }));

    const newCard = await screen.findByRole('article', { name: 'Mutuelle de la Thiérache' });
    expect(cardNames()).toEqual(['Ressourcerie du Val de Sambre', 'Scop Vélo Avesnois', 'Mutuelle de la Thiérache']);
    expect(screen.getByText('3 structures')).toBeInTheDocument();
    // Last page: no button any more; the focus moves to the first added result.
    expect(screen.queryByRole('button', { name: /Voir plus|Chargement/ })).not.toBeInTheDocument();
    expect(within(newCard).getByRole('link', { name: 'Mutuelle de la Thiérache' })).toHaveFocus();
  });

  it('signale l’échec de « Voir plus » sans perdre les résultats affichés', async () => {
    const { user } = renderSearch([
      searchMock({}, searchResult([ressourcerie, scop], { totalCount: 3, hasNextPage: true })),
      searchMock({ after: 'cursor-s2' }, new Error('Network down')),
    ]);

    await user.click(await screen.findByRole('button', { name: 'Voir plus' }));

    expect(await screen.findByRole('alert')).toHaveTextContent("Les résultats suivants n'ont pas pu être chargés.");
    expect(resultCards()).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Voir plus' })).toBeEnabled();
  });

  it('affiche un état vide et propose d’effacer les filtres', async () => {
    const { user } = renderSearch(
      [
        searchMock({ text: 'xyz', seeksVolunteers: true }, searchResult([], { totalCount: 0 })),
        searchMock({ text: 'xyz' }, searchResult([entreprise], { totalCount: 1 })),
      ],
      '/recherche?q=xyz&benevoles=1',
    );

    const empty = await screen.findByText('Aucune structure ne correspond à votre recherche.');
    expect(screen.getByText('0 structure')).toBeInTheDocument();
    expect(resultCards()).toHaveLength(0);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.click(within(empty).getByRole('button', { name: 'Effacer les filtres' }));
    expect(await screen.findByText('1 structure')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/recherche?q=xyz');
  });

  it('affiche une erreur accessible et « Réessayer » relance la recherche', async () => {
    const { user } = renderSearch([
      searchMock({}, new Error('Network down')),
      searchMock({}, searchResult([ressourcerie], { totalCount: 1 })),
    ]);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Les structures n'ont pas pu être chargées.");
    expect(screen.queryByText(/^\d+ structures?$/)).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByText('1 structure')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explique une recherche refusée par l’API (filtre inconnu) et propose d’effacer les filtres', async () => {
    const { user } = renderSearch(
      [
        {
          request: { query: SEARCH_STRUCTURES_QUERY, variables: { filter: { sector: ['bogus'] }, first: PAGE } },
          result: {
            errors: [
              new GraphQLError('Secteur inconnu : « bogus ».', {
                extensions: { code: 'UNKNOWN_REFERENCE', field: 'sector', value: 'bogus' },
              }),
            ],
          },
        },
        searchMock({}, searchResult([ressourcerie], { totalCount: 1 })),
      ],
      '/recherche?secteur=bogus',
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("La recherche n'a pas pu aboutir : Secteur inconnu : « bogus ».");
    await user.click(within(alert).getByRole('button', { name: 'Effacer les filtres' }));
    expect(await screen.findByText('1 structure')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/recherche$/);
  });

  it('annonce les résultats approchants (recherche tolérante aux fautes)', async () => {
    renderSearch(
      [searchMock({ text: 'ressourcrie' }, searchResult([ressourcerie], { totalCount: 1, fuzzy: true }))],
      '/recherche?q=ressourcrie',
    );

    expect(await screen.findByRole('heading', { level: 2, name: 'Résultats approchants' })).toBeInTheDocument();
    expect(screen.getByText(/Aucune structure ne contient exactement « ressourcrie »/)).toBeInTheDocument();
  });

  it('recherche autour d’une commune, avec le rayon et la distance de chaque résultat', async () => {
    const requested: Record<string, unknown>[] = [];
    const { user } = renderSearch([
      searchMock({}, searchResult([ressourcerie, scop], { totalCount: 2 })),
      searchMock(
        { nearCommune: '59392', radiusKm: 10 },
        searchResult([ressourcerie], { totalCount: 1, distances: [1.24] }),
        (v) => requested.push(v),
      ),
      searchMock(
        { nearCommune: '59392', radiusKm: 20 },
        searchResult([ressourcerie, scop], { totalCount: 2, distances: [1.24, 15] }),
        (v) => requested.push(v),
      ),
    ]);

    await screen.findByText('2 structures');
    const commune = screen.getByRole('combobox', { name: 'Autour de la commune' });
    await within(commune).findByRole('option', { name: 'Maubeuge' });
    await user.selectOptions(commune, 'Maubeuge');

    expect(await screen.findByText('1 structure')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/recherche?pres=59392');
    const card = screen.getByRole('article', { name: 'Ressourcerie du Val de Sambre' });
    expect(within(card).getByText(/à 1,2 km/)).toBeInTheDocument();
    // Default sort near a commune: the distance.
    expect(screen.getByRole('combobox', { name: 'Trier par' })).toHaveValue('distance');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Rayon' }), '20');
    expect(await screen.findByText('2 structures')).toBeInTheDocument();
    expect(requested).toEqual([
      { nearCommune: '59392', radiusKm: 10, first: PAGE },
      { nearCommune: '59392', radiusKm: 20, first: PAGE },
    ]);
  });

  it('recherche autour de la position de l’utilisateur (géolocalisation)', async () => {
    const getCurrentPosition = vi.fn((success: PositionCallback) =>
      success({ coords: { latitude: 50.27751, longitude: 3.97342 } } as GeolocationPosition),
    );
    vi.stubGlobal('navigator', { ...navigator, geolocation: { getCurrentPosition } });
    const { user } = renderSearch([
      searchMock({}, searchResult([ressourcerie, scop], { totalCount: 2 })),
      searchMock(
        { near: { latitude: 50.278, longitude: 3.973, radiusKm: 10 } },
        searchResult([scop], { totalCount: 1, distances: [0.4] }),
      ),
    ]);

    await screen.findByText('2 structures');
    await user.click(screen.getByRole('button', { name: /Utiliser ma position/ }));

    expect(await screen.findByText('1 structure')).toBeInTheDocument();
    expect(getCurrentPosition).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('location')).toHaveTextContent('/recherche?lat=50.278&lon=3.973');
    expect(screen.getByRole('combobox', { name: 'Autour de la commune' })).toHaveDisplayValue('Ma position');
  });

  it('le tri et la bascule liste/carte passent par l’URL ; la carte reçoit les mêmes filtres', async () => {
    const { user } = renderSearch(
      [
        searchMock({ epci: ['200043396'] }, searchResult([ressourcerie], { totalCount: 1 })),
        searchMock({ epci: ['200043396'], sort: 'RECENT' }, searchResult([ressourcerie], { totalCount: 1 })),
      ],
      '/recherche?epci=200043396',
    );

    await screen.findByText('1 structure');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Trier par' }), 'Récentes');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/recherche?epci=200043396&tri=recentes'));

    expect(screen.queryByTestId('map')).not.toBeInTheDocument();
    const toggle = screen.getByRole('group', { name: 'Affichage des résultats' });
    expect(within(toggle).getByRole('button', { name: 'Liste' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(toggle).getByRole('button', { name: 'Carte' }));

    const map = await screen.findByTestId('map');
    expect(JSON.parse(map.getAttribute('data-filters') ?? '{}')).toEqual({ epci: ['200043396'], sort: 'RECENT' });
    expect(screen.getByTestId('location')).toHaveTextContent('vue=carte');
    expect(within(toggle).getByRole('button', { name: 'Carte' })).toHaveAttribute('aria-pressed', 'true');
    // On a small screen, the map replaces the list.
    expect(resultCards()).toHaveLength(0);

    await act(async () => {
      await user.click(within(toggle).getByRole('button', { name: 'Liste' }));
    });
    expect(screen.queryByTestId('map')).not.toBeInTheDocument();
    expect(resultCards()).toHaveLength(1);
  });
});
