import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { PersonEditFieldsFragment, Role } from '../../gql/graphql';
import { AUDIT_LOG_QUERY } from '../../components/AuditEntries';
import { toGlobalId } from '../../lib/ids';
import { structureRow } from '../../test/fixtures';
import { axeViolations } from '../../test/axe';
import { currentLocation, renderApp, viewerMock } from '../../test/render';
import { ADMIN_STRUCTURES_QUERY } from '../StructuresPage';
import { ADMIN_PERSONS_QUERY } from '../PersonsPage';
import {
  ARCHIVE_PERSON_MUTATION,
  CREATE_PERSON_MUTATION,
  ERASE_PERSON_MUTATION,
  PERSON_EDIT_QUERY,
  RESTORE_PERSON_MUTATION,
  UPDATE_PERSON_MUTATION,
} from './operations';

const PERSON_ID = toGlobalId('Person', '7');
const STRUCTURE = { __typename: 'Structure' as const, id: toGlobalId('Structure', '1'), name: 'Structure 1' };
const CONSENT = {
  __typename: 'Consent' as const,
  id: 'c1',
  scope: 'contact-public',
  version: '2025-01',
  grantedAt: '2025-01-10T10:00:00.000Z',
  withdrawnAt: null,
};

/** What the versioned mutations return. */
function person(extra: Partial<Record<keyof PersonEditFieldsFragment, unknown>> = {}) {
  return {
    __typename: 'Person' as const,
    id: PERSON_ID,
    displayName: 'Sacha Martin',
    firstName: 'Sacha',
    lastName: 'Martin',
    email: 'sacha@exemple.org',
    phone: '03 27 00 00 01',
    jobTitle: 'Chargée de mission',
    bio: null,
    isPublic: false,
    anonymisedAt: null,
    lastContactAt: '2025-03-05T00:00:00.000Z',
    status: 'ACTIVE',
    version: 4,
    structure: STRUCTURE,
    ...extra,
  };
}

/** What the person's page loads. */
function loaded(extra: Partial<Record<keyof PersonEditFieldsFragment, unknown>> = {}, consents: unknown[] = [CONSENT]) {
  return {
    ...person(extra),
    consents,
    facilitatedSectors: [{ __typename: 'Sector' as const, id: toGlobalId('Sector', '3'), slug: 'iae', name: 'Insertion' }],
    mentorOffers: [],
    carrierProjects: [
      {
        __typename: 'CarrierProject' as const,
        id: toGlobalId('CarrierProject', '7'),
        title: 'Le fournil',
        stage: 'SUPPORTED',
        archived: false,
      },
    ],
  };
}

function editMock(p = loaded(), id = PERSON_ID): MockLink.MockedResponse {
  return { request: { query: PERSON_EDIT_QUERY, variables: { id } }, result: { data: { person: p } } };
}

function historyMock(entityId = '7'): MockLink.MockedResponse {
  return {
    request: { query: AUDIT_LOG_QUERY, variables: { entityType: 'Person', entityId, actor: null, action: null, first: 20 } },
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
}

function updateMock(
  input: Record<string, unknown>,
  result: MockLink.MockedResponse['result'],
  version = 4,
): MockLink.MockedResponse {
  return { request: { query: UPDATE_PERSON_MUTATION, variables: { id: PERSON_ID, version, input } }, result: result! };
}

function open(mocks: MockLink.MockedResponse[], roles: Role[] = ['ADMIN'], first = editMock()) {
  return renderApp(`/personnes/${PERSON_ID}`, [viewerMock(roles), first, historyMock(), ...mocks]);
}

const listRow = (n: number, extra: Record<string, unknown> = {}) => ({
  __typename: 'Person' as const,
  id: toGlobalId('Person', String(n)),
  displayName: `Personne ${n}`,
  firstName: 'Personne',
  lastName: String(n),
  email: `personne${n}@exemple.org`,
  isPublic: false,
  status: 'ACTIVE',
  structure: null,
  consents: [],
  ...extra,
});

function listMock(
  variables: { text: string | null; status: string[] | null; page: number; pageSize: number },
  items: unknown[],
  totalCount = items.length,
) {
  return {
    request: { query: ADMIN_PERSONS_QUERY, variables },
    result: { data: { adminPersons: { __typename: 'AdminPersonPage', totalCount, items } } },
  } satisfies MockLink.MockedResponse;
}

const SACHA_ROW = listRow(7, {
  displayName: 'Sacha Martin',
  firstName: 'Sacha',
  lastName: 'Martin',
  email: 'sacha@exemple.org',
  structure: STRUCTURE,
  consents: [CONSENT],
});

describe('Personnes — liste', () => {
  it('lists the persons with a link to their page, pages and searches through the API', async () => {
    const { user } = renderApp('/personnes', [
      viewerMock(['ADMIN']),
      listMock({ text: null, status: null, page: 0, pageSize: 20 }, [SACHA_ROW, listRow(8)], 45),
      listMock({ text: null, status: null, page: 1, pageSize: 20 }, [listRow(28)], 45),
      listMock({ text: 'martin', status: null, page: 0, pageSize: 20 }, [SACHA_ROW]),
    ]);
    const table = await screen.findByRole('table');
    expect(screen.getByText('45 personnes')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Sacha Martin' })).toHaveAttribute('href', `/personnes/${PERSON_ID}`);
    const row = within(table).getByRole('row', { name: /Sacha Martin/ });
    expect(row).toHaveTextContent('sacha@exemple.org');
    expect(row).toHaveTextContent('Structure 1');
    expect(within(row).getByRole('button', { name: 'Gérer les données de Sacha Martin' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Nouvelle personne' })).toHaveAttribute('href', '/personnes/nouvelle');
    expect(await axeViolations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: /Page suivante/ }));
    expect(await screen.findByRole('link', { name: 'Personne 28' })).toBeInTheDocument();
    expect(currentLocation()).toBe('/personnes?page=2');

    await user.type(screen.getByLabelText('Nom, courriel ou fonction'), 'martin');
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));
    await waitFor(() => expect(screen.getByText('1 personne')).toBeInTheDocument());
    expect(currentLocation()).toBe('/personnes?q=martin');
  });

  it('filters by status through the API and marks the archived persons', async () => {
    const { user } = renderApp('/personnes', [
      viewerMock(['ADMIN']),
      listMock({ text: null, status: null, page: 0, pageSize: 20 }, [SACHA_ROW, listRow(8, { status: 'ARCHIVED' })]),
      listMock({ text: null, status: ['ARCHIVED'], page: 0, pageSize: 20 }, [listRow(8, { status: 'ARCHIVED' })]),
    ]);
    const table = await screen.findByRole('table');
    expect(within(within(table).getByRole('row', { name: /Personne 8/ })).getByText('Archivée')).toBeInTheDocument();
    expect(within(within(table).getByRole('row', { name: /Sacha Martin/ })).queryByText('Archivée')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Statut'), 'Archivées');
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));
    await waitFor(() => expect(screen.getByText('1 personne')).toBeInTheDocument());
    expect(currentLocation()).toBe('/personnes?statut=ARCHIVED');
    expect(screen.getByLabelText('Statut')).toHaveValue('ARCHIVED');
    expect(await axeViolations()).toEqual([]);
  });

  it('lets the steering committee read the list, without creation nor GDPR actions', async () => {
    renderApp('/personnes', [
      viewerMock(['STEERING']),
      listMock({ text: null, status: null, page: 0, pageSize: 20 }, [SACHA_ROW]),
    ]);
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('link', { name: 'Sacha Martin' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Nouvelle personne' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Gérer/ })).not.toBeInTheDocument();
    expect(screen.getByText(/Votre rôle permet de les consulter, pas de les modifier/)).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('refuses the creation page to the steering committee', async () => {
    renderApp('/personnes/nouvelle', [viewerMock(['STEERING'])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès non autorisé' })).toBeInTheDocument();
  });

  it('refuses the persons to a facilitator', async () => {
    renderApp(`/personnes/${PERSON_ID}`, [viewerMock(['FACILITATOR'])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès non autorisé' })).toBeInTheDocument();
  });
});

describe('Personnes — création', () => {
  const NEW_ID = toGlobalId('Person', '12');
  const jardins = structureRow(5, { name: 'Les Jardins de la Sambre' });
  const created = person({
    id: NEW_ID,
    displayName: 'Yasmine Belkacem',
    firstName: 'Yasmine',
    lastName: 'Belkacem',
    email: 'y.belkacem@exemple.org',
    phone: null,
    version: 1,
    structure: { __typename: 'Structure', id: jardins.id, name: jardins.name },
  });
  const structureSearch: MockLink.MockedResponse = {
    request: {
      query: ADMIN_STRUCTURES_QUERY,
      variables: { text: 'jardins', status: null, sort: 'NAME', descending: false, page: 0, pageSize: 10 },
    },
    result: { data: { adminStructures: { __typename: 'AdminStructurePage', totalCount: 1, items: [jardins] } } },
  };

  it('creates a person with their structure, then opens their page', async () => {
    const { user } = renderApp('/personnes/nouvelle', [
      viewerMock(['ADMIN']),
      structureSearch,
      {
        request: {
          query: CREATE_PERSON_MUTATION,
          variables: {
            input: {
              firstName: 'Yasmine',
              lastName: 'Belkacem',
              email: 'y.belkacem@exemple.org',
              jobTitle: 'Chargée de mission',
              structureId: jardins.id,
            },
          },
        },
        result: { data: { createPerson: created } },
      },
      editMock({ ...created, consents: [], facilitatedSectors: [], mentorOffers: [], carrierProjects: [] }, NEW_ID),
      historyMock('12'),
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Nouvelle personne' })).toBeInTheDocument();
    // The title is set in an effect, after the render that shows the page.
    await waitFor(() => expect(document.title).toBe('Nouvelle personne — Pilotage Essor'));
    await user.type(screen.getByLabelText('Prénom'), 'Yasmine');
    await user.type(screen.getByLabelText('Nom'), 'Belkacem');
    await user.type(screen.getByLabelText('Courriel'), 'y.belkacem@exemple.org');
    await user.type(screen.getByLabelText('Fonction'), 'Chargée de mission');
    const structure = screen.getByRole('group', { name: 'Structure' });
    await user.type(within(structure).getByLabelText('Chercher une structure'), 'jardins{Enter}');
    await user.click(await within(structure).findByRole('button', { name: 'Ajouter Les Jardins de la Sambre' }));
    expect(within(structure).getByRole('list', { name: 'Structures sélectionnées' })).toHaveTextContent(
      'Les Jardins de la Sambre',
    );
    expect(await axeViolations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Créer la personne' }));
    expect(await screen.findByText('Personne créée.')).toHaveAttribute('role', 'status');
    expect(currentLocation()).toBe(`/personnes/${NEW_ID}`);
    expect(screen.getByRole('heading', { level: 1, name: 'Yasmine Belkacem' })).toBeInTheDocument();
    // No personal data in the tab's title (nor in the URL: the opaque id only).
    // The title is set in an effect, after the render that shows the page.
    await waitFor(() => expect(document.title).toBe('Fiche personne — Pilotage Essor'));
  });

  it('checks the fields before sending, each message next to its field', async () => {
    const { user } = renderApp('/personnes/nouvelle', [viewerMock(['ADMIN'])]);
    await user.type(await screen.findByLabelText('Courriel'), 'sacha@');
    await user.click(screen.getByRole('button', { name: 'Créer la personne' }));
    expect(await screen.findByLabelText('Nom')).toHaveAccessibleDescription(
      'Indiquez au moins un nom, un prénom ou une fonction.',
    );
    expect(screen.getByLabelText('Courriel')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Courriel')).toHaveAccessibleDescription("L'adresse e-mail n'est pas valide.");
    expect(screen.getByRole('link', { name: "Courriel : L'adresse e-mail n'est pas valide." })).toHaveAttribute(
      'href',
      '#person-email',
    );
    expect(await axeViolations()).toEqual([]);
  });

  it('shows an unknown structure (UNKNOWN_REFERENCE) under the structure', async () => {
    const { user } = renderApp('/personnes/nouvelle', [
      viewerMock(['ADMIN']),
      structureSearch,
      {
        request: { query: CREATE_PERSON_MUTATION, variables: { input: { lastName: 'Belkacem', structureId: jardins.id } } },
        result: {
          errors: [
            new GraphQLError('L’élément lié n’existe pas.', { extensions: { code: 'UNKNOWN_REFERENCE', field: 'structureId' } }),
          ],
        },
      },
    ]);
    await user.type(await screen.findByLabelText('Nom'), 'Belkacem');
    const structure = screen.getByRole('group', { name: 'Structure' });
    await user.type(within(structure).getByLabelText('Chercher une structure'), 'jardins{Enter}');
    await user.click(await within(structure).findByRole('button', { name: 'Ajouter Les Jardins de la Sambre' }));
    await user.click(screen.getByRole('button', { name: 'Créer la personne' }));
    await waitFor(() =>
      expect(screen.getByRole('group', { name: 'Structure' })).toHaveAccessibleDescription(
        expect.stringContaining('L’élément lié n’existe pas.'),
      ),
    );
    expect(screen.getByRole('link', { name: 'Structure : L’élément lié n’existe pas.' })).toHaveAttribute(
      'href',
      '#person-structure-search',
    );
    expect(currentLocation()).toBe('/personnes/nouvelle');
  });
});

describe('Personnes — fiche', () => {
  it('shows the person, their place in the graph and their consents; saves a change with the loaded version', async () => {
    const { user } = open([
      updateMock(
        { phone: '03 27 99 99 99', isPublic: true },
        { data: { updatePerson: person({ phone: '03 27 99 99 99', isPublic: true, version: 5 }) } },
      ),
    ]);
    const phone = await screen.findByLabelText('Téléphone');
    expect(screen.getByRole('heading', { level: 1, name: 'Sacha Martin' })).toBeInTheDocument();
    // The title is set in an effect, after the render that shows the page.
    await waitFor(() => expect(document.title).toBe('Fiche personne — Pilotage Essor'));
    expect(screen.getByLabelText('Prénom')).toHaveValue('Sacha');
    expect(screen.getByLabelText('Fonction')).toHaveValue('Chargée de mission');
    expect(screen.getByRole('list', { name: 'Structures sélectionnées' })).toHaveTextContent('Structure 1');
    expect(screen.getByRole('link', { name: 'Insertion' })).toHaveAttribute('href', '/secteurs/iae');
    // The projects the person carries, each linked to its accompaniment page, with its stage.
    expect(screen.getByRole('link', { name: 'Le fournil' })).toHaveAttribute(
      'href',
      `/accompagnement/${encodeURIComponent(toGlobalId('CarrierProject', '7'))}`,
    );
    expect(screen.getByRole('link', { name: 'Le fournil' }).closest('li')).toHaveTextContent('Le fournil — Accompagné');
    expect(screen.getByRole('rowheader', { name: 'contact-public' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Exporter (JSON)' })).toBeInTheDocument();

    await user.clear(phone);
    await user.type(phone, '03 27 99 99 99');
    await user.click(screen.getByLabelText(/Profil public/));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toHaveAttribute('role', 'status');
    expect(screen.getByText('Chargée de mission · Profil public · version 5')).toBeInTheDocument();
  });

  it('clears an emptied field and removes the structure (null)', async () => {
    const { user } = open([
      updateMock(
        { phone: null, structureId: null },
        { data: { updatePerson: person({ phone: null, structure: null, version: 5 }) } },
      ),
    ]);
    await user.clear(await screen.findByLabelText('Téléphone'));
    await user.click(screen.getByRole('button', { name: 'Retirer Structure 1' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Structure' })).toHaveTextContent('Aucune structure.');
  });

  it('works with the keyboard alone: Enter saves, the archive dialog closes with Escape', async () => {
    const { user } = open([
      updateMock({ jobTitle: 'Directrice' }, { data: { updatePerson: person({ jobTitle: 'Directrice', version: 5 }) } }),
    ]);
    const jobTitle = await screen.findByLabelText('Fonction');
    jobTitle.focus();
    await user.keyboard('{Control>}a{/Control}Directrice{Enter}');
    expect(await screen.findByText('Modifications enregistrées.')).toBeInTheDocument();

    const archive = screen.getByRole('button', { name: 'Archiver' });
    archive.focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Archiver cette personne ?' });
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(archive).toHaveFocus();
  });

  it('shows a server validation error next to its field', async () => {
    const { user } = open([
      updateMock(
        { email: 'sacha@exemple.invalid' },
        {
          errors: [
            new GraphQLError('Certaines valeurs sont invalides.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'input.email', messages: ["L'adresse e-mail n'est pas valide."] }],
              },
            }),
          ],
        },
      ),
    ]);
    const email = await screen.findByLabelText('Courriel');
    await user.clear(email);
    await user.type(email, 'sacha@exemple.invalid');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.getByLabelText('Courriel')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Courriel')).toHaveAccessibleDescription("L'adresse e-mail n'est pas valide.");
    const field = screen.getByLabelText('Courriel').closest('.field') as HTMLElement;
    expect(within(field).getByText("L'adresse e-mail n'est pas valide.")).toBeInTheDocument();
    expect(screen.getByRole('link', { name: "Courriel : L'adresse e-mail n'est pas valide." })).toHaveAttribute(
      'href',
      '#person-email',
    );
    expect(screen.getByLabelText('Téléphone')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Modifications enregistrées.')).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('shows a conflict (current against submitted values), overwrites nothing, then re-applies the change', async () => {
    const conflict = new GraphQLError('Cet élément a été modifié entre-temps par alice@exemple.org (version 5, la vôtre : 4).', {
      extensions: {
        code: 'CONFLICT',
        currentVersion: 5,
        changes: [
          // The date of last contact is only in a conflict when a contact was recorded: not on a correction.
          { field: 'email', current: 'sacha.martin@exemple.org', submitted: 's.martin@exemple.org' },
        ],
        lastChangedBy: 'alice@exemple.org',
        lastChangedAt: '2025-03-05T09:30:00.000Z',
      },
    });
    const { user } = open([
      updateMock({ email: 's.martin@exemple.org' }, { errors: [conflict] }),
      editMock(loaded({ email: 'sacha.martin@exemple.org', version: 5 })),
      updateMock(
        { email: 's.martin@exemple.org' },
        { data: { updatePerson: person({ email: 's.martin@exemple.org', version: 6 }) } },
        5,
      ),
    ]);
    const email = await screen.findByLabelText('Courriel');
    await user.clear(email);
    await user.type(email, 's.martin@exemple.org');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const panel = (await screen.findByText('Conflit de modification')).closest('section') as HTMLElement;
    expect(within(panel).getByRole('alert')).toHaveTextContent('Cette fiche a été modifiée par alice@exemple.org');
    expect(within(panel).getByRole('alert')).toHaveTextContent("Rien n'a été enregistré.");
    expect(within(panel).getAllByRole('row')).toHaveLength(2);
    const row = within(panel).getByRole('row', { name: /Courriel/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['sacha.martin@exemple.org', 's.martin@exemple.org']);
    await waitFor(() => expect(panel).toHaveFocus());
    expect(screen.queryByText('Modifications enregistrées.')).not.toBeInTheDocument();
    expect(screen.getByText('Chargée de mission · Profil non public · version 4')).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);

    await user.click(within(panel).getByRole('button', { name: 'Réappliquer mes modifications' }));
    await waitFor(() => expect(screen.queryByText('Conflit de modification')).not.toBeInTheDocument());
    expect(screen.getByLabelText('Courriel')).toHaveValue('s.martin@exemple.org');
    expect(screen.getByText(/réappliquées sur la version actuelle \(version 5\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toBeInTheDocument();
    expect(screen.getByText(/version 6/)).toBeInTheDocument();
  });

  it('shows the structures of a conflict by name when known, by number otherwise', async () => {
    const conflict = new GraphQLError('Cet élément a été modifié entre-temps.', {
      extensions: {
        code: 'CONFLICT',
        currentVersion: 5,
        changes: [{ field: 'structureId', current: '9', submitted: null }],
        lastChangedBy: null,
        lastChangedAt: null,
      },
    });
    const { user } = open([updateMock({ structureId: null }, { errors: [conflict] })]);
    await user.click(await screen.findByRole('button', { name: 'Retirer Structure 1' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const panel = (await screen.findByText('Conflit de modification')).closest('section') as HTMLElement;
    const row = within(panel).getByRole('row', { name: /Structure/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['structure n° 9', '(aucune)']);
  });

  it('says, without losing the typing, when the API refuses the change to the viewer', async () => {
    const { user } = open([
      updateMock(
        { jobTitle: 'Directrice' },
        { errors: [new GraphQLError("Vous n'avez pas accès à cette ressource.", { extensions: { code: 'FORBIDDEN' } })] },
      ),
    ]);
    const jobTitle = await screen.findByLabelText('Fonction');
    await user.clear(jobTitle);
    await user.type(jobTitle, 'Directrice');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const notice = await screen.findByText("Vous n'avez pas accès à cette ressource.");
    expect(notice).toHaveAttribute('role', 'alert');
    await waitFor(() => expect(notice).toHaveFocus());
    expect(screen.getByLabelText('Fonction')).toHaveValue('Directrice');
  });

  it('archives after a confirmation, then goes back to the list', async () => {
    let archived = false;
    const { user } = open([
      {
        request: { query: ARCHIVE_PERSON_MUTATION, variables: { id: PERSON_ID, version: 4 } },
        result: () => {
          archived = true;
          return { data: { archivePerson: person({ version: 5 }) } };
        },
      },
      listMock({ text: null, status: null, page: 0, pageSize: 20 }, [SACHA_ROW]),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Archiver' }));
    const dialog = screen.getByRole('dialog', { name: 'Archiver cette personne ?' });
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(archived).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Archiver' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Archiver la personne' }));
    expect(await screen.findByText('Personne archivée : elle n’apparaît plus dans les vues publiques.')).toBeInTheDocument();
    expect(archived).toBe(true);
    expect(currentLocation()).toBe('/personnes');
  });

  it('says why an archive was refused (someone saved in between)', async () => {
    const { user } = open([
      {
        request: { query: ARCHIVE_PERSON_MUTATION, variables: { id: PERSON_ID, version: 4 } },
        result: {
          errors: [
            new GraphQLError('Cet élément a été modifié entre-temps.', { extensions: { code: 'CONFLICT', currentVersion: 5 } }),
          ],
        },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Archiver' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Archiver la personne' }));
    expect(await within(screen.getByRole('dialog')).findByText(/La fiche a été modifiée entre-temps/)).toBeInTheDocument();
    expect(currentLocation()).toBe(`/personnes/${PERSON_ID}`);
  });

  it('shows an archived person as such (its status), and restores it under the loaded version', async () => {
    const { user } = open(
      [
        {
          request: { query: RESTORE_PERSON_MUTATION, variables: { id: PERSON_ID, version: 4 } },
          result: { data: { restorePerson: person({ status: 'ACTIVE', version: 5 }) } },
        },
      ],
      ['ADMIN'],
      editMock(loaded({ status: 'ARCHIVED' })),
    );
    expect(
      await screen.findByText(/Cette personne est archivée : elle n'apparaît plus dans les vues publiques/),
    ).toBeInTheDocument();
    expect(screen.getByText('Archivée')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archiver' })).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Restaurer' }));
    expect(await screen.findByText(/Personne restaurée/)).toHaveAttribute('role', 'status');
    expect(screen.queryByText('Archivée')).not.toBeInTheDocument();
    expect(screen.queryByText(/Cette personne est archivée/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Archiver' })).toBeInTheDocument();
    expect(screen.getByText(/version 5/)).toBeInTheDocument();
  });

  it('says why a restore was refused (someone saved in between)', async () => {
    const { user } = open(
      [
        {
          request: { query: RESTORE_PERSON_MUTATION, variables: { id: PERSON_ID, version: 4 } },
          result: {
            errors: [
              new GraphQLError('Cet élément a été modifié entre-temps.', { extensions: { code: 'CONFLICT', currentVersion: 5 } }),
            ],
          },
        },
      ],
      ['ADMIN'],
      editMock(loaded({ status: 'ARCHIVED' })),
    );
    await user.click(await screen.findByRole('button', { name: 'Restaurer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'La fiche a été modifiée entre-temps : rechargez la page avant de la restaurer.',
    );
    expect(screen.getByText('Archivée')).toBeInTheDocument();
  });

  it('does not offer « Restaurer » to the steering committee', async () => {
    open([], ['STEERING'], editMock(loaded({ status: 'ARCHIVED' })));
    expect(await screen.findByText('Archivée')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Restaurer' })).not.toBeInTheDocument();
  });

  it('records a contact only when its date is changed; a correction leaves it', async () => {
    const { user } = open([
      updateMock(
        { lastContactAt: '2025-06-30' },
        { data: { updatePerson: person({ lastContactAt: '2025-06-30T00:00:00.000Z', version: 5 }) } },
      ),
    ]);
    const date = await screen.findByLabelText('Date du dernier contact');
    expect(date).toHaveValue('2025-03-05');
    expect(date).toHaveAccessibleDescription(expect.stringContaining('Corriger la fiche ne change pas cette date.'));
    await user.clear(date);
    await user.type(date, '2025-06-30');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toBeInTheDocument();
    expect(screen.getByLabelText('Date du dernier contact')).toHaveValue('2025-06-30');
  });

  it('keeps a name, a first name or a job title: the message under the field emptied', async () => {
    const { user } = open([]);
    await user.clear(await screen.findByLabelText('Prénom'));
    await user.clear(screen.getByLabelText('Nom'));
    await user.clear(screen.getByLabelText('Fonction'));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByLabelText('Nom')).toHaveAccessibleDescription(
      'Indiquez au moins un nom, un prénom ou une fonction.',
    );
    expect(screen.queryByText('Modifications enregistrées.')).not.toBeInTheDocument();
  });

  it('erases the personal data from the page, then keeps them read only', async () => {
    const anonymised = loaded(
      {
        displayName: 'Chargée de mission',
        firstName: null,
        lastName: null,
        email: null,
        phone: null,
        isPublic: false,
        anonymisedAt: '2025-03-06T10:00:00.000Z',
        version: 5,
      },
      [{ ...CONSENT, withdrawnAt: '2025-03-06T10:00:00.000Z' }],
    );
    const { user } = open([
      {
        request: { query: ERASE_PERSON_MUTATION, variables: { id: PERSON_ID } },
        result: {
          data: {
            erasePerson: {
              __typename: 'Person',
              id: PERSON_ID,
              displayName: 'Chargée de mission',
              firstName: null,
              lastName: null,
              email: null,
              isPublic: false,
            },
          },
        },
      },
      editMock(anonymised),
    ]);
    const gdpr = (await screen.findByRole('heading', { level: 2, name: 'Données personnelles (RGPD)' })).closest(
      'section',
    ) as HTMLElement;
    await user.click(within(gdpr).getByRole('button', { name: 'Anonymiser' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Anonymiser Sacha Martin ?' })).getByRole('button', {
        name: 'Anonymiser définitivement',
      }),
    );
    expect(await screen.findByText('Les données de Sacha Martin ont été anonymisées.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Chargée de mission' })).toBeInTheDocument());
    expect(screen.getByText(/Données personnelles anonymisées le 6 mars 2025/)).toBeInTheDocument();
    expect(screen.getByLabelText('Prénom')).toHaveAttribute('readonly');
    expect(screen.getByLabelText('Courriel')).toHaveAttribute('readonly');
    expect(screen.getByLabelText('Présentation')).toHaveAttribute('readonly');
    expect(screen.getByLabelText(/Profil public/)).toBeDisabled();
    expect(screen.getByLabelText('Fonction')).not.toHaveAttribute('readonly');
    expect(screen.getByText(/version 5/)).toBeInTheDocument();
  });

  it('lets the steering committee read, without any button to edit', async () => {
    open([], ['STEERING']);
    expect(await screen.findByText('Votre rôle permet de consulter cette fiche, pas de la modifier.')).toBeInTheDocument();
    expect(screen.getByLabelText('Prénom')).toBeDisabled();
    expect(screen.getByLabelText('Prénom')).toHaveValue('Sacha');
    for (const name of ['Enregistrer', 'Archiver', 'Anonymiser', 'Exporter (JSON)', 'Ajouter le consentement', /Retirer/]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    expect(screen.queryByLabelText('Chercher une structure')).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Structure' })).toHaveTextContent('Structure 1');
    expect(screen.getByRole('rowheader', { name: 'contact-public' })).toBeInTheDocument();
    expect(await screen.findByText('Aucune modification enregistrée pour cette personne.')).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('is axe clean for the mission, history included', async () => {
    open([]);
    await screen.findByText('Aucune modification enregistrée pour cette personne.');
    expect(await axeViolations()).toEqual([]);
  });

  it('says when the person does not exist', async () => {
    renderApp(`/personnes/${PERSON_ID}`, [
      viewerMock(['ADMIN']),
      { request: { query: PERSON_EDIT_QUERY, variables: { id: PERSON_ID } }, result: { data: { person: null } } },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Personne introuvable' })).toBeInTheDocument();
  });
});
