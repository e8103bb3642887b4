import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { MentorOfferEditFieldsFragment, Role } from '../../gql/graphql';
import { AUDIT_LOG_QUERY } from '../../components/AuditEntries';
import { PERSON_PICKER_QUERY } from '../../components/PersonPicker';
import { toGlobalId } from '../../lib/ids';
import { axeViolations } from '../../test/axe';
import { currentLocation, renderApp, viewerMock } from '../../test/render';
import {
  ADMIN_MENTOR_OFFERS_QUERY,
  CREATE_MENTOR_OFFER_MUTATION,
  MENTOR_OFFER_EDIT_QUERY,
  UPDATE_MENTOR_OFFER_MUTATION,
} from './operations';

const OFFER_ID = toGlobalId('MentorOffer', '6');
const MENTOR = { __typename: 'Person' as const, id: toGlobalId('Person', '7'), displayName: 'Sacha Martin' };

function offer(extra: Partial<MentorOfferEditFieldsFragment> = {}) {
  return {
    __typename: 'MentorOffer' as const,
    id: OFFER_ID,
    title: 'Structurer sa gouvernance associative',
    themes: ['GOVERNANCE' as const, 'LEGAL' as const],
    availability: 'Deux demi-journées par mois',
    description: 'Pour les jeunes associations.',
    status: 'OPEN' as const,
    version: 2,
    createdAt: '2025-01-15T10:00:00.000Z',
    updatedAt: '2025-03-05T09:30:00.000Z',
    mentor: MENTOR,
    ...extra,
  };
}

function row(n: number, extra: Partial<MentorOfferEditFieldsFragment> = {}) {
  const {
    description: _d,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = offer({ id: toGlobalId('MentorOffer', String(n)), title: `Offre ${n}`, ...extra });
  return rest;
}

type ListVars = { first: number; after: string | null; status: string[] | null; theme: string[] | null };
const LIST_DEFAULTS: ListVars = { first: 20, after: null, status: null, theme: null };

function listMock(
  vars: Partial<ListVars>,
  nodes: unknown[],
  totalCount: number,
  endCursor: string | null,
): MockLink.MockedResponse {
  return {
    request: { query: ADMIN_MENTOR_OFFERS_QUERY, variables: { ...LIST_DEFAULTS, ...vars } },
    result: {
      data: {
        mentorOffers: {
          __typename: 'MentorOfferConnection',
          totalCount,
          pageInfo: { __typename: 'PageInfo', hasNextPage: !!endCursor, endCursor },
          nodes,
        },
      },
    },
  };
}

function editMock(o = offer()): MockLink.MockedResponse {
  return { request: { query: MENTOR_OFFER_EDIT_QUERY, variables: { id: OFFER_ID } }, result: { data: { mentorOffer: o } } };
}

const historyMock: MockLink.MockedResponse = {
  request: {
    query: AUDIT_LOG_QUERY,
    variables: { entityType: 'MentorOffer', entityId: '6', actor: null, action: null, first: 20 },
  },
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

function updateMock(
  input: Record<string, unknown>,
  result: MockLink.MockedResponse['result'],
  version = 2,
): MockLink.MockedResponse {
  return { request: { query: UPDATE_MENTOR_OFFER_MUTATION, variables: { id: OFFER_ID, version, input } }, result: result! };
}

function open(mocks: MockLink.MockedResponse[], roles: Role[] = ['ADMIN']) {
  return renderApp(`/tutorat/${OFFER_ID}`, [viewerMock(roles), editMock(), historyMock, ...mocks]);
}

describe('Tutorat — liste', () => {
  it('lists the offers, pages with the API cursors and filters through the API', async () => {
    const { user } = renderApp('/tutorat', [
      viewerMock(['ADMIN']),
      // Page 1 twice: it is asked again when the person comes back to it (cache-and-network).
      { ...listMock({}, [row(1), row(2, { status: 'CLOSED', availability: null })], 25, 'c2'), maxUsageCount: 2 },
      listMock({ after: 'c2' }, [row(21)], 25, null),
      listMock({ status: ['OPEN'] }, [row(1)], 1, null),
      listMock({ status: ['OPEN'], theme: ['LEGAL'] }, [], 0, null),
    ]);
    const table = await screen.findByRole('table');
    const first = within(table).getByRole('row', { name: /Offre 1/ });
    expect(
      within(first)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Sacha Martin', 'Gouvernance, Juridique', 'Deux demi-journées par mois', 'Disponible']);
    expect(within(table).getByRole('row', { name: /Offre 2/ })).toHaveTextContent('Clos');
    expect(screen.getByRole('status')).toHaveTextContent('25 offres');
    expect(screen.getByRole('link', { name: 'Nouvelle offre' })).toHaveAttribute('href', '/tutorat/nouvelle');

    await user.click(screen.getByRole('button', { name: /Page suivante/ }));
    expect(await screen.findByRole('link', { name: 'Offre 21' })).toBeInTheDocument();
    expect(screen.getByText('Page 2 sur 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Page suivante/ })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: /Page précédente/ }));
    expect(await screen.findByRole('link', { name: 'Offre 1' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Statut'), 'OPEN');
    await user.selectOptions(screen.getByLabelText('Thème'), 'LEGAL');
    expect(await screen.findByText('Aucune offre ne correspond à ces critères.')).toBeInTheDocument();
    expect(currentLocation()).toBe('/tutorat?statut=OPEN&theme=LEGAL');
  });

  it('shows no creation button to the steering committee, and is axe clean', async () => {
    renderApp('/tutorat', [viewerMock(['STEERING']), listMock({}, [row(1)], 1, null)]);
    await screen.findByRole('table');
    expect(screen.queryByRole('link', { name: 'Nouvelle offre' })).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });
});

describe('Tutorat — fiche', () => {
  it('saves the changed fields with the loaded version', async () => {
    const { user } = open([
      updateMock(
        { themes: ['GOVERNANCE', 'LEGAL', 'FUNDING'], status: 'FULL' },
        { data: { updateMentorOffer: offer({ themes: ['GOVERNANCE', 'LEGAL', 'FUNDING'], status: 'FULL', version: 3 }) } },
      ),
    ]);
    const themes = await screen.findByRole('group', { name: 'Thèmes (au moins un)' });
    expect(within(themes).getByLabelText('Gouvernance')).toBeChecked();
    await user.click(within(themes).getByLabelText('Financement'));
    await user.selectOptions(screen.getByLabelText('Statut'), 'FULL');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toHaveAttribute('role', 'status');
    expect(screen.getByText(/version 3/)).toBeInTheDocument();
    expect(screen.getByText('Complet', { selector: '.badge' })).toBeInTheDocument();
  });

  it('shows when the offer was created and changed, and clears its description', async () => {
    const { user } = open([
      updateMock(
        { description: '' },
        { data: { updateMentorOffer: offer({ description: null, version: 3, updatedAt: '2025-04-02T08:00:00.000Z' }) } },
      ),
    ]);
    const description = await screen.findByLabelText('Description');
    expect(screen.getByText(/créée le 15 janvier 2025, modifiée le 5 mars 2025/)).toBeInTheDocument();
    await user.clear(description);
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toBeInTheDocument();
    expect(screen.getByLabelText('Description')).toHaveValue('');
    expect(screen.getByText(/modifiée le 2 avril 2025/)).toBeInTheDocument();
  });

  it('shows a server validation error next to its field', async () => {
    const { user } = open([
      updateMock(
        { availability: 'Le lundi' },
        {
          errors: [
            new GraphQLError('Certaines valeurs sont invalides.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'input.availability', messages: ['La disponibilité est trop vague.'] }],
              },
            }),
          ],
        },
      ),
    ]);
    const availability = await screen.findByLabelText('Disponibilité');
    await user.clear(availability);
    await user.type(availability, 'Le lundi');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.getByLabelText('Disponibilité')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Disponibilité')).toHaveAccessibleDescription(
      expect.stringContaining('La disponibilité est trop vague.'),
    );
    const field = screen.getByLabelText('Disponibilité').closest('.field') as HTMLElement;
    expect(within(field).getByText('La disponibilité est trop vague.')).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('checks the themes before sending anything', async () => {
    const { user } = open([]);
    const themes = await screen.findByRole('group', { name: 'Thèmes (au moins un)' });
    await user.click(within(themes).getByLabelText('Gouvernance'));
    await user.click(within(themes).getByLabelText('Juridique'));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByRole('link', { name: 'Thèmes : Choisissez au moins un thème.' })).toHaveAttribute(
      'href',
      '#mentor-offer-themes-BUSINESS_MODEL',
    );
    expect(themes).toHaveAccessibleDescription('Choisissez au moins un thème.');
  });

  it('shows a conflict with the themes in French, and re-applies the changes', async () => {
    const conflict = new GraphQLError('Cet élément a été modifié entre-temps (version 3, la vôtre : 2).', {
      extensions: {
        code: 'CONFLICT',
        currentVersion: 3,
        changes: [{ field: 'themes', current: ['GOVERNANCE'], submitted: ['GOVERNANCE', 'LEGAL', 'IMPACT'] }],
        lastChangedBy: null,
        lastChangedAt: null,
      },
    });
    const { user } = open([
      updateMock({ themes: ['GOVERNANCE', 'LEGAL', 'IMPACT'] }, { errors: [conflict] }),
      editMock(offer({ themes: ['GOVERNANCE'], title: 'Gouvernance partagée', version: 3 })),
    ]);
    const themes = await screen.findByRole('group', { name: 'Thèmes (au moins un)' });
    await user.click(within(themes).getByLabelText("Mesure d'impact"));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const panel = (await screen.findByText('Conflit de modification')).closest('section') as HTMLElement;
    expect(within(panel).getByRole('alert')).toHaveTextContent('Cette offre a été modifiée entre-temps');
    const conflictRow = within(panel).getByRole('row', { name: /Thèmes/ });
    expect(
      within(conflictRow)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Gouvernance', "Gouvernance, Juridique, Mesure d'impact"]);
    await user.click(within(panel).getByRole('button', { name: 'Réappliquer mes modifications' }));
    await waitFor(() => expect(screen.queryByText('Conflit de modification')).not.toBeInTheDocument());
    expect(screen.getByLabelText('Titre')).toHaveValue('Gouvernance partagée');
    expect(within(screen.getByRole('group', { name: 'Thèmes (au moins un)' })).getByLabelText("Mesure d'impact")).toBeChecked();
  });

  it('closes (archives) the offer after a confirmation, with the loaded version', async () => {
    const { user } = open([
      updateMock({ status: 'CLOSED' }, { data: { updateMentorOffer: offer({ status: 'CLOSED', version: 3 }) } }),
    ]);
    await user.click(await screen.findByRole('button', { name: "Clore l'offre" }));
    const dialog = screen.getByRole('dialog', { name: 'Clore cette offre ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Confirmer la clôture' }));
    expect(await screen.findByText(/Offre close/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: "Clore l'offre" })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Statut')).toHaveValue('CLOSED');
  });

  it('lets the steering committee read, without any button to edit', async () => {
    open([], ['STEERING']);
    expect(await screen.findByText('Votre rôle permet de consulter cette offre, pas de la modifier.')).toBeInTheDocument();
    expect(screen.getByLabelText('Titre')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: "Clore l'offre" })).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('lets a facilitator read only', async () => {
    open([], ['FACILITATOR']);
    expect(await screen.findByText('Votre rôle permet de consulter cette offre, pas de la modifier.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).not.toBeInTheDocument();
    // No audit trail for facilitators.
    expect(screen.queryByRole('heading', { name: 'Historique' })).not.toBeInTheDocument();
  });
});

describe('Tutorat — création', () => {
  it('requires a mentor, then creates the offer and opens it', async () => {
    const created = offer({ version: 1, availability: null, description: null, themes: ['FUNDING'], title: 'Lever des fonds' });
    const { user } = renderApp('/tutorat/nouvelle', [
      viewerMock(['ADMIN']),
      {
        request: { query: PERSON_PICKER_QUERY, variables: { text: 'sacha', page: 0, pageSize: 10 } },
        result: {
          data: {
            adminPersons: {
              __typename: 'AdminPersonPage',
              totalCount: 1,
              items: [
                { ...MENTOR, jobTitle: null, structure: { __typename: 'Structure', id: 'U3RydWN0dXJlOjE', name: 'Structure 1' } },
              ],
            },
          },
        },
      },
      {
        request: {
          query: CREATE_MENTOR_OFFER_MUTATION,
          variables: { input: { mentorId: MENTOR.id, title: 'Lever des fonds', themes: ['FUNDING'], status: 'OPEN' } },
        },
        result: { data: { createMentorOffer: created } },
      },
      editMock(created),
      historyMock,
    ]);
    await user.type(await screen.findByLabelText('Titre'), 'Lever des fonds');
    await user.click(screen.getByLabelText('Financement'));
    await user.click(screen.getByRole('button', { name: "Créer l'offre" }));
    const mentor = screen.getByRole('group', { name: 'Tuteur ou tutrice' });
    expect(await screen.findByRole('link', { name: 'Tuteur ou tutrice : Choisissez le tuteur ou la tutrice.' })).toHaveAttribute(
      'href',
      '#mentor-offer-mentor',
    );
    expect(mentor).toHaveAccessibleDescription(expect.stringContaining('Choisissez le tuteur ou la tutrice.'));

    await user.type(within(mentor).getByLabelText('Chercher une personne'), 'sacha{Enter}');
    await user.click(await within(mentor).findByRole('button', { name: 'Choisir Sacha Martin' }));
    await user.click(screen.getByRole('button', { name: "Créer l'offre" }));
    expect(await screen.findByText('Offre créée.')).toBeInTheDocument();
    expect(currentLocation()).toBe(`/tutorat/${OFFER_ID}`);
  });
});
