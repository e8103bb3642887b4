import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, currentLocation, viewerMock } from '../test/render';
import { AUDIT_LOG_QUERY } from '../components/AuditEntries';
import { ACCOUNTS_QUERY, CREATE_ACCOUNT_MUTATION } from './AccountsPage';
import { ADMIN_PERSONS_QUERY, ERASE_PERSON_MUTATION, PERSON_DATA_QUERY } from './PersonsPage';
import { MAIL_OUTBOX_QUERY } from './OutboxPage';
import { SECTORS } from '../test/fixtures';

function auditPage(variables: Record<string, unknown>, ids: string[], hasNextPage: boolean): MockLink.MockedResponse {
  return {
    request: { query: AUDIT_LOG_QUERY, variables },
    result: {
      data: {
        auditLog: {
          __typename: 'AuditEntryConnection',
          totalCount: 3,
          edges: ids.map((id) => ({
            __typename: 'AuditEntryEdge',
            cursor: `c${id}`,
            node: {
              __typename: 'AuditEntry',
              id,
              at: '2025-03-04T10:00:00.000Z',
              actor: 'mission@exemple.org',
              action: 'UPDATE',
              entityType: 'Structure',
              entityId: id,
              changes: [{ __typename: 'AuditChange', field: 'name', before: '"Avant"', after: `"Après ${id}"` }],
            },
          })),
          pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `c${ids[ids.length - 1]}` },
        },
      },
    },
  };
}

describe("Journal d'audit", () => {
  it('filters by type, actor and action, and loads more', async () => {
    const base = { entityId: null, first: 20 };
    const { user } = renderApp('/audit', [
      viewerMock(['ADMIN']),
      auditPage({ ...base, entityType: null, actor: null, action: null }, ['9'], false),
      auditPage({ ...base, entityType: 'Structure', actor: 'alice', action: 'UPDATE' }, ['3', '2'], true),
      auditPage({ ...base, entityType: 'Structure', actor: 'alice', action: 'UPDATE', after: 'c2' }, ['1'], false),
    ]);
    await screen.findByText('Après 9');
    await user.selectOptions(screen.getByLabelText("Type d'élément"), 'Structure');
    await user.type(screen.getByLabelText('Acteur (e-mail)'), 'alice');
    await user.selectOptions(screen.getByLabelText('Action'), 'UPDATE');
    await user.click(screen.getByRole('button', { name: 'Filtrer' }));
    expect(await screen.findByText('Après 3')).toBeInTheDocument();
    expect(currentLocation()).toBe('/audit?type=Structure&acteur=alice&action=UPDATE');
    expect(screen.getByRole('link', { name: 'Structure n° 3' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Voir plus' }));
    expect(await screen.findByText('Après 1')).toBeInTheDocument();
    expect(screen.getByText('Après 3')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Voir plus' })).not.toBeInTheDocument();
  });
});

const accountsMock: MockLink.MockedResponse = {
  request: { query: ACCOUNTS_QUERY, variables: { first: 50 } },
  maxUsageCount: 2,
  result: {
    data: {
      accounts: {
        __typename: 'AccountConnection',
        totalCount: 1,
        edges: [
          {
            __typename: 'AccountEdge',
            cursor: 'a1',
            node: {
              __typename: 'Account',
              id: 'QWNjb3VudDox',
              email: 'mission@exemple.org',
              displayName: 'Camille Mission',
              roles: ['ADMIN'],
              disabled: false,
              locked: true,
              lastLoginAt: null,
              version: 1,
              structures: [],
              sectors: [],
            },
          },
        ],
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'a1' },
      },
      sectors: SECTORS,
    },
  },
};

describe('Comptes', () => {
  it('lists the accounts and invites a person without a password', async () => {
    const { user } = renderApp('/comptes', [
      viewerMock(['ADMIN']),
      accountsMock,
      {
        request: {
          query: CREATE_ACCOUNT_MUTATION,
          variables: {
            input: {
              displayName: 'Alex Pilotage',
              email: 'alex@exemple.org',
              password: null,
              roles: ['STEERING'],
              structureIds: [],
              sectorSlugs: [],
            },
          },
        },
        result: {
          data: {
            createAccount: {
              __typename: 'Account',
              id: 'QWNjb3VudDoy',
              email: 'alex@exemple.org',
              displayName: 'Alex Pilotage',
              roles: ['STEERING'],
              disabled: false,
              locked: false,
              lastLoginAt: null,
              version: 1,
              structures: [],
              sectors: [],
            },
          },
        },
      },
    ]);
    const row = await screen.findByRole('row', { name: /Camille Mission/ });
    expect(within(row).getByText('Verrouillé')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nouveau compte' }));
    const dialog = screen.getByRole('dialog', { name: 'Nouveau compte' });
    await user.type(within(dialog).getByLabelText('Nom affiché'), 'Alex Pilotage');
    await user.type(within(dialog).getByLabelText('Adresse e-mail'), 'alex@exemple.org');
    await user.click(within(dialog).getByLabelText('Comité de pilotage (lecture)'));
    await user.click(within(dialog).getByRole('button', { name: 'Créer le compte' }));
    expect(await screen.findByText(/une invitation a été envoyée à alex@exemple.org/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('requires a role', async () => {
    const { user } = renderApp('/comptes', [viewerMock(['ADMIN']), accountsMock]);
    await user.click(await screen.findByRole('button', { name: 'Nouveau compte' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Créer le compte' }));
    expect(within(dialog).getByRole('group', { name: 'Rôles' })).toHaveAccessibleDescription('Choisissez au moins un rôle.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

const person = {
  __typename: 'Person' as const,
  id: 'UGVyc29uOjc',
  displayName: 'Sacha Martin',
  firstName: 'Sacha',
  lastName: 'Martin',
  email: 'sacha@exemple.org',
  isPublic: true,
  status: 'ACTIVE',
  structure: { __typename: 'Structure' as const, id: 'U3RydWN0dXJlOjE', name: 'Structure 1' },
  consents: [
    {
      __typename: 'Consent' as const,
      id: 'c1',
      scope: 'contact-public',
      version: '2025-01',
      grantedAt: '2025-01-10T10:00:00.000Z',
      withdrawnAt: null,
    },
  ],
};

function personsMock(items: unknown[]): MockLink.MockedResponse {
  return {
    request: { query: ADMIN_PERSONS_QUERY, variables: { text: null, status: null, page: 0, pageSize: 20 } },
    result: { data: { adminPersons: { __typename: 'AdminPersonPage', totalCount: items.length, items } } },
  };
}

describe('Personnes (RGPD)', () => {
  it('exports the data of a person as a JSON file', async () => {
    const createObjectURL = vi.fn(() => 'blob:export');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = renderApp('/personnes', [
      viewerMock(['ADMIN']),
      personsMock([person]),
      {
        request: { query: PERSON_DATA_QUERY, variables: { id: person.id } },
        result: { data: { personData: '{"person":{"firstName":"Sacha"}}' } },
      },
    ]);
    await screen.findByText('1 personne');
    await user.click(await screen.findByRole('button', { name: /Gérer les données de Sacha Martin/ }));
    expect(screen.getByRole('rowheader', { name: 'contact-public' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Exporter (JSON)' }));
    expect(await screen.findByText('Export téléchargé.')).toBeInTheDocument();
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(clicked).toHaveBeenCalledTimes(1);
  });

  it('anonymises after « Anonymiser définitivement »', async () => {
    let erased = false;
    const { user } = renderApp('/personnes', [
      viewerMock(['ADMIN']),
      personsMock([person]),
      {
        request: { query: ERASE_PERSON_MUTATION, variables: { id: person.id } },
        result: () => {
          erased = true;
          return {
            data: {
              erasePerson: {
                __typename: 'Person',
                id: person.id,
                displayName: 'Personne anonymisée',
                firstName: null,
                lastName: null,
                email: null,
                isPublic: false,
              },
            },
          };
        },
      },
      personsMock([]),
    ]);
    await user.click(await screen.findByRole('button', { name: /Gérer les données de Sacha Martin/ }));
    await user.click(screen.getByRole('button', { name: 'Anonymiser' }));
    const dialog = screen.getByRole('dialog', { name: 'Anonymiser Sacha Martin ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(erased).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Anonymiser' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Anonymiser définitivement' }));
    await waitFor(() => expect(erased).toBe(true));
    expect(await screen.findByText('Les données de Sacha Martin ont été anonymisées.')).toBeInTheDocument();
  });
});

describe("Boîte d'envoi", () => {
  const mail = (id: string, o: Record<string, unknown>) => ({
    __typename: 'MailMessage' as const,
    id,
    recipient: 'alex@exemple.org',
    subject: 'Essor — invitation',
    template: 'invitation',
    status: 'SENT',
    transport: 'OUTBOX',
    attempts: 1,
    lastError: null,
    body: null,
    createdAt: '2025-03-04T10:00:00.000Z',
    sentAt: '2025-03-04T10:00:02.000Z',
    ...o,
  });
  const outbox = (status: string[] | null, messages: unknown[]) => ({
    request: { query: MAIL_OUTBOX_QUERY, variables: { first: 50, status } },
    result: { data: { mailOutbox: messages } },
  });

  it('lists the mail of the platform with its status, and filters by status', async () => {
    const { user } = renderApp('/boite-d-envoi', [
      viewerMock(['ADMIN']),
      outbox(null, [
        mail('1', { body: 'Bonjour,\nChoisissez votre mot de passe : http://localhost:4000/admin/mot-de-passe?jeton=abc' }),
        mail('2', { subject: 'Essor — réinitialisation', transport: 'SMTP' }),
        mail('3', {
          subject: 'Essor — votre proposition',
          status: 'FAILED',
          transport: null,
          attempts: 10,
          lastError: '550 Mailbox unavailable: …@…',
        }),
      ]),
      outbox(
        ['FAILED'],
        [
          mail('3', {
            subject: 'Essor — votre proposition',
            status: 'FAILED',
            transport: null,
            attempts: 10,
            lastError: '550 Mailbox unavailable: …@…',
          }),
        ],
      ),
    ]);
    const invitation = (await screen.findByRole('heading', { level: 2, name: 'Essor — invitation' })).closest('li')!;
    expect(within(invitation).getByText('Envoyé')).toHaveClass('badge');
    expect(within(invitation).getByText(/aucun serveur SMTP n'est configuré/)).toBeInTheDocument();
    expect(within(invitation).getByText(/jeton=abc/)).toBeInTheDocument();
    const reset = screen.getByRole('heading', { level: 2, name: 'Essor — réinitialisation' }).closest('li')!;
    expect(within(reset).getByText(/Remis au serveur SMTP/)).toBeInTheDocument();
    expect(within(reset).getByText('Contenu non conservé : il contenait un lien personnel.')).toBeInTheDocument();
    const failed = screen.getByRole('heading', { level: 2, name: 'Essor — votre proposition' }).closest('li')!;
    expect(within(failed).getByText('En échec')).toBeInTheDocument();
    expect(
      within(failed).getByText(/Abandonné après 10 tentatives\. Dernière erreur : 550 Mailbox unavailable/),
    ).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Messages affichés'), 'en-echec');
    expect(await screen.findByRole('heading', { level: 2, name: 'Essor — votre proposition' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: 'Essor — invitation' })).not.toBeInTheDocument();
    expect(currentLocation()).toBe('/boite-d-envoi?statut=en-echec');
  });
});
