import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { NetworkEditFieldsFragment, Role } from '../../gql/graphql';
import { AUDIT_LOG_QUERY } from '../../components/AuditEntries';
import { ADMIN_STRUCTURES_QUERY } from '../StructuresPage';
import { toGlobalId } from '../../lib/ids';
import { structureRow } from '../../test/fixtures';
import { axeViolations } from '../../test/axe';
import { currentLocation, renderApp, viewerMock } from '../../test/render';
import {
  ADD_NETWORK_MEMBER_MUTATION,
  ADMIN_NETWORKS_QUERY,
  ARCHIVE_NETWORK_MUTATION,
  CREATE_NETWORK_MUTATION,
  NETWORK_EDIT_QUERY,
  NETWORK_MEMBERS_QUERY,
  REMOVE_NETWORK_MEMBER_MUTATION,
  RESTORE_NETWORK_MUTATION,
  UPDATE_NETWORK_MUTATION,
} from './operations';

const NETWORK_ID = toGlobalId('Network', '2');
const MEMBER = { __typename: 'Structure' as const, id: toGlobalId('Structure', '1'), name: 'Structure 1' };

function network(extra: Partial<NetworkEditFieldsFragment> = {}) {
  return {
    __typename: 'Network' as const,
    id: NETWORK_ID,
    slug: 'cress-hdf',
    name: 'CRESS Hauts-de-France',
    acronym: 'CRESS',
    kind: 'REGIONAL_CHAMBER' as const,
    scope: 'REGION' as const,
    description: "Chambre régionale de l'ESS.",
    website: 'https://cress-hdf.example',
    status: 'ACTIVE',
    version: 3,
    memberCount: 1,
    ...extra,
  };
}

const ARCHIVED_ID = toGlobalId('Network', '4');

const listMock: MockLink.MockedResponse = {
  request: { query: ADMIN_NETWORKS_QUERY },
  result: {
    data: {
      networks: [
        network(),
        network({
          id: toGlobalId('Network', '3'),
          slug: 'apes',
          name: 'APES',
          acronym: null,
          kind: 'LOCAL_NETWORK',
          scope: 'REGION',
          memberCount: 40,
        }),
        network({
          id: ARCHIVED_ID,
          slug: 'ancien-reseau',
          name: 'Ancien réseau',
          acronym: null,
          kind: 'OTHER',
          scope: 'LOCAL',
          status: 'ARCHIVED',
          version: 6,
          memberCount: 2,
        }),
      ].map(({ description: _d, website: _w, ...row }) => row),
    },
  },
};

function editMock(n = network()): MockLink.MockedResponse {
  return { request: { query: NETWORK_EDIT_QUERY, variables: { slug: 'cress-hdf' } }, result: { data: { network: n } } };
}

function memberChange(field: 'addNetworkMember' | 'removeNetworkMember', changed: boolean, member: boolean, memberCount: number) {
  return {
    data: {
      [field]: {
        __typename: 'NetworkMembershipChange',
        changed,
        member,
        network: { __typename: 'Network', id: NETWORK_ID, memberCount },
      },
    },
  };
}

function membersMock(nodes = [MEMBER]): MockLink.MockedResponse {
  return {
    request: { query: NETWORK_MEMBERS_QUERY, variables: { slug: 'cress-hdf', first: 100 } },
    result: {
      data: {
        network: {
          __typename: 'Network',
          id: NETWORK_ID,
          members: { __typename: 'StructureConnection', totalCount: nodes.length, nodes },
        },
      },
    },
  };
}

const historyMock: MockLink.MockedResponse = {
  request: { query: AUDIT_LOG_QUERY, variables: { entityType: 'Network', entityId: '2', actor: null, action: null, first: 20 } },
  maxUsageCount: 10,
  result: {
    data: {
      auditLog: {
        __typename: 'AuditEntryConnection',
        totalCount: 0,
        edges: [],
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      },
    },
  },
};

function updateMock(input: Record<string, unknown>, result: MockLink.MockedResponse['result']): MockLink.MockedResponse {
  return { request: { query: UPDATE_NETWORK_MUTATION, variables: { id: NETWORK_ID, version: 3, input } }, result: result! };
}

function open(mocks: MockLink.MockedResponse[], roles: Role[] = ['ADMIN']) {
  return renderApp('/reseaux/cress-hdf', [viewerMock(roles), editMock(), membersMock(), historyMock, ...mocks]);
}

describe('Réseaux — liste', () => {
  it('lists the networks with their kind and members, filtered by kind', async () => {
    const { user } = renderApp('/reseaux', [viewerMock(['ADMIN']), listMock]);
    const table = await screen.findByRole('table');
    const row = within(table).getByRole('row', { name: /CRESS Hauts-de-France/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['CRESS', 'Chambre régionale', 'Régional', '1']);
    expect(within(row).getByRole('link', { name: 'CRESS Hauts-de-France' })).toHaveAttribute('href', '/reseaux/cress-hdf');
    expect(screen.getByRole('link', { name: 'Nouveau réseau' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Type de réseau'), 'LOCAL_NETWORK');
    expect(screen.getByRole('status')).toHaveTextContent('1 réseau');
    expect(currentLocation()).toBe('/reseaux?type=LOCAL_NETWORK');
    expect(screen.queryByRole('link', { name: 'CRESS Hauts-de-France' })).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('shows no creation button to the steering committee', async () => {
    renderApp('/reseaux', [viewerMock(['STEERING']), listMock]);
    await screen.findByRole('table');
    expect(screen.queryByRole('link', { name: 'Nouveau réseau' })).not.toBeInTheDocument();
  });

  it('hides the archived networks unless asked, and restores one under its version', async () => {
    const { user } = renderApp('/reseaux', [
      viewerMock(['ADMIN']),
      listMock,
      {
        request: { query: RESTORE_NETWORK_MUTATION, variables: { id: ARCHIVED_ID, version: 6 } },
        result: {
          data: {
            restoreNetwork: network({
              id: ARCHIVED_ID,
              slug: 'ancien-reseau',
              name: 'Ancien réseau',
              acronym: null,
              kind: 'OTHER',
              scope: 'LOCAL',
              status: 'ACTIVE',
              version: 7,
              memberCount: 2,
            }),
          },
        },
      },
    ]);
    const table = await screen.findByRole('table');
    expect(screen.getByText('2 réseaux')).toBeInTheDocument();
    expect(within(table).queryByRole('link', { name: 'Ancien réseau' })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Statut'), 'archives');
    expect(currentLocation()).toBe('/reseaux?statut=archives');
    expect(screen.getByText('1 réseau')).toBeInTheDocument();
    const row = within(screen.getByRole('table')).getByRole('row', { name: /Ancien réseau/ });
    expect(row).toHaveTextContent('Archivé');
    expect(await axeViolations()).toEqual([]);

    await user.click(within(row).getByRole('button', { name: 'Restaurer Ancien réseau' }));
    expect(await screen.findByText('Réseau « Ancien réseau » restauré.')).toHaveAttribute('role', 'status');
    // Now active: it left the archived ones, and is back among the active ones.
    expect(screen.getByText('Aucun réseau archivé.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Statut'), '');
    expect(within(screen.getByRole('table')).getByRole('link', { name: 'Ancien réseau' })).toBeInTheDocument();
    expect(screen.getByText('3 réseaux')).toBeInTheDocument();
  });

  it('lets the steering committee list the archived networks, without a button to restore them', async () => {
    const { user } = renderApp('/reseaux?statut=tous', [viewerMock(['STEERING']), listMock]);
    const table = await screen.findByRole('table');
    expect(screen.getByLabelText('Statut')).toHaveValue('tous');
    expect(within(table).getByRole('row', { name: /Ancien réseau/ })).toHaveTextContent('Archivé');
    expect(screen.queryByRole('button', { name: /Restaurer/ })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Statut'), 'archives');
    expect(within(screen.getByRole('table')).getAllByRole('rowheader')).toHaveLength(1);
  });

  it('offers no status filter to a facilitator (the API shows them no archived network)', async () => {
    renderApp('/reseaux?statut=archives', [viewerMock(['FACILITATOR']), listMock]);
    await screen.findByRole('table');
    expect(screen.queryByLabelText('Statut')).not.toBeInTheDocument();
    expect(screen.getByText('2 réseaux')).toBeInTheDocument();
  });
});

describe('Réseaux — fiche', () => {
  it('saves the changed fields with the loaded version', async () => {
    const { user } = open([
      updateMock(
        { scope: 'DEPARTEMENT', acronym: '' },
        { data: { updateNetwork: network({ scope: 'DEPARTEMENT', acronym: null, version: 4 }) } },
      ),
    ]);
    await user.selectOptions(await screen.findByLabelText('Échelle'), 'DEPARTEMENT');
    await user.clear(screen.getByLabelText('Sigle'));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toHaveAttribute('role', 'status');
    expect(screen.getByText(/Départemental · code cress-hdf · version 4/)).toBeInTheDocument();
  });

  it('shows a server validation error next to its field', async () => {
    const { user } = open([
      updateMock(
        { website: 'https://cress.example/a b' },
        {
          errors: [
            new GraphQLError('Certaines valeurs sont invalides.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'input.website', messages: ["L'adresse du site doit commencer par http:// ou https://."] }],
              },
            }),
          ],
        },
      ),
    ]);
    const website = await screen.findByLabelText('Site web');
    await user.clear(website);
    await user.type(website, 'https://cress.example/a b');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.getByLabelText('Site web')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Site web')).toHaveAccessibleDescription(
      expect.stringContaining("L'adresse du site doit commencer par http:// ou https://."),
    );
    const field = screen.getByLabelText('Site web').closest('.field') as HTMLElement;
    expect(within(field).getByText("L'adresse du site doit commencer par http:// ou https://.")).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('shows a conflict with the kind in French, and reloads the current version', async () => {
    const conflict = new GraphQLError('Cet élément a été modifié entre-temps par alice@exemple.org (version 4, la vôtre : 3).', {
      extensions: {
        code: 'CONFLICT',
        currentVersion: 4,
        changes: [{ field: 'kind', current: 'FEDERATION', submitted: 'OTHER' }],
        lastChangedBy: 'alice@exemple.org',
        lastChangedAt: null,
      },
    });
    const { user } = open([
      updateMock({ kind: 'OTHER' }, { errors: [conflict] }),
      editMock(network({ kind: 'FEDERATION', version: 4 })),
    ]);
    await user.selectOptions(await screen.findByLabelText('Type de réseau'), 'OTHER');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const panel = (await screen.findByText('Conflit de modification')).closest('section') as HTMLElement;
    expect(within(panel).getByRole('alert')).toHaveTextContent('Ce réseau a été modifié par alice@exemple.org');
    const row = within(panel).getByRole('row', { name: /Type de réseau/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Fédération', 'Autre réseau']);
    await user.click(within(panel).getByRole('button', { name: 'Recharger la version actuelle' }));
    await waitFor(() => expect(screen.getByLabelText('Type de réseau')).toHaveValue('FEDERATION'));
    expect(screen.queryByText('Conflit de modification')).not.toBeInTheDocument();
  });

  it('adds a member structure with one atomic call', async () => {
    const added = structureRow(5);
    const { user } = open([
      {
        request: {
          query: ADMIN_STRUCTURES_QUERY,
          variables: { text: 'jardin', status: null, sort: 'NAME', descending: false, page: 0, pageSize: 10 },
        },
        result: { data: { adminStructures: { __typename: 'AdminStructurePage', totalCount: 1, items: [added] } } },
      },
      {
        request: { query: ADD_NETWORK_MEMBER_MUTATION, variables: { networkId: NETWORK_ID, structureId: added.id } },
        result: memberChange('addNetworkMember', true, true, 2),
      },
    ]);
    const group = await screen.findByRole('group', { name: 'Membres de « CRESS Hauts-de-France »' });
    expect(await within(group).findByText('Structure 1')).toBeInTheDocument();
    await user.type(within(group).getByLabelText('Chercher une structure'), 'jardin{Enter}');
    await user.click(await within(group).findByRole('button', { name: 'Ajouter Structure 5' }));
    expect(await screen.findByText('« Structure 5 » fait maintenant partie du réseau.')).toHaveAttribute('role', 'status');
    expect(within(group).getByRole('button', { name: 'Retirer Structure 5' })).toBeInTheDocument();
  });

  it('says when a member was already there (nothing changed)', async () => {
    const added = structureRow(5);
    const { user } = open([
      {
        request: {
          query: ADMIN_STRUCTURES_QUERY,
          variables: { text: 'jardin', status: null, sort: 'NAME', descending: false, page: 0, pageSize: 10 },
        },
        result: { data: { adminStructures: { __typename: 'AdminStructurePage', totalCount: 1, items: [added] } } },
      },
      {
        request: { query: ADD_NETWORK_MEMBER_MUTATION, variables: { networkId: NETWORK_ID, structureId: added.id } },
        result: memberChange('addNetworkMember', false, true, 1),
      },
    ]);
    const group = await screen.findByRole('group', { name: 'Membres de « CRESS Hauts-de-France »' });
    await user.type(await within(group).findByLabelText('Chercher une structure'), 'jardin{Enter}');
    await user.click(await within(group).findByRole('button', { name: 'Ajouter Structure 5' }));
    expect(await screen.findByText("« Structure 5 » faisait déjà partie du réseau : rien n'a changé.")).toBeInTheDocument();
  });

  it('removes a member, and shows a refusal without changing the list', async () => {
    const { user } = open([
      {
        request: { query: REMOVE_NETWORK_MEMBER_MUTATION, variables: { networkId: NETWORK_ID, structureId: MEMBER.id } },
        result: {
          errors: [
            new GraphQLError('Cette structure n’existe pas.', { extensions: { code: 'NOT_FOUND', field: 'structureId' } }),
          ],
        },
      },
      {
        request: { query: REMOVE_NETWORK_MEMBER_MUTATION, variables: { networkId: NETWORK_ID, structureId: MEMBER.id } },
        result: memberChange('removeNetworkMember', true, false, 0),
      },
    ]);
    const group = await screen.findByRole('group', { name: 'Membres de « CRESS Hauts-de-France »' });
    await user.click(await within(group).findByRole('button', { name: 'Retirer Structure 1' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "« Structure 1 » n'a pas pu être retirée. Cette structure n’existe pas. Rechargez la page.",
    );
    expect(within(group).getByRole('button', { name: 'Retirer Structure 1' })).toBeInTheDocument();
    await user.click(within(group).getByRole('button', { name: 'Retirer Structure 1' }));
    expect(await screen.findByText('« Structure 1 » ne fait plus partie du réseau.')).toBeInTheDocument();
    expect(within(group).queryByRole('button', { name: 'Retirer Structure 1' })).not.toBeInTheDocument();
  });

  it('opens an archived network and restores it', async () => {
    const { user } = renderApp('/reseaux/cress-hdf', [
      viewerMock(['ADMIN']),
      editMock(network({ status: 'ARCHIVED', version: 5 })),
      membersMock(),
      historyMock,
      {
        request: { query: RESTORE_NETWORK_MUTATION, variables: { id: NETWORK_ID, version: 5 } },
        result: { data: { restoreNetwork: network({ status: 'ACTIVE', version: 6 }) } },
      },
      updateMock({ scope: 'DEPARTEMENT' }, { data: { updateNetwork: network({ scope: 'DEPARTEMENT', version: 7 }) } }),
    ]);
    expect(await screen.findByText("Ce réseau est archivé : il n'apparaît plus dans les vues publiques.")).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archiver' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Restaurer' }));
    expect(
      await screen.findByText('Réseau « CRESS Hauts-de-France » restauré : il figure de nouveau dans les vues publiques.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Archiver' })).toBeInTheDocument();
    expect(screen.getByText(/version 6/)).toBeInTheDocument();
  });

  it('archives after a confirmation, then goes back to the list', async () => {
    const { user } = open([
      {
        request: { query: ARCHIVE_NETWORK_MUTATION, variables: { id: NETWORK_ID, version: 3 } },
        result: { data: { archiveNetwork: network({ status: 'ARCHIVED', version: 4 }) } },
      },
      listMock,
    ]);
    await user.click(await screen.findByRole('button', { name: 'Archiver' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Archiver ce réseau ?' })).getByRole('button', { name: 'Archiver le réseau' }),
    );
    expect(await screen.findByText('Réseau « CRESS Hauts-de-France » archivé.')).toBeInTheDocument();
    expect(currentLocation()).toBe('/reseaux');
  });

  it('lets the steering committee read the network and its members, without any button to edit', async () => {
    open([], ['STEERING']);
    expect(await screen.findByText('Votre rôle permet de consulter ce réseau, pas de le modifier.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Structure 1' })).toBeInTheDocument();
    expect(screen.getByLabelText('Nom')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archiver' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Restaurer' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Chercher une structure')).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });
});

describe('Réseaux — création', () => {
  it('creates a network and opens it', async () => {
    const created = network({
      id: toGlobalId('Network', '9'),
      slug: 'reseau-des-ressourceries',
      name: 'Réseau des ressourceries',
      acronym: null,
      kind: 'FEDERATION',
      scope: 'NATIONAL',
      description: null,
      website: null,
      version: 1,
      memberCount: 0,
    });
    const { user } = renderApp('/reseaux/nouveau', [
      viewerMock(['ADMIN']),
      {
        request: {
          query: CREATE_NETWORK_MUTATION,
          variables: {
            input: { slug: 'reseau-des-ressourceries', name: 'Réseau des ressourceries', kind: 'FEDERATION', scope: 'NATIONAL' },
          },
        },
        result: { data: { createNetwork: created } },
      },
      {
        request: { query: NETWORK_EDIT_QUERY, variables: { slug: 'reseau-des-ressourceries' } },
        result: { data: { network: created } },
      },
      {
        request: { query: NETWORK_MEMBERS_QUERY, variables: { slug: 'reseau-des-ressourceries', first: 100 } },
        result: {
          data: {
            network: {
              __typename: 'Network',
              id: created.id,
              members: { __typename: 'StructureConnection', totalCount: 0, nodes: [] },
            },
          },
        },
      },
      { ...historyMock, request: { ...historyMock.request, variables: { ...historyMock.request.variables, entityId: '9' } } },
    ]);
    await user.type(await screen.findByLabelText('Nom'), 'Réseau des ressourceries');
    await user.selectOptions(screen.getByLabelText('Type de réseau'), 'FEDERATION');
    await user.selectOptions(screen.getByLabelText('Échelle'), 'NATIONAL');
    await user.click(screen.getByRole('button', { name: 'Créer le réseau' }));
    expect(await screen.findByText('Réseau créé.')).toBeInTheDocument();
    expect(currentLocation()).toBe('/reseaux/reseau-des-ressourceries');
  });
});
