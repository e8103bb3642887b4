import { render, screen, waitFor, within } from '@testing-library/react';
import { ApolloProvider } from '@apollo/client/react';
import { MockLink } from '@apollo/client/testing';
import { MemoryRouter } from 'react-router';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LOGIN_MUTATION } from './pages/LoginPage';
import { LOGOUT_MUTATION } from './components/Layout';
import { ADMIN_STRUCTURES_QUERY } from './pages/StructuresPage';
import { REQUEST_PASSWORD_RESET_MUTATION, RESET_PASSWORD_MUTATION } from './pages/PasswordPages';
import { currentLocation, renderApp, viewerMock } from './test/render';
import { createApolloClient } from './apollo';
import { App } from './App';

const account = {
  __typename: 'Account' as const,
  id: 'QWNjb3VudDox',
  email: 'mission@exemple.org',
  displayName: 'Camille Mission',
  roles: ['ADMIN' as const],
};

const emptyStructures: MockLink.MockedResponse = {
  request: {
    query: ADMIN_STRUCTURES_QUERY,
    variables: { text: null, status: null, sort: 'NAME', descending: false, page: 0, pageSize: 20 },
  },
  result: { data: { adminStructures: { __typename: 'AdminStructurePage', totalCount: 0, items: [] } } },
};

function loginMock(result: MockLink.MockedResponse['result']): MockLink.MockedResponse {
  return {
    request: { query: LOGIN_MUTATION, variables: { email: 'mission@exemple.org', password: 'un mot de passe solide' } },
    result,
  };
}

async function fillLogin(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText('Adresse e-mail'), 'mission@exemple.org');
  await user.type(screen.getByLabelText('Mot de passe'), 'un mot de passe solide');
  await user.click(screen.getByRole('button', { name: 'Se connecter' }));
}

describe('Session', () => {
  it('sends an anonymous visitor to the login page', async () => {
    renderApp('/structures?page=2', [viewerMock(null)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
    expect(currentLocation()).toBe('/connexion');
    expect(screen.queryByRole('navigation', { name: 'Navigation principale' })).not.toBeInTheDocument();
  });

  it('logs in and goes back to the page that was asked for', async () => {
    const { user } = renderApp('/structures', [viewerMock(null), loginMock({ data: { login: account } }), emptyStructures]);
    await fillLogin(user);
    expect(await screen.findByRole('heading', { level: 1, name: 'Structures' })).toBeInTheDocument();
    expect(currentLocation()).toBe('/structures');
    expect(screen.getByText('Camille Mission')).toBeInTheDocument();
    expect(await screen.findByText('Aucune structure pour le moment.')).toBeInTheDocument();
  });

  it('shows « Adresse e-mail ou mot de passe incorrect. » on INVALID_CREDENTIALS', async () => {
    const { user } = renderApp('/connexion', [
      viewerMock(null),
      loginMock({
        errors: [new GraphQLError('Adresse e-mail ou mot de passe incorrect.', { extensions: { code: 'INVALID_CREDENTIALS' } })],
      }),
    ]);
    await fillLogin(user);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Adresse e-mail ou mot de passe incorrect.');
    expect(currentLocation()).toBe('/connexion');
    expect(screen.getByLabelText('Mot de passe')).toHaveValue('');
  });

  it('shows the message of RATE_LIMITED', async () => {
    const { user } = renderApp('/connexion', [
      viewerMock(null),
      loginMock({
        errors: [
          new GraphQLError('Trop de tentatives de connexion. Réessayez dans 15 minutes.', {
            extensions: { code: 'RATE_LIMITED' },
          }),
        ],
      }),
    ]);
    await fillLogin(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('Trop de tentatives de connexion. Réessayez dans 15 minutes.');
  });

  it('asks for both fields before calling the API', async () => {
    const { user } = renderApp('/connexion', [viewerMock(null)]);
    await user.click(await screen.findByRole('button', { name: 'Se connecter' }));
    expect(screen.getByLabelText('Adresse e-mail')).toHaveAccessibleDescription('Indiquez votre adresse e-mail.');
    expect(screen.getByLabelText('Mot de passe')).toHaveAccessibleDescription('Indiquez votre mot de passe.');
    expect(screen.getByLabelText('Adresse e-mail')).toHaveFocus();
  });

  it('logs out from the header', async () => {
    const { user } = renderApp('/structures', [
      viewerMock(['ADMIN']),
      emptyStructures,
      { request: { query: LOGOUT_MUTATION }, result: { data: { logout: true } } },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Se déconnecter' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Vous êtes déconnecté·e.');
  });
});

describe('Navigation by role', () => {
  it('shows every domain to the mission (ADMIN)', async () => {
    renderApp('/structures', [viewerMock(['ADMIN']), emptyStructures]);
    const nav = await screen.findByRole('navigation', { name: 'Navigation principale' });
    const links = within(nav)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links).toEqual([
      'Tableau de bord',
      'Structures',
      'Secteurs',
      'Réseaux',
      'Tutorat',
      'Accompagnement',
      'Ateliers et chantiers',
      'Observatoire',
      "Plan d'action",
      'Modération',
      "Journal d'audit",
      'Comptes',
      'Import CSV',
      'Personnes',
      "Boîte d'envoi",
      'Tâches planifiées',
      'Annuaire public',
    ]);
  });

  it('shows the reading domains to the steering committee', async () => {
    renderApp('/structures', [viewerMock(['STEERING']), emptyStructures]);
    const nav = await screen.findByRole('navigation', { name: 'Navigation principale' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Tableau de bord',
      'Structures',
      'Secteurs',
      'Réseaux',
      'Tutorat',
      // Carriers' projects: read only.
      'Accompagnement',
      'Ateliers et chantiers',
      'Observatoire',
      "Plan d'action",
      'Modération',
      "Journal d'audit",
      // Persons: read only (the API lets the steering committee list them).
      'Personnes',
      'Annuaire public',
    ]);
    expect(screen.queryByRole('link', { name: 'Nouvelle structure' })).not.toBeInTheDocument();
  });

  it('shows only Structures to a structure editor, and refuses the other sections', async () => {
    renderApp('/comptes', [viewerMock(['STRUCTURE_EDITOR'])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès non autorisé' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Structures', 'Annuaire public']);
  });
});

describe('Password', () => {
  it('always answers « Si un compte existe, un e-mail a été envoyé. »', async () => {
    const { user } = renderApp('/mot-de-passe-oublie', [
      viewerMock(null),
      {
        request: { query: REQUEST_PASSWORD_RESET_MUTATION, variables: { email: 'inconnu@exemple.org' } },
        result: { data: { requestPasswordReset: true } },
      },
    ]);
    await user.type(await screen.findByLabelText('Adresse e-mail'), 'inconnu@exemple.org');
    await user.click(screen.getByRole('button', { name: 'Envoyer le lien' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Si un compte existe, un e-mail a été envoyé.');
  });

  it('requires 12 characters, then shows INVALID_TOKEN', async () => {
    const { user } = renderApp('/mot-de-passe?jeton=abc', [
      {
        request: { query: RESET_PASSWORD_MUTATION, variables: { token: 'abc', password: 'une phrase de passe' } },
        result: {
          errors: [
            new GraphQLError('Ce lien de réinitialisation est invalide, expiré ou déjà utilisé.', {
              extensions: { code: 'INVALID_TOKEN' },
            }),
          ],
        },
      },
    ]);
    await user.type(await screen.findByLabelText('Nouveau mot de passe'), 'court');
    await user.type(screen.getByLabelText('Confirmation du nouveau mot de passe'), 'court');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(screen.getByLabelText('Nouveau mot de passe')).toHaveAccessibleDescription(
      expect.stringContaining('Le mot de passe doit comporter au moins 12 caractères.'),
    );

    await user.clear(screen.getByLabelText('Nouveau mot de passe'));
    await user.clear(screen.getByLabelText('Confirmation du nouveau mot de passe'));
    await user.type(screen.getByLabelText('Nouveau mot de passe'), 'une phrase de passe');
    await user.type(screen.getByLabelText('Confirmation du nouveau mot de passe'), 'une phrase de passe');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Ce lien de réinitialisation est invalide, expiré ou déjà utilisé.',
    );
    await waitFor(() => expect(screen.getByRole('link', { name: 'Demander un nouveau lien' })).toBeInTheDocument());
  });
});

describe('Session end', () => {
  it('goes back to the login page when the API answers UNAUTHENTICATED', async () => {
    const client = createApolloClient(
      new MockLink([
        viewerMock(['ADMIN']),
        {
          request: {
            query: ADMIN_STRUCTURES_QUERY,
            variables: { text: null, status: null, sort: 'NAME', descending: false, page: 0, pageSize: 20 },
          },
          result: {
            errors: [
              new GraphQLError('Connectez-vous pour accéder à cette ressource.', { extensions: { code: 'UNAUTHENTICATED' } }),
            ],
          },
        },
      ]),
    );
    render(
      <ApolloProvider client={client}>
        <MemoryRouter initialEntries={['/structures']}>
          <App />
        </MemoryRouter>
      </ApolloProvider>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
  });
});
