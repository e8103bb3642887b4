import { screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { HOME_PANORAMA_QUERY } from './pages/HomePage';
import { MENTOR_OFFERS_QUERY } from './pages/MentoringPage';
import { PROPOSE_STRUCTURE_MUTATION } from './pages/ProposeStructurePage';
import { SECTOR_PAGE_QUERY } from './pages/SectorPage';
import { SPACE_PAGE_QUERY } from './pages/SpacePage';
import { facets, structureNode, territoryCommunesMock } from './test/fixtures';
import { renderApp } from './test/render';

const fv = (value: string, label: string, count: number) => ({ __typename: 'FacetValue', value, label, count });

const homeMock = {
  request: { query: HOME_PANORAMA_QUERY },
  result: {
    data: {
      panorama: {
        __typename: 'StructureSearchResult',
        totalCount: 330,
        facets: {
          ...facets(),
          essFamily: [fv('ASSOCIATION', 'Association', 266), fv('ENTREPRISE_ESS', "Entreprise commerciale de l'ESS", 20)],
          sector: [fv('iae', "Insertion par l'activité économique (IAE)", 67)],
          epci: [fv('200043396', 'CA Maubeuge Val de Sambre', 164)],
        },
      },
      recent: {
        __typename: 'StructureSearchResult',
        edges: [
          {
            __typename: 'StructureSearchEdge',
            cursor: 'c1',
            node: structureNode({ id: 's9', name: 'Épicerie solidaire du Sud Avesnois', essFamily: 'ASSOCIATION' }),
          },
        ],
      },
      upcomingSessions: [
        {
          __typename: 'SpaceSession',
          id: '16',
          startsAt: '2026-11-30T13:00:00.000Z',
          place: 'Mairie de Feignies, salle du conseil',
          commune: { __typename: 'Commune', id: 'c-feignies', code: '59225', name: 'Feignies' },
          space: {
            __typename: 'Chantier',
            id: 'Q2hhbnRpZXI6Nw',
            kind: 'CHANTIER',
            title: 'Le financement solidaire',
            sector: { __typename: 'Sector', id: 'sec-fin', name: 'Finance solidaire' },
          },
        },
      ],
    },
  },
};

describe('Application', () => {
  it('accueil : panorama par famille, secteur et EPCI, structures récentes, prochaines séances, appel à contribuer', async () => {
    renderApp([homeMock]);

    expect(await screen.findByRole('heading', { level: 1, name: "Annuaire de l'ESS en Sambre-Avesnois" })).toBeInTheDocument();
    // The title is set in an effect, after the render that shows the page.
    await waitFor(() => expect(document.title).toBe("Annuaire de l'ESS en Sambre-Avesnois"));
    expect(screen.getByRole('link', { name: 'Aller au contenu principal' })).toHaveAttribute('href', '#contenu');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'contenu');

    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Accueil', 'Rechercher', 'Secteurs', 'Réseaux', 'Tutorat', 'Observatoire', 'Ajouter ma structure']);
    expect(within(nav).getByRole('link', { name: 'Accueil' })).toHaveAttribute('aria-current', 'page');

    expect(await screen.findByText('330 structures')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Association 266 structures sur 330' })).toHaveAttribute(
      'href',
      '/recherche?famille=ASSOCIATION',
    );
    expect(screen.getByRole('link', { name: /^CA Maubeuge Val de Sambre 164/ })).toHaveAttribute(
      'href',
      '/territoire/epci/200043396',
    );
    expect(screen.getByRole('link', { name: /^Insertion par l'activité économique \(IAE\) 67/ })).toHaveAttribute(
      'href',
      '/secteurs/iae',
    );
    expect(screen.getByRole('link', { name: 'Épicerie solidaire du Sud Avesnois' })).toHaveAttribute('href', '/structures/s9');
    const sessions = screen.getByRole('region', { name: 'Prochains rendez-vous' });
    expect(within(sessions).getByText('lundi 30 novembre 2026 à 14:00')).toBeInTheDocument();
    expect(within(sessions).getByText('Chantier')).toBeInTheDocument();
    expect(within(sessions).getByRole('link', { name: 'Le financement solidaire' })).toHaveAttribute(
      'href',
      '/chantiers/Q2hhbnRpZXI6Nw',
    );
    expect(screen.getAllByRole('link', { name: 'Ajouter ma structure' }).at(-1)).toHaveAttribute('href', '/ajouter');
  });

  it('accueil : la recherche mène à /recherche?q=…', async () => {
    const { user } = renderApp([homeMock, territoryCommunesMock]);
    await user.type(
      await screen.findByRole('searchbox', { name: 'Rechercher une structure, un service, une activité' }),
      'insertion',
    );
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/recherche?q=insertion'));
  });

  it('page 404 pour une adresse inconnue', async () => {
    renderApp([], '/nulle-part');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toBeInTheDocument();
    // The title is set in an effect, after the render that shows the page.
    await waitFor(() => expect(document.title).toBe("Page introuvable — Annuaire de l'ESS en Sambre-Avesnois"));
  });

  it('secteur : animateurs, espaces participatifs et structures paginées', async () => {
    const sector = (edges: ReturnType<typeof structureNode>[], hasNextPage: boolean) => ({
      data: {
        sector: {
          __typename: 'Sector',
          id: 'sec1',
          slug: 'mobilite',
          name: 'Mobilité',
          description: 'Se déplacer autrement.',
          structureCount: 3,
          facilitators: [
            {
              __typename: 'Person',
              id: 'p1',
              displayName: 'Animatrice du secteur',
              jobTitle: null,
              email: null,
              phone: null,
              structure: null,
            },
          ],
          workshops: [
            { __typename: 'Workshop', id: 'w1', kind: 'WORKSHOP', title: 'Covoiturage', status: 'ACTIVE', goal: 'Partager.' },
          ],
          chantiers: [],
          studyDays: [],
          structures: {
            __typename: 'StructureConnection',
            totalCount: 3,
            edges: edges.map((node) => ({ __typename: 'StructureEdge', cursor: `cursor-${node.id}`, node })),
            pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `cursor-${edges.at(-1)?.id}` },
          },
        },
      },
    });
    const a = structureNode({ id: 'a', name: 'Garage solidaire', essFamily: 'ASSOCIATION' });
    const b = structureNode({ id: 'b', name: 'Vélo-école', essFamily: 'ASSOCIATION' });
    const c = structureNode({ id: 'c', name: 'Auto-partage coopératif', essFamily: 'COOPERATIVE' });
    const { user } = renderApp(
      [
        { request: { query: SECTOR_PAGE_QUERY, variables: { slug: 'mobilite' } }, result: sector([a, b], true) },
        {
          request: { query: SECTOR_PAGE_QUERY, variables: { slug: 'mobilite', after: 'cursor-b' } },
          result: sector([c], false),
        },
      ],
      '/secteurs/mobilite',
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Mobilité' })).toBeInTheDocument();
    // The title is set in an effect, after the render that shows the page.
    await waitFor(() => expect(document.title).toBe("Secteur Mobilité — Annuaire de l'ESS en Sambre-Avesnois"));
    expect(screen.getByText('Animatrice du secteur')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Covoiturage' })).toHaveAttribute('href', '/ateliers/w1');
    expect(screen.getByText('Aucun chantier.')).toBeInTheDocument();
    expect(screen.getAllByTestId('result-card')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Voir plus' }));
    expect(await screen.findByRole('link', { name: 'Auto-partage coopératif' })).toHaveFocus();
    expect(screen.getAllByTestId('result-card')).toHaveLength(3);
  });

  it('espace participatif : objectif, séances en français, participants et livrables', async () => {
    renderApp(
      [
        {
          request: {
            query: SPACE_PAGE_QUERY,
            variables: { id: 'w1', workshop: true, chantier: false, studyDay: false },
          },
          result: {
            data: {
              workshop: {
                __typename: 'Workshop',
                id: 'w1',
                kind: 'WORKSHOP',
                title: 'Participer à un salon',
                goal: 'Préparer ensemble la présence des structures sur les salons.',
                description: null,
                status: 'ACTIVE',
                sector: { __typename: 'Sector', id: 'sec', slug: 'culture', name: 'Culture' },
                sessions: [
                  {
                    __typename: 'SpaceSession',
                    id: '1',
                    startsAt: '2027-02-22T08:30:00.000Z',
                    endsAt: '2027-02-22T10:30:00.000Z',
                    place: 'Tiers-lieu de Recquignies',
                    notes: null,
                    commune: { __typename: 'Commune', id: 'c', code: '59490', name: 'Recquignies' },
                  },
                ],
                participants: [
                  {
                    __typename: 'SpaceParticipant',
                    id: 'pa1',
                    role: 'CONTRIBUTOR',
                    structure: { __typename: 'Structure', id: 's1', name: 'Chorale Le Cercle' },
                    person: null,
                  },
                  {
                    __typename: 'SpaceParticipant',
                    id: 'pa2',
                    role: 'FACILITATOR',
                    structure: null,
                    person: { __typename: 'Person', id: 'p1', displayName: 'Laura Gosselin', jobTitle: null },
                  },
                ],
                deliverables: [
                  {
                    __typename: 'SpaceDeliverable',
                    id: 'd1',
                    kind: 'TOOL',
                    title: 'Boîte à outils',
                    description: null,
                    url: null,
                    deliveredAt: '2026-10-01',
                  },
                ],
              },
            },
          },
        },
      ],
      '/ateliers/w1',
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Participer à un salon' })).toBeInTheDocument();
    expect(screen.getByText('En cours')).toBeInTheDocument();
    expect(screen.getByText('lundi 22 février 2027 à 09:30')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Recquignies' })).toHaveAttribute('href', '/territoire/communes/59490');
    expect(screen.getByRole('link', { name: 'Chorale Le Cercle' })).toHaveAttribute('href', '/structures/s1');
    expect(screen.getByText('Laura Gosselin')).toBeInTheDocument();
    expect(screen.getByText('Boîte à outils')).toBeInTheDocument();
    expect(screen.getByText('Livré le 1 octobre 2026')).toBeInTheDocument();
  });

  it('tutorat : le filtre par thème passe par l’URL et la requête', async () => {
    const offer = {
      __typename: 'MentorOffer',
      id: 'm1',
      title: 'Répondre aux appels à projets',
      description: null,
      availability: 'Le mercredi après-midi',
      status: 'OPEN',
      themes: ['FUNDING', 'GROWTH'],
      mentor: { __typename: 'Person', id: 'p1', displayName: 'Philippe Delvaux', jobTitle: null, structure: null },
    };
    const page = (offers: (typeof offer)[]) => ({
      data: {
        mentorOffers: {
          __typename: 'MentorOfferConnection',
          totalCount: offers.length,
          edges: offers.map((node) => ({ __typename: 'MentorOfferEdge', cursor: node.id, node })),
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        },
      },
    });
    const { user } = renderApp(
      [
        {
          request: { query: MENTOR_OFFERS_QUERY, variables: {} },
          result: page([offer, { ...offer, id: 'm2', title: 'Gouverner', themes: ['GOVERNANCE'] }]),
        },
        { request: { query: MENTOR_OFFERS_QUERY, variables: { theme: ['FUNDING'] } }, result: page([offer]) },
      ],
      '/tutorat',
    );

    expect(await screen.findByText('2 offres')).toBeInTheDocument();
    expect(screen.getAllByText('Philippe Delvaux')).toHaveLength(2);
    const themes = screen.getByRole('group', { name: 'Thèmes' });
    await user.click(within(themes).getByRole('checkbox', { name: 'Financement' }));
    expect(await screen.findByText('1 offre')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/tutorat?theme=FUNDING');
    const article = screen.getByRole('article', { name: 'Répondre aux appels à projets' });
    expect(within(article).getByText('Le mercredi après-midi')).toBeInTheDocument();
    expect(within(article).getByText('Croissance, changement d’échelle')).toBeInTheDocument();
  });

  it('« Ajouter ma structure » : erreur typée sur le SIRET puis succès', async () => {
    const input = { name: 'Épicerie solidaire', communeCode: '59392', submitterEmail: 'a@exemple.org', siret: '123' };
    const { user } = renderApp(
      [
        territoryCommunesMock,
        {
          request: { query: PROPOSE_STRUCTURE_MUTATION, variables: { input } },
          result: {
            errors: [
              new GraphQLError('Le SIRET doit comporter 14 chiffres et sa clé de contrôle (Luhn) doit être juste.', {
                extensions: { code: 'INVALID_SIRET', field: 'siret' },
              }),
            ],
          },
        },
        {
          request: { query: PROPOSE_STRUCTURE_MUTATION, variables: { input: { ...input, siret: undefined } } },
          result: { data: { proposeStructure: { __typename: 'StructureSubmission', id: 'x', status: 'PENDING' } } },
        },
      ],
      '/ajouter',
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Ajouter ma structure' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /Nom de la structure/ }), 'Épicerie solidaire');
    const commune = screen.getByRole('combobox', { name: /Commune/ });
    await within(commune).findByRole('option', { name: 'Maubeuge (59600)' });
    await user.selectOptions(commune, '59392');
    const siret = screen.getByRole('textbox', { name: 'SIRET' });
    await user.type(siret, '123');
    await user.type(screen.getByRole('textbox', { name: /Votre adresse e-mail/ }), 'a@exemple.org');
    await user.click(screen.getByRole('button', { name: 'Envoyer ma proposition' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('SIRET : Le SIRET doit comporter 14 chiffres');
    expect(siret).toHaveAttribute('aria-invalid', 'true');
    expect(siret).toHaveAccessibleDescription(/Le SIRET doit comporter 14 chiffres/);

    await user.clear(siret);
    await user.click(screen.getByRole('button', { name: 'Envoyer ma proposition' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Merci, votre proposition a bien été envoyée.');
  });
});
