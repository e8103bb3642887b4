import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Role, SectorEditFieldsFragment } from '../../gql/graphql';
import { AUDIT_LOG_QUERY } from '../../components/AuditEntries';
import { PERSON_PICKER_QUERY } from '../../components/PersonPicker';
import { toGlobalId } from '../../lib/ids';
import { axeViolations } from '../../test/axe';
import { currentLocation, renderApp, viewerMock } from '../../test/render';
import {
  ADMIN_SECTORS_QUERY,
  ARCHIVE_SECTOR_MUTATION,
  CREATE_SECTOR_MUTATION,
  RESTORE_SECTOR_MUTATION,
  SECTOR_EDIT_QUERY,
  SET_SECTOR_FACILITATORS_MUTATION,
  UPDATE_SECTOR_MUTATION,
} from './operations';

const SECTOR_ID = toGlobalId('Sector', '3');
const ARCHIVED_ID = toGlobalId('Sector', '6');
const SACHA = { __typename: 'Person' as const, id: toGlobalId('Person', '7'), displayName: 'Sacha Martin' };
const NOA = { __typename: 'Person' as const, id: toGlobalId('Person', '8'), displayName: 'Noa Lefebvre' };

function sector(extra: Partial<SectorEditFieldsFragment> = {}) {
  return {
    __typename: 'Sector' as const,
    id: SECTOR_ID,
    slug: 'iae',
    name: "Insertion par l'activité économique",
    description: 'Les structures d’insertion du territoire.',
    status: 'ACTIVE',
    version: 4,
    structureCount: 12,
    facilitators: [SACHA],
    ...extra,
  };
}

const listMock: MockLink.MockedResponse = {
  request: { query: ADMIN_SECTORS_QUERY },
  result: {
    data: {
      sectors: [
        { ...sector(), facilitators: [SACHA] },
        {
          ...sector({ id: toGlobalId('Sector', '4'), slug: 'sap', name: 'Services à la personne', structureCount: 30 }),
          facilitators: [],
        },
        {
          ...sector({ id: toGlobalId('Sector', '5'), slug: 'alimentation', name: 'Alimentation durable', structureCount: 2 }),
          facilitators: [NOA],
        },
        {
          ...sector({
            id: ARCHIVED_ID,
            slug: 'tourisme',
            name: 'Tourisme solidaire',
            status: 'ARCHIVED',
            version: 9,
            structureCount: 0,
          }),
          facilitators: [],
        },
      ].map(({ description: _d, ...row }) => row),
    },
  },
};

function editMock(s = sector()): MockLink.MockedResponse {
  return { request: { query: SECTOR_EDIT_QUERY, variables: { slug: 'iae' } }, result: { data: { sector: s } } };
}

const historyMock: MockLink.MockedResponse = {
  request: { query: AUDIT_LOG_QUERY, variables: { entityType: 'Sector', entityId: '3', actor: null, action: null, first: 20 } },
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
  return { request: { query: UPDATE_SECTOR_MUTATION, variables: { id: SECTOR_ID, version: 4, input } }, result: result! };
}

function open(mocks: MockLink.MockedResponse[], roles: Role[] = ['ADMIN']) {
  return renderApp('/secteurs/iae', [viewerMock(roles), editMock(), historyMock, ...mocks]);
}

describe('Secteurs — liste', () => {
  it('lists the sectors with their facilitators, filters and sorts them in the browser', async () => {
    const { user } = renderApp('/secteurs', [viewerMock(['ADMIN']), listMock]);
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('link', { name: "Insertion par l'activité économique" })).toHaveAttribute(
      'href',
      '/secteurs/iae',
    );
    expect(within(table).getByRole('row', { name: /Alimentation durable/ })).toHaveTextContent('Noa Lefebvre');
    expect(within(table).getByRole('row', { name: /Services à la personne/ })).toHaveTextContent('Aucun');
    expect(screen.getByRole('status')).toHaveTextContent('3 secteurs');
    expect(screen.getByRole('link', { name: 'Nouveau secteur' })).toHaveAttribute('href', '/secteurs/nouveau');
    // By name (French order) first.
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['Alimentation durable', "Insertion par l'activité économique", 'Services à la personne']);

    await user.click(screen.getByRole('button', { name: /Structures publiées/ }));
    expect(screen.getByRole('columnheader', { name: /Structures publiées/ })).toHaveAttribute('aria-sort', 'descending');
    expect(within(table).getAllByRole('rowheader')[0]).toHaveTextContent('Services à la personne');
    expect(currentLocation()).toBe('/secteurs?tri=structures&ordre=desc');

    await user.type(screen.getByLabelText('Nom, code ou animateur'), 'sacha');
    expect(screen.getByRole('status')).toHaveTextContent('1 secteur');
    expect(within(screen.getByRole('table')).getAllByRole('rowheader')).toHaveLength(1);
  });

  it('shows no creation button to the steering committee', async () => {
    renderApp('/secteurs', [viewerMock(['STEERING']), listMock]);
    await screen.findByRole('table');
    expect(screen.queryByRole('link', { name: 'Nouveau secteur' })).not.toBeInTheDocument();
  });

  it('hides the archived sectors unless asked, and restores one under its version', async () => {
    const { user } = renderApp('/secteurs', [
      viewerMock(['ADMIN']),
      listMock,
      {
        request: { query: RESTORE_SECTOR_MUTATION, variables: { id: ARCHIVED_ID, version: 9 } },
        result: {
          data: {
            restoreSector: sector({
              id: ARCHIVED_ID,
              slug: 'tourisme',
              name: 'Tourisme solidaire',
              status: 'ACTIVE',
              version: 10,
              structureCount: 0,
              facilitators: [],
            }),
          },
        },
      },
    ]);
    const table = await screen.findByRole('table');
    expect(within(table).queryByRole('link', { name: 'Tourisme solidaire' })).not.toBeInTheDocument();
    expect(within(table).queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Statut'), 'tous');
    expect(currentLocation()).toBe('/secteurs?statut=tous');
    expect(screen.getByText('4 secteurs')).toBeInTheDocument();
    const row = within(screen.getByRole('table')).getByRole('row', { name: /Tourisme solidaire/ });
    expect(row).toHaveTextContent('Archivé');
    expect(within(screen.getByRole('table')).getAllByRole('button', { name: /^Restaurer/ })).toHaveLength(1);
    expect(await axeViolations()).toEqual([]);

    await user.click(within(row).getByRole('button', { name: 'Restaurer Tourisme solidaire' }));
    expect(await screen.findByText('Secteur « Tourisme solidaire » restauré.')).toHaveAttribute('role', 'status');
    await waitFor(() =>
      expect(within(screen.getByRole('table')).getByRole('row', { name: /Tourisme solidaire/ })).not.toHaveTextContent('Archivé'),
    );
    await user.selectOptions(screen.getByLabelText('Statut'), 'archives');
    expect(screen.getByText('Aucun secteur archivé.')).toBeInTheDocument();
  });

  it('says why a restore was refused', async () => {
    const { user } = renderApp('/secteurs?statut=archives', [
      viewerMock(['ADMIN']),
      listMock,
      {
        request: { query: RESTORE_SECTOR_MUTATION, variables: { id: ARCHIVED_ID, version: 9 } },
        result: {
          errors: [
            new GraphQLError('Cet élément a été modifié entre-temps.', { extensions: { code: 'CONFLICT', currentVersion: 10 } }),
          ],
        },
      },
      listMock,
    ]);
    await user.click(await screen.findByRole('button', { name: 'Restaurer Tourisme solidaire' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "« Tourisme solidaire » n'a pas pu être restauré. Il a été modifié entre-temps : la liste a été rechargée, réessayez.",
    );
  });

  it('lets the steering committee see the archived sectors, without a button to restore them', async () => {
    renderApp('/secteurs?statut=archives', [viewerMock(['STEERING']), listMock]);
    const table = await screen.findByRole('table');
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['Tourisme solidaire Archivé']);
    expect(screen.queryByRole('button', { name: /Restaurer/ })).not.toBeInTheDocument();
  });

  it('refuses the creation page to the steering committee', async () => {
    renderApp('/secteurs/nouveau', [viewerMock(['STEERING'])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès non autorisé' })).toBeInTheDocument();
  });

  it('is axe clean', async () => {
    renderApp('/secteurs', [viewerMock(['ADMIN']), listMock]);
    await screen.findByRole('table');
    expect(await axeViolations()).toEqual([]);
  });
});

describe('Secteurs — fiche', () => {
  it('saves a change with the loaded version', async () => {
    const { user } = open([
      updateMock(
        { description: 'SIAE et chantiers.' },
        { data: { updateSector: sector({ description: 'SIAE et chantiers.', version: 5 }) } },
      ),
    ]);
    const description = await screen.findByLabelText('Description');
    expect(screen.getByRole('heading', { level: 1, name: "Insertion par l'activité économique" })).toBeInTheDocument();
    expect(screen.getByLabelText('Code')).toHaveAttribute('readonly');
    await user.clear(description);
    await user.type(description, 'SIAE et chantiers.');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toHaveAttribute('role', 'status');
    expect(screen.getByText(/version 5/)).toBeInTheDocument();
  });

  it('replaces the facilitators with setSectorFacilitators', async () => {
    const { user } = open([
      {
        request: { query: PERSON_PICKER_QUERY, variables: { text: 'noa', page: 0, pageSize: 10 } },
        result: {
          data: {
            adminPersons: {
              __typename: 'AdminPersonPage',
              totalCount: 1,
              items: [{ ...NOA, jobTitle: 'Chargée de mission', structure: null }],
            },
          },
        },
      },
      {
        request: { query: SET_SECTOR_FACILITATORS_MUTATION, variables: { id: SECTOR_ID, version: 4, personIds: [NOA.id] } },
        result: { data: { setSectorFacilitators: sector({ facilitators: [NOA], version: 5 }) } },
      },
    ]);
    const group = await screen.findByRole('group', { name: 'Animateurs et animatrices' });
    await user.click(within(group).getByRole('button', { name: 'Retirer Sacha Martin' }));
    await user.type(within(group).getByLabelText('Chercher une personne'), 'noa{Enter}');
    await user.click(await within(group).findByRole('button', { name: 'Ajouter Noa Lefebvre' }));
    expect(within(group).getByRole('list', { name: 'Personnes choisies' })).toHaveTextContent('Noa Lefebvre');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toBeInTheDocument();
    expect(screen.getByText(/version 5/)).toBeInTheDocument();
  });

  it('saves the text, then the facilitators under the version the text left', async () => {
    const { user } = open([
      updateMock({ description: '' }, { data: { updateSector: sector({ description: null, version: 5 }) } }),
      {
        request: { query: SET_SECTOR_FACILITATORS_MUTATION, variables: { id: SECTOR_ID, version: 5, personIds: [] } },
        result: { data: { setSectorFacilitators: sector({ description: null, facilitators: [], version: 6 }) } },
      },
    ]);
    await user.clear(await screen.findByLabelText('Description'));
    const group = screen.getByRole('group', { name: 'Animateurs et animatrices' });
    await user.click(within(group).getByRole('button', { name: 'Retirer Sacha Martin' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toBeInTheDocument();
    expect(screen.getByText(/version 6/)).toBeInTheDocument();
    expect(screen.getByLabelText('Description')).toHaveValue('');
  });

  it('shows a conflict on the facilitators by name', async () => {
    const conflict = new GraphQLError('Cet élément a été modifié entre-temps par alice@exemple.org (version 5, la vôtre : 4).', {
      extensions: {
        code: 'CONFLICT',
        currentVersion: 5,
        changes: [{ field: 'facilitators', current: ['7', '12'], submitted: [] }],
        lastChangedBy: 'alice@exemple.org',
        lastChangedAt: null,
      },
    });
    const { user } = open([
      {
        request: { query: SET_SECTOR_FACILITATORS_MUTATION, variables: { id: SECTOR_ID, version: 4, personIds: [] } },
        result: { errors: [conflict] },
      },
    ]);
    const group = await screen.findByRole('group', { name: 'Animateurs et animatrices' });
    await user.click(within(group).getByRole('button', { name: 'Retirer Sacha Martin' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const panel = (await screen.findByText('Conflit de modification')).closest('section') as HTMLElement;
    const row = within(panel).getByRole('row', { name: /Animateurs et animatrices/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Sacha Martin, personne n° 12', '(aucun)']);
  });

  it('opens an archived sector and restores it', async () => {
    const { user } = renderApp('/secteurs/iae', [
      viewerMock(['ADMIN']),
      editMock(sector({ status: 'ARCHIVED', version: 7 })),
      historyMock,
      {
        request: { query: RESTORE_SECTOR_MUTATION, variables: { id: SECTOR_ID, version: 7 } },
        result: { data: { restoreSector: sector({ status: 'ACTIVE', version: 8 }) } },
      },
    ]);
    expect(await screen.findByText("Ce secteur est archivé : il n'apparaît plus dans les vues publiques.")).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archiver' })).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Restaurer' }));
    expect(
      await screen.findByText(
        "Secteur « Insertion par l'activité économique » restauré : il figure de nouveau dans les vues publiques.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Archiver' })).toBeInTheDocument();
    expect(screen.queryByText(/Ce secteur est archivé/)).not.toBeInTheDocument();
    expect(screen.getByText(/version 8/)).toBeInTheDocument();
  });

  it('shows a server validation error next to its field', async () => {
    const { user } = open([
      updateMock(
        { name: 'Insertion' },
        {
          errors: [
            new GraphQLError('Certaines valeurs sont invalides.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'input.name', messages: ['Ce nom est déjà pris par un autre secteur.'] }],
              },
            }),
          ],
        },
      ),
    ]);
    const name = await screen.findByLabelText('Nom');
    await user.clear(name);
    await user.type(name, 'Insertion');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.getByLabelText('Nom')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Nom')).toHaveAccessibleDescription('Ce nom est déjà pris par un autre secteur.');
    const field = screen.getByLabelText('Nom').closest('.field') as HTMLElement;
    expect(within(field).getByText('Ce nom est déjà pris par un autre secteur.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Nom : Ce nom est déjà pris par un autre secteur.' })).toHaveAttribute(
      'href',
      '#sector-name',
    );
    expect(screen.getByLabelText('Description')).not.toHaveAttribute('aria-invalid');
    expect(await axeViolations()).toEqual([]);
  });

  it('shows a conflict (current against submitted values) and overwrites nothing', async () => {
    const conflict = new GraphQLError('Cet élément a été modifié entre-temps par alice@exemple.org (version 5, la vôtre : 4).', {
      extensions: {
        code: 'CONFLICT',
        currentVersion: 5,
        changes: [{ field: 'name', current: 'Insertion (IAE)', submitted: 'Insertion' }],
        lastChangedBy: 'alice@exemple.org',
        lastChangedAt: '2025-03-05T09:30:00.000Z',
      },
    });
    const newer = sector({ name: 'Insertion (IAE)', version: 5 });
    const { user } = open([
      updateMock({ name: 'Insertion' }, { errors: [conflict] }),
      editMock(newer),
      {
        request: { query: UPDATE_SECTOR_MUTATION, variables: { id: SECTOR_ID, version: 5, input: { name: 'Insertion' } } },
        result: { data: { updateSector: sector({ name: 'Insertion', version: 6 }) } },
      },
    ]);
    const name = await screen.findByLabelText('Nom');
    await user.clear(name);
    await user.type(name, 'Insertion');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const panel = (await screen.findByText('Conflit de modification')).closest('section') as HTMLElement;
    expect(within(panel).getByRole('alert')).toHaveTextContent('Ce secteur a été modifié par alice@exemple.org');
    expect(within(panel).getByRole('alert')).toHaveTextContent("Rien n'a été enregistré.");
    const row = within(panel).getByRole('row', { name: /Nom/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Insertion (IAE)', 'Insertion']);
    await waitFor(() => expect(panel).toHaveFocus());
    expect(screen.queryByText('Modifications enregistrées.')).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);

    await user.click(within(panel).getByRole('button', { name: 'Réappliquer mes modifications' }));
    await waitFor(() => expect(screen.queryByText('Conflit de modification')).not.toBeInTheDocument());
    expect(screen.getByLabelText('Nom')).toHaveValue('Insertion');
    expect(screen.getByText(/réappliquées sur la version actuelle \(version 5\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toBeInTheDocument();
  });

  it('archives after a confirmation, then goes back to the list', async () => {
    const { user } = open([
      {
        request: { query: ARCHIVE_SECTOR_MUTATION, variables: { id: SECTOR_ID, version: 4 } },
        result: { data: { archiveSector: sector({ status: 'ARCHIVED', version: 5 }) } },
      },
      listMock,
    ]);
    await user.click(await screen.findByRole('button', { name: 'Archiver' }));
    const dialog = screen.getByRole('dialog', { name: 'Archiver ce secteur ?' });
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Archiver le secteur' }));
    expect(await screen.findByText("Secteur « Insertion par l'activité économique » archivé.")).toBeInTheDocument();
    expect(currentLocation()).toBe('/secteurs');
  });

  it('lets the steering committee read, without any button to edit', async () => {
    open([], ['STEERING']);
    expect(await screen.findByText('Votre rôle permet de consulter ce secteur, pas de le modifier.')).toBeInTheDocument();
    expect(screen.getByLabelText('Nom')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archiver' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Restaurer' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Retirer/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Chercher une personne')).not.toBeInTheDocument();
    expect(screen.getByText('Sacha Martin')).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('says when the sector does not exist (or was archived)', async () => {
    renderApp('/secteurs/iae', [
      viewerMock(['ADMIN']),
      { request: { query: SECTOR_EDIT_QUERY, variables: { slug: 'iae' } }, result: { data: { sector: null } } },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Secteur introuvable' })).toBeInTheDocument();
  });
});

describe('Secteurs — création', () => {
  it('derives the code from the name and opens the new sector', async () => {
    const created = sector({
      id: toGlobalId('Sector', '9'),
      slug: 'economie-circulaire',
      name: 'Économie circulaire',
      description: null,
      version: 1,
      structureCount: 0,
      facilitators: [],
    });
    const { user } = renderApp('/secteurs/nouveau', [
      viewerMock(['ADMIN']),
      {
        request: {
          query: CREATE_SECTOR_MUTATION,
          variables: { input: { slug: 'economie-circulaire', name: 'Économie circulaire' } },
        },
        result: { data: { createSector: created } },
      },
      {
        request: { query: SECTOR_EDIT_QUERY, variables: { slug: 'economie-circulaire' } },
        result: { data: { sector: created } },
      },
      { ...historyMock, request: { ...historyMock.request, variables: { ...historyMock.request.variables, entityId: '9' } } },
    ]);
    await user.type(await screen.findByLabelText('Nom'), 'Économie circulaire');
    expect(screen.getByLabelText('Code')).toHaveValue('economie-circulaire');
    await user.click(screen.getByRole('button', { name: 'Créer le secteur' }));
    expect(await screen.findByText('Secteur créé.')).toBeInTheDocument();
    expect(currentLocation()).toBe('/secteurs/economie-circulaire');
  });

  it('shows a duplicate code next to the code field', async () => {
    const { user } = renderApp('/secteurs/nouveau', [
      viewerMock(['ADMIN']),
      {
        request: { query: CREATE_SECTOR_MUTATION, variables: { input: { slug: 'iae', name: 'Insertion' } } },
        result: {
          errors: [new GraphQLError('Ce code est déjà utilisé.', { extensions: { code: 'BAD_USER_INPUT', field: 'slug' } })],
        },
      },
    ]);
    await user.type(await screen.findByLabelText('Nom'), 'Insertion');
    const code = screen.getByLabelText('Code');
    await user.clear(code);
    await user.type(code, 'iae');
    await user.click(screen.getByRole('button', { name: 'Créer le secteur' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Code')).toHaveAccessibleDescription(expect.stringContaining('déjà utilisé')),
    );
  });
});
