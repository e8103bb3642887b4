import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../gql/graphql';
import { PICKER_DIRECTORY_QUERY } from '../../components/StructurePicker';
import { toGlobalId } from '../../lib/ids';
import { axeViolations } from '../../test/axe';
import { currentLocation, renderApp, viewerMock } from '../../test/render';
import {
  ADD_SPACE_DELIVERABLE_MUTATION,
  ADD_SPACE_PARTICIPANT_MUTATION,
  ADD_SPACE_SESSION_MUTATION,
  ARCHIVE_SPACE_MUTATION,
  CREATE_SPACE_MUTATION,
  REMOVE_SPACE_ITEM_MUTATION,
  UPDATE_SPACE_MUTATION,
} from './operations';
import { OTHER_SPACE_ID, SPACE_ID, SPACE_SECTORS, editMock, editableSpace, historyMock, referencesMock } from './testData';

function open(mocks: MockLink.MockedResponse[], roles: Role[] = ['ADMIN'], mySectors: string[] = []) {
  return renderApp(`/espaces/${SPACE_ID}`, [viewerMock(roles), editMock(), referencesMock(mySectors), historyMock(), ...mocks]);
}

function updateMock(version: number, input: Record<string, unknown>, result: MockLink.MockedResponse['result']) {
  return { request: { query: UPDATE_SPACE_MUTATION, variables: { id: SPACE_ID, version, input } }, result };
}

describe("Fiche d'un espace", () => {
  it('sends only the changed field with the loaded version', async () => {
    const { user } = open([
      updateMock(
        4,
        { title: 'Atelier mobilité' },
        { data: { updateSpace: editableSpace({ title: 'Atelier mobilité', version: 5 }) } },
      ),
    ]);
    const title = await screen.findByLabelText('Titre');
    expect(screen.getByRole('heading', { level: 1, name: 'Atelier mobilité solidaire' })).toBeInTheDocument();
    await user.clear(title);
    await user.type(title, 'Atelier mobilité');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('heading', { level: 1, name: 'Atelier mobilité' })).toBeInTheDocument();
    expect(screen.getByText(/version 5/)).toBeInTheDocument();
  });

  it('shows a server validation error next to the field concerned', async () => {
    const { user } = open([
      updateMock(
        4,
        { goal: 'Un objectif' },
        {
          errors: [
            new GraphQLError('Certaines valeurs sont invalides.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'input.goal', messages: ["L'objectif doit comporter entre 2 et 2 000 caractères."] }],
              },
            }),
          ],
        },
      ),
    ]);
    const goal = await screen.findByLabelText('Objectif');
    await user.clear(goal);
    await user.type(goal, 'Un objectif');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.getByLabelText('Objectif')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Objectif')).toHaveAccessibleDescription(
      expect.stringContaining("L'objectif doit comporter entre 2 et 2 000 caractères."),
    );
    const field = screen.getByLabelText('Objectif').closest('.field') as HTMLElement;
    expect(within(field).getByText("L'objectif doit comporter entre 2 et 2 000 caractères.")).toBeInTheDocument();
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: /^Objectif : / })).toHaveAttribute('href', '#space-goal');
    expect(screen.getByLabelText('Titre')).not.toHaveAttribute('aria-invalid');
    expect(await axeViolations()).toEqual([]);
  });

  it('puts an unknown sector error on the sector field', async () => {
    const { user } = open([
      updateMock(
        4,
        { sectorSlug: 'sap' },
        {
          errors: [
            new GraphQLError('Secteur inconnu : « sap ».', {
              extensions: { code: 'UNKNOWN_REFERENCE', field: 'sectorSlug' },
            }),
          ],
        },
      ),
    ]);
    await user.selectOptions(await screen.findByLabelText('Secteur'), 'sap');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Secteur')).toHaveAccessibleDescription(expect.stringContaining('Secteur inconnu')),
    );
  });

  it('shows a conflict (current value against the submitted one), writes nothing, and re-applies on the new version', async () => {
    const conflict = new GraphQLError('Cet élément a été modifié entre-temps par alice@exemple.org (version 5, la vôtre : 4).', {
      extensions: {
        code: 'CONFLICT',
        currentVersion: 5,
        changes: [
          { field: 'title', current: 'Atelier mobilité durable', submitted: 'Atelier covoiturage' },
          { field: 'sectorId', current: '2', submitted: '1' },
        ],
        lastChangedBy: 'alice@exemple.org',
        lastChangedAt: '2026-03-05T09:30:00.000Z',
      },
    });
    const newer = editableSpace({ version: 5, title: 'Atelier mobilité durable', description: 'Ajout d’Alice' });
    const { user } = open([
      updateMock(4, { title: 'Atelier covoiturage' }, { errors: [conflict] }),
      editMock(newer),
      updateMock(
        5,
        { title: 'Atelier covoiturage' },
        { data: { updateSpace: { ...newer, title: 'Atelier covoiturage', version: 6 } } },
      ),
    ]);
    const title = await screen.findByLabelText('Titre');
    await user.clear(title);
    await user.type(title, 'Atelier covoiturage');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const panel = (await screen.findByText('Conflit de modification')).closest('section') as HTMLElement;
    expect(within(panel).getByRole('alert')).toHaveTextContent('Cet espace a été modifié par alice@exemple.org');
    expect(within(panel).getByRole('alert')).toHaveTextContent("Rien n'a été enregistré");
    const table = within(panel).getByRole('table');
    const titleRow = within(table).getByRole('row', { name: /Titre/ });
    expect(
      within(titleRow)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Atelier mobilité durable', 'Atelier covoiturage']);
    const sectorRow = within(table).getByRole('row', { name: /Secteur/ });
    expect(
      within(sectorRow)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Services à la personne', "Insertion par l'activité économique"]);
    await waitFor(() => expect(panel).toHaveFocus());
    expect(screen.queryByText('Modifications enregistrées.')).not.toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Réappliquer mes modifications' }));
    await waitFor(() => expect(screen.queryByText('Conflit de modification')).not.toBeInTheDocument());
    expect(screen.getByLabelText('Titre')).toHaveValue('Atelier covoiturage');
    expect(screen.getByLabelText('Description')).toHaveValue('Ajout d’Alice');
    expect(screen.getByText(/réappliquées sur la version actuelle \(version 5\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toBeInTheDocument();
  });

  it('archives after a confirmation', async () => {
    const { user } = open([
      {
        request: { query: ARCHIVE_SPACE_MUTATION, variables: { id: SPACE_ID, version: 4 } },
        result: { data: { archiveSpace: editableSpace({ archived: true, version: 5 }) } },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Archiver' }));
    const dialog = screen.getByRole('dialog', { name: 'Archiver cet espace ?' });
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: "Archiver l'espace" }));
    expect(await screen.findByText(/Espace archivé/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archiver' })).not.toBeInTheDocument();
    expect(screen.getByText('Archivé', { selector: '.badge' })).toBeInTheDocument();
  });

  it('shows the steering committee everything and no control', async () => {
    renderApp(`/espaces/${SPACE_ID}`, [
      viewerMock(['STEERING']),
      editMock(editableSpace({ viewerCanEdit: false })),
      referencesMock(),
      historyMock(),
    ]);
    expect(await screen.findByText('Votre rôle permet de consulter cet espace, pas de le modifier.')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Séances de « Atelier mobilité solidaire »' })).toHaveTextContent('Maubeuge');
    expect(screen.getByRole('table', { name: /Participants de/ })).toHaveTextContent('Les Jardins de la Sambre');
    expect(screen.getByRole('link', { name: /Guide du covoiturage/ })).toHaveAttribute('href', 'https://exemple.org/guide.pdf');
    expect(screen.getByLabelText('Titre')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archiver' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Retirer/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ajouter/ })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Historique' })).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('gives a facilitator every control on a space of their sector', async () => {
    renderApp(`/espaces/${SPACE_ID}`, [viewerMock(['FACILITATOR']), editMock(), referencesMock(['iae'])]);
    expect(await screen.findByRole('button', { name: 'Enregistrer' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Archiver' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ajouter la séance' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Retirer la séance du / })).toBeInTheDocument();
    expect(screen.queryByText('Vous ne pouvez modifier que les espaces de vos secteurs.')).not.toBeInTheDocument();
    // No history (the audit log is for the mission); the sector list offers their own sectors only.
    expect(screen.queryByRole('heading', { name: 'Historique' })).not.toBeInTheDocument();
    expect(Array.from(screen.getByLabelText('Secteur').querySelectorAll('option')).map((o) => o.textContent)).toEqual([
      'Choisir un secteur',
      "Insertion par l'activité économique",
    ]);
    // Persons are searched by the mission only.
    expect(screen.queryByRole('group', { name: 'Personnes' })).not.toBeInTheDocument();
  });

  it('gives a facilitator no control on a space of another sector', async () => {
    const other = editableSpace({
      id: OTHER_SPACE_ID,
      title: 'Atelier aide à domicile',
      sector: SPACE_SECTORS[1]!,
      viewerCanEdit: false,
    });
    renderApp(`/espaces/${OTHER_SPACE_ID}`, [
      viewerMock(['FACILITATOR']),
      editMock(other, OTHER_SPACE_ID),
      referencesMock(['iae']),
    ]);
    expect(await screen.findByText('Vous ne pouvez modifier que les espaces de vos secteurs.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Atelier aide à domicile' })).toBeInTheDocument();
    expect(screen.getByLabelText('Titre')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archiver' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Retirer/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ajouter/ })).not.toBeInTheDocument();
  });

  it('adds a session (dates and place) and reports an unknown commune next to its field', async () => {
    const startsAt = new Date('2026-06-02T09:30').toISOString();
    const input = { startsAt, endsAt: null, place: 'Salle des fêtes', communeCode: '59999', notes: null };
    const added = editableSpace({
      sessions: [
        ...editableSpace().sessions,
        {
          __typename: 'SpaceSession',
          id: '32',
          startsAt,
          endsAt: null,
          place: 'Salle des fêtes',
          communeCode: '59392',
          commune: { __typename: 'Commune', id: toGlobalId('Commune', '59392'), name: 'Maubeuge' },
          notes: null,
        },
      ],
    });
    const { user } = open([
      {
        request: { query: ADD_SPACE_SESSION_MUTATION, variables: { spaceId: SPACE_ID, input } },
        result: {
          errors: [
            new GraphQLError('Code commune inconnu : « 59999 ».', {
              extensions: { code: 'UNKNOWN_TERRITORY_CODE', field: 'commune', value: '59999' },
            }),
          ],
        },
      },
      {
        request: {
          query: ADD_SPACE_SESSION_MUTATION,
          variables: { spaceId: SPACE_ID, input: { ...input, communeCode: '59392' } },
        },
        result: { data: { addSpaceSession: added } },
      },
    ]);
    const form = (await screen.findByRole('heading', { name: 'Ajouter une séance' })).closest('form') as HTMLElement;
    await user.type(within(form).getByLabelText('Début'), '2026-06-02T09:30');
    await user.type(within(form).getByLabelText('Lieu'), 'Salle des fêtes');
    await user.type(within(form).getByLabelText('Code commune (INSEE)'), '59999');
    await user.click(within(form).getByRole('button', { name: 'Ajouter la séance' }));
    await waitFor(() =>
      expect(within(form).getByLabelText('Code commune (INSEE)')).toHaveAccessibleDescription(
        expect.stringContaining('Code commune inconnu'),
      ),
    );
    expect(within(form).getByLabelText('Code commune (INSEE)')).toHaveFocus();
    const commune = within(form).getByLabelText('Code commune (INSEE)');
    await user.clear(commune);
    await user.type(commune, '59392');
    await user.click(within(form).getByRole('button', { name: 'Ajouter la séance' }));
    expect(await within(form).findByText('Séance ajoutée.')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: /Séances de/ })).toHaveTextContent('Salle des fêtes');
    expect(within(form).getByLabelText('Début')).toHaveValue('');
  });

  it('adds a structure as participant (directory search for a facilitator)', async () => {
    const jardins = { __typename: 'Structure' as const, id: toGlobalId('Structure', '13'), name: 'Recyclerie du Val' };
    const { user } = renderApp(`/espaces/${SPACE_ID}`, [
      viewerMock(['FACILITATOR']),
      editMock(),
      referencesMock(['iae']),
      {
        request: { query: PICKER_DIRECTORY_QUERY, variables: { text: 'recyclerie', first: 10 } },
        result: { data: { searchStructures: { __typename: 'StructureSearchResult', nodes: [jardins] } } },
      },
      {
        request: {
          query: ADD_SPACE_PARTICIPANT_MUTATION,
          variables: { spaceId: SPACE_ID, input: { structureId: jardins.id, role: 'CONTRIBUTOR' } },
        },
        result: {
          data: {
            addSpaceParticipant: editableSpace({
              participants: [
                ...editableSpace().participants,
                {
                  __typename: 'SpaceParticipant',
                  id: '42',
                  role: 'CONTRIBUTOR',
                  joinedAt: '2026-04-01',
                  structure: jardins,
                  person: null,
                },
              ],
            }),
          },
        },
      },
    ]);
    const form = (await screen.findByRole('heading', { name: 'Ajouter des participants' })).closest('form') as HTMLElement;
    await user.type(within(form).getByLabelText('Chercher une structure'), 'recyclerie');
    await user.click(within(form).getByRole('button', { name: 'Rechercher' }));
    await user.click(await within(form).findByRole('button', { name: 'Ajouter Recyclerie du Val' }));
    expect(within(form).getByRole('list', { name: 'Structures sélectionnées' })).toHaveTextContent('Recyclerie du Val');
    await user.selectOptions(within(form).getByLabelText('Rôle'), 'CONTRIBUTOR');
    await user.click(within(form).getByRole('button', { name: 'Ajouter les participants' }));
    expect(await within(form).findByText('Participant ajouté.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Participants de/ });
    expect(
      within(within(table).getByRole('row', { name: /Recyclerie du Val/ })).getByText('Contributeur·rice'),
    ).toBeInTheDocument();
  });

  it('adds a deliverable, with the API’s message next to the link', async () => {
    const input = { title: 'Compte rendu', kind: 'REPORT', deliveredAt: null, url: 'ftp://exemple.org', description: null };
    const { user } = open([
      {
        request: { query: ADD_SPACE_DELIVERABLE_MUTATION, variables: { spaceId: SPACE_ID, input } },
        result: {
          errors: [
            new GraphQLError('Certaines valeurs sont invalides.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'input.url', messages: ["L'adresse doit commencer par http:// ou https://."] }],
              },
            }),
          ],
        },
      },
      {
        request: {
          query: ADD_SPACE_DELIVERABLE_MUTATION,
          variables: { spaceId: SPACE_ID, input: { ...input, url: 'https://exemple.org/cr.pdf' } },
        },
        result: {
          data: {
            addSpaceDeliverable: editableSpace({
              deliverables: [
                ...editableSpace().deliverables,
                {
                  __typename: 'SpaceDeliverable',
                  id: '52',
                  title: 'Compte rendu',
                  kind: 'REPORT',
                  description: null,
                  url: 'https://exemple.org/cr.pdf',
                  deliveredAt: null,
                },
              ],
            }),
          },
        },
      },
    ]);
    const form = (await screen.findByRole('heading', { name: 'Ajouter un livrable' })).closest('form') as HTMLElement;
    await user.type(within(form).getByLabelText('Titre du livrable'), 'Compte rendu');
    await user.type(within(form).getByLabelText('Lien'), 'ftp://exemple.org');
    await user.click(within(form).getByRole('button', { name: 'Ajouter le livrable' }));
    await waitFor(() => expect(within(form).getByLabelText('Lien')).toHaveAttribute('aria-invalid', 'true'));
    expect(within(form).getByLabelText('Lien')).toHaveAccessibleDescription(
      expect.stringContaining('doit commencer par http://'),
    );
    const link = within(form).getByLabelText('Lien');
    await user.clear(link);
    await user.type(link, 'https://exemple.org/cr.pdf');
    await user.click(within(form).getByRole('button', { name: 'Ajouter le livrable' }));
    expect(await within(form).findByText('Livrable ajouté.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Compte rendu/ })).toHaveAttribute('href', 'https://exemple.org/cr.pdf');
  });

  it('removes a deliverable after a confirmation', async () => {
    const { user } = open([
      {
        request: { query: REMOVE_SPACE_ITEM_MUTATION, variables: { spaceId: SPACE_ID, item: 'deliverable', itemId: '51' } },
        result: { data: { removeSpaceItem: editableSpace({ deliverables: [] }) } },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Retirer le livrable « Guide du covoiturage »' }));
    const dialog = screen.getByRole('dialog', { name: 'Retirer ce livrable ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Retirer' }));
    expect(await screen.findByText('Aucun livrable.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says when the space does not exist', async () => {
    renderApp(`/espaces/${SPACE_ID}`, [
      viewerMock(['ADMIN']),
      { request: { query: editMock().request.query, variables: { id: SPACE_ID } }, result: { data: { node: null } } },
      referencesMock(),
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Espace introuvable' })).toBeInTheDocument();
  });
});

describe('Nouvel espace', () => {
  it('creates a chantier in a sector and opens its page', async () => {
    const created = editableSpace({
      __typename: 'Chantier',
      id: toGlobalId('Chantier', '9'),
      kind: 'CHANTIER',
      title: 'Chantier réemploi',
      goal: 'Monter une filière de réemploi.',
      status: 'PLANNED',
      version: 1,
      sessions: [],
      participants: [],
      deliverables: [],
    });
    const { user } = renderApp('/espaces/nouveau?type=chantiers', [
      viewerMock(['ADMIN']),
      referencesMock(),
      {
        request: {
          query: CREATE_SPACE_MUTATION,
          variables: {
            kind: 'CHANTIER',
            input: {
              sectorSlug: 'iae',
              title: 'Chantier réemploi',
              goal: 'Monter une filière de réemploi.',
              description: null,
              status: 'PLANNED',
            },
          },
        },
        result: { data: { createSpace: created } },
      },
      editMock(created, created.id),
      historyMock('9'),
    ]);
    expect(await screen.findByLabelText("Type d'espace")).toHaveValue('CHANTIER');
    expect(await axeViolations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: "Créer l'espace" }));
    // Client-side checks first, with a summary linking to the fields.
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Secteur : Choisissez le secteur.' })).toHaveAttribute(
      'href',
      '#space-sector',
    );
    await user.selectOptions(screen.getByLabelText('Secteur'), 'iae');
    await user.type(screen.getByLabelText('Titre'), 'Chantier réemploi');
    await user.type(screen.getByLabelText('Objectif'), 'Monter une filière de réemploi.');
    await user.click(screen.getByRole('button', { name: "Créer l'espace" }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Chantier réemploi' })).toBeInTheDocument();
    expect(currentLocation()).toBe(`/espaces/${created.id}`);
    expect(screen.getByText('Espace créé.')).toBeInTheDocument();
  });

  it('refuses the creation page to the steering committee', async () => {
    renderApp('/espaces/nouveau', [viewerMock(['STEERING'])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès non autorisé' })).toBeInTheDocument();
  });
});
