import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { CarrierProjectEditFieldsFragment, Role } from '../../gql/graphql';
import { PERSON_PICKER_QUERY } from '../../components/PersonPicker';
import { toGlobalId } from '../../lib/ids';
import { axeViolations } from '../../test/axe';
import { emptyHistoryMock } from '../../test/fixtures';
import { currentLocation, renderApp, viewerMock } from '../../test/render';
import { todayIso } from './model';
import {
  CARRIER_PROJECTS_QUERY,
  CARRIER_PROJECT_EDIT_QUERY,
  CARRIER_PROJECT_REFERENCES_QUERY,
  CREATE_CARRIER_PROJECT_MUTATION,
  MOVE_CARRIER_PROJECT_STAGE_MUTATION,
  RECORD_CARRIER_PROJECT_OPINION_MUTATION,
  UPDATE_CARRIER_PROJECT_MUTATION,
  UPDATE_CARRIER_PROJECT_REFERRAL_MUTATION,
} from './operations';

const PROJECT_ID = toGlobalId('CarrierProject', '9');
const PERSON = { __typename: 'Person' as const, id: toGlobalId('Person', '31'), displayName: 'Inès Martin' };
const AUTHOR = 'Camille Mission';
const STRUCTURE = { __typename: 'Structure' as const, id: toGlobalId('Structure', '8'), name: 'Coopérative d’activités' };

const history = (id: string, fromStage: string | null, toStage: string, changedOn: string, note: string | null = null) => ({
  __typename: 'CarrierProjectStageChange' as const,
  id,
  fromStage,
  toStage,
  changedOn,
  note,
  author: AUTHOR,
});

const PROJECT = {
  __typename: 'CarrierProject' as const,
  id: PROJECT_ID,
  title: 'Épicerie solidaire itinérante',
  description: 'Un camion-épicerie pour les villages sans commerce.',
  stage: 'DIAGNOSIS' as const,
  stageChangedOn: '2026-10-12',
  communeCode: '59392',
  archived: false,
  anonymisedAt: null,
  version: 3,
  createdAt: '2026-09-01T10:00:00.000Z',
  updatedAt: '2026-10-12T10:00:00.000Z',
  person: PERSON,
  commune: { __typename: 'Commune', code: '59392', name: 'Maubeuge' },
  sector: { __typename: 'Sector', id: toGlobalId('Sector', '3'), slug: 'alimentation-durable', name: 'Alimentation durable' },
  referrals: [
    {
      __typename: 'CarrierProjectReferral',
      id: '5',
      referredOn: '2026-10-01',
      status: 'PROPOSED' as const,
      note: null,
      author: AUTHOR,
      structure: STRUCTURE,
    },
  ],
  stageHistory: [
    history('1', null, 'RECEIVED', '2026-09-01'),
    history('2', 'RECEIVED', 'DIAGNOSIS', '2026-10-12', 'Premier rendez-vous.'),
  ],
  mentorship: null,
  technicalOpinion: null,
};

/** The project as the API answers it (with __typename), some fields replaced. */
function project(extra: Partial<Record<keyof CarrierProjectEditFieldsFragment, unknown>> = {}): typeof PROJECT {
  return { ...PROJECT, ...extra } as typeof PROJECT;
}

const referencesMock: MockLink.MockedResponse = {
  request: { query: CARRIER_PROJECT_REFERENCES_QUERY },
  maxUsageCount: 10,
  result: {
    data: {
      sectors: [
        { __typename: 'Sector', id: toGlobalId('Sector', '3'), slug: 'alimentation-durable', name: 'Alimentation durable' },
        { __typename: 'Sector', id: toGlobalId('Sector', '4'), slug: 'mobilite', name: 'Mobilité' },
      ],
      epcis: {
        __typename: 'EpciConnection',
        nodes: [{ __typename: 'Epci', siren: '200043396', name: 'CA Maubeuge Val de Sambre' }],
      },
      mentorOffers: {
        __typename: 'MentorOfferConnection',
        nodes: [
          {
            __typename: 'MentorOffer',
            id: toGlobalId('MentorOffer', '2'),
            title: 'Lire ses comptes',
            mentor: { __typename: 'Person', id: toGlobalId('Person', '7'), displayName: 'Sacha Martin' },
          },
        ],
      },
    },
  },
};

const STAGE_COUNTS = { RECEIVED: 2, DIAGNOSIS: 3, REFERRED: 3, SUPPORTED: 4, LAUNCHED: 2, ABANDONED: 1 };

type ListVars = {
  text: string | null;
  stage: string[] | null;
  commune: string[] | null;
  epci: string[] | null;
  sector: string[] | null;
  archived: boolean | null;
  page: number;
  pageSize: number;
};
const LIST_DEFAULTS: ListVars = {
  text: null,
  stage: null,
  commune: null,
  epci: null,
  sector: null,
  archived: false,
  page: 0,
  pageSize: 20,
};

function row(n: number, stage: string, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'CarrierProject',
    id: toGlobalId('CarrierProject', String(n)),
    title: `Projet ${n}`,
    stage,
    stageChangedOn: '2026-10-12',
    archived: false,
    person: { __typename: 'Person', id: toGlobalId('Person', String(100 + n)), displayName: `Porteur ${n}` },
    commune: { __typename: 'Commune', code: '59392', name: 'Maubeuge' },
    sector: null,
    ...extra,
  };
}

function listMock(vars: Partial<ListVars>, items: unknown[], totalCount: number, counts = STAGE_COUNTS): MockLink.MockedResponse {
  return {
    request: { query: CARRIER_PROJECTS_QUERY, variables: { ...LIST_DEFAULTS, ...vars } },
    result: {
      data: {
        carrierProjects: { __typename: 'CarrierProjectPage', totalCount, items },
        carrierProjectPipeline: Object.entries(counts).map(([stage, count]) => ({
          __typename: 'CarrierProjectStageCount',
          stage,
          count,
        })),
      },
    },
  };
}

function editMock(p = project()): MockLink.MockedResponse {
  return {
    request: { query: CARRIER_PROJECT_EDIT_QUERY, variables: { id: PROJECT_ID } },
    result: { data: { carrierProject: p } },
  };
}

const historyMock = emptyHistoryMock('CarrierProject', '9');

function open(mocks: MockLink.MockedResponse[], roles: Role[] = ['ADMIN']) {
  return renderApp(`/accompagnement/${PROJECT_ID}`, [viewerMock(roles), editMock(), referencesMock, historyMock, ...mocks]);
}

describe('Accompagnement — liste', () => {
  it('shows the pipeline and the projects; a stage of the pipeline filters the list', async () => {
    const { user } = renderApp('/accompagnement', [
      viewerMock(['ADMIN']),
      referencesMock,
      listMock({}, [row(1, 'DIAGNOSIS'), row(2, 'SUPPORTED', { archived: true, commune: null })], 15),
      listMock({ stage: ['SUPPORTED'] }, [row(2, 'SUPPORTED')], 4),
      listMock({ text: 'vélo', sector: ['mobilite'] }, [], 0, { ...STAGE_COUNTS, SUPPORTED: 0 }),
    ]);
    const table = await screen.findByRole('table');
    expect(
      within(within(table).getByRole('row', { name: /Projet 1/ }))
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Porteur 1', 'Maubeuge', 'Aucun', 'Diagnostic', '12 octobre 2026']);
    expect(within(table).getByRole('row', { name: /Projet 2/ })).toHaveTextContent('Archivé');
    expect(screen.getByRole('status')).toHaveTextContent('15 projets');
    expect(screen.getByRole('link', { name: 'Nouveau projet' })).toHaveAttribute('href', '/accompagnement/nouveau');

    const pipeline = screen.getByRole('region', { name: 'Parcours : 15 projets' });
    const supported = within(pipeline).getByRole('button', { name: 'Accompagné : 4' });
    expect(supported).toHaveAttribute('aria-pressed', 'false');
    await user.click(supported);
    expect(await screen.findByText('4 projets')).toBeInTheDocument();
    expect(currentLocation()).toBe('/accompagnement?etape=SUPPORTED');
    expect(within(pipeline).getByRole('button', { name: 'Accompagné : 4' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('Étape')).toHaveValue('SUPPORTED');

    // The filters apply together with « Filtrer ».
    await user.selectOptions(screen.getByLabelText('Étape'), '');
    await user.type(screen.getByLabelText('Projet ou porteur'), 'vélo');
    await user.selectOptions(screen.getByLabelText('Secteur'), 'mobilite');
    await user.click(screen.getByRole('button', { name: 'Filtrer' }));
    expect(await screen.findByText('Aucun projet ne correspond à ces critères.')).toBeInTheDocument();
    expect(currentLocation()).toBe('/accompagnement?q=v%C3%A9lo&secteur=mobilite');
  });

  it('lets the steering committee read, without creation, and is axe clean', async () => {
    renderApp('/accompagnement', [viewerMock(['STEERING']), referencesMock, listMock({}, [row(1, 'RECEIVED')], 1)]);
    await screen.findByRole('table');
    expect(screen.queryByRole('link', { name: 'Nouveau projet' })).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('is closed to partners and structure editors', async () => {
    renderApp('/accompagnement', [viewerMock(['PARTNER'])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès non autorisé' })).toBeInTheDocument();
  });
});

describe('Accompagnement — fiche', () => {
  it('saves the changed fields with the loaded version', async () => {
    const { user } = open([
      {
        request: {
          query: UPDATE_CARRIER_PROJECT_MUTATION,
          variables: { id: PROJECT_ID, version: 3, input: { title: 'Épicerie solidaire', sectorSlug: 'mobilite' } },
        },
        result: {
          data: {
            updateCarrierProject: project({
              title: 'Épicerie solidaire',
              version: 4,
              sector: { __typename: 'Sector', id: toGlobalId('Sector', '4'), slug: 'mobilite', name: 'Mobilité' },
            }),
          },
        },
      },
    ]);
    const title = await screen.findByLabelText('Titre du projet');
    expect(screen.getByRole('link', { name: 'Inès Martin' })).toHaveAttribute('href', `/personnes/${PERSON.id}`);
    await user.clear(title);
    await user.type(title, 'Épicerie solidaire');
    await waitFor(() => expect(screen.getByRole('option', { name: 'Mobilité' })).toBeInTheDocument());
    await user.selectOptions(screen.getByLabelText('Secteur'), 'mobilite');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toHaveAttribute('role', 'status');
    expect(screen.getByText(/version 4/)).toBeInTheDocument();
  });

  it('moves the project to another stage, records the opinion and the outcome of a referral, each under the latest version', async () => {
    const today = todayIso();
    const referred = project({
      stage: 'REFERRED',
      stageChangedOn: today,
      version: 4,
      stageHistory: [...project().stageHistory, history('3', 'DIAGNOSIS', 'REFERRED', today, 'Orienté vers la CAE.')],
    });
    const opinion = {
      __typename: 'TechnicalOpinion' as const,
      verdict: 'RESERVED' as const,
      text: 'Modèle à consolider.',
      givenOn: today,
      author: AUTHOR,
    };
    const withOpinion = { ...referred, version: 5, technicalOpinion: opinion };
    const accepted = {
      ...withOpinion,
      version: 6,
      referrals: [{ ...withOpinion.referrals[0]!, status: 'ACCEPTED' as const }],
    };
    const { user } = open([
      {
        request: {
          query: MOVE_CARRIER_PROJECT_STAGE_MUTATION,
          variables: { id: PROJECT_ID, version: 3, input: { stage: 'REFERRED', changedOn: today, note: 'Orienté vers la CAE.' } },
        },
        result: { data: { moveCarrierProjectStage: referred } },
      },
      {
        request: {
          query: RECORD_CARRIER_PROJECT_OPINION_MUTATION,
          variables: { id: PROJECT_ID, version: 4, input: { verdict: 'RESERVED', givenOn: today, text: 'Modèle à consolider.' } },
        },
        result: { data: { recordCarrierProjectOpinion: withOpinion } },
      },
      {
        request: {
          query: UPDATE_CARRIER_PROJECT_REFERRAL_MUTATION,
          variables: { id: PROJECT_ID, version: 5, referralId: '5', input: { status: 'ACCEPTED' } },
        },
        result: { data: { updateCarrierProjectReferral: accepted } },
      },
    ]);
    const stageForm = await screen.findByRole('form', { name: 'Changer d’étape' });
    expect(within(stageForm).getByLabelText('Date du changement')).toHaveValue(today);
    await user.selectOptions(within(stageForm).getByLabelText('Nouvelle étape'), 'REFERRED');
    await user.type(within(stageForm).getByLabelText('Note (facultative)'), 'Orienté vers la CAE.');
    await user.click(within(stageForm).getByRole('button', { name: 'Changer d’étape' }));
    expect(await screen.findByText('Le projet est passé à l’étape « Orienté ».')).toBeInTheDocument();
    const stages = screen.getByRole('table', { name: /Étapes du projet/ });
    expect(within(stages).getAllByRole('row')).toHaveLength(4);
    expect(within(stages).getByRole('row', { name: /Diagnostic → Orienté/ })).toHaveTextContent('Orienté vers la CAE.');
    expect(screen.getByText(/version 4/)).toBeInTheDocument();

    const opinionForm = screen.getByRole('form', { name: 'Donner l’avis technique' });
    await user.selectOptions(within(opinionForm).getByLabelText('Avis'), 'RESERVED');
    await user.type(within(opinionForm).getByLabelText('Motivation'), 'Modèle à consolider.');
    await user.click(within(opinionForm).getByRole('button', { name: 'Enregistrer l’avis' }));
    expect(await screen.findByText('Avis technique enregistré.')).toBeInTheDocument();
    expect(screen.getByText('Modèle à consolider.', { selector: 'blockquote' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Suite de l’orientation vers Coopérative d’activités'), 'ACCEPTED');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la suite de l’orientation vers Coopérative d’activités' }));
    await waitFor(() => expect(screen.getByText(/version 6/)).toBeInTheDocument());
    expect(screen.getByLabelText('Suite de l’orientation vers Coopérative d’activités')).toHaveValue('ACCEPTED');
  });

  it('says so when someone changed the project in between (CONFLICT), and nothing moves', async () => {
    const today = todayIso();
    const { user } = open([
      {
        request: {
          query: MOVE_CARRIER_PROJECT_STAGE_MUTATION,
          variables: { id: PROJECT_ID, version: 3, input: { stage: 'ABANDONED', changedOn: today, note: null } },
        },
        result: {
          errors: [
            new GraphQLError('Cet élément a été modifié entre-temps.', { extensions: { code: 'CONFLICT', currentVersion: 4 } }),
          ],
        },
      },
    ]);
    const stageForm = await screen.findByRole('form', { name: 'Changer d’étape' });
    await user.selectOptions(within(stageForm).getByLabelText('Nouvelle étape'), 'ABANDONED');
    await user.click(within(stageForm).getByRole('button', { name: 'Changer d’étape' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Le projet a été modifié entre-temps : rechargez la page, puis recommencez.',
    );
    expect(screen.getByText(/version 3/)).toBeInTheDocument();
  });

  it('lets the steering committee read the whole follow-up, without any form', async () => {
    open([], ['STEERING']);
    expect(await screen.findByText('Votre rôle permet de consulter ce projet, pas de le modifier.')).toBeInTheDocument();
    expect(screen.getByLabelText('Titre du projet')).toBeDisabled();
    expect(screen.getByRole('table', { name: /Étapes du projet/ })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: /Orientations du projet/ })).toHaveTextContent('Proposée');
    for (const form of ['Changer d’étape', 'Orienter vers une structure', 'Proposer un tutorat', 'Donner l’avis technique']) {
      expect(screen.queryByRole('form', { name: form })).not.toBeInTheDocument();
    }
    expect(screen.queryByRole('button', { name: 'Archiver' })).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('is axe clean for the mission, forms included', async () => {
    open([]);
    await screen.findByRole('form', { name: 'Changer d’étape' });
    await screen.findByRole('option', { name: 'Lire ses comptes (Sacha Martin)' });
    expect(await axeViolations()).toEqual([]);
  });
});

describe('Accompagnement — création', () => {
  it('requires a carrier, then creates the project and opens it', async () => {
    const created = project({
      version: 1,
      stage: 'RECEIVED',
      description: null,
      referrals: [],
      stageHistory: [history('1', null, 'RECEIVED', todayIso())],
    });
    const { user } = renderApp('/accompagnement/nouveau', [
      viewerMock(['ADMIN']),
      referencesMock,
      {
        request: { query: PERSON_PICKER_QUERY, variables: { text: 'ines', page: 0, pageSize: 10 } },
        result: {
          data: {
            adminPersons: {
              __typename: 'AdminPersonPage',
              totalCount: 1,
              items: [{ ...PERSON, jobTitle: 'Porteuse de projet', structure: null }],
            },
          },
        },
      },
      {
        request: {
          query: CREATE_CARRIER_PROJECT_MUTATION,
          variables: { input: { personId: PERSON.id, title: 'Épicerie solidaire itinérante', communeCode: '59392' } },
        },
        result: { data: { createCarrierProject: created } },
      },
      editMock(created),
      historyMock,
    ]);
    await user.type(await screen.findByLabelText('Titre du projet'), 'Épicerie solidaire itinérante');
    await user.type(screen.getByLabelText('Code commune (INSEE)'), '59392');
    await user.click(screen.getByRole('button', { name: 'Créer le projet' }));
    const carrier = screen.getByRole('group', { name: 'Porteur ou porteuse du projet' });
    expect(
      await screen.findByRole('link', {
        name: 'Porteur ou porteuse du projet : Choisissez le porteur ou la porteuse du projet.',
      }),
    ).toHaveAttribute('href', '#carrier-project-person');
    expect(carrier).toHaveAccessibleDescription(expect.stringContaining('Choisissez le porteur ou la porteuse du projet.'));

    await user.type(within(carrier).getByLabelText('Chercher une personne'), 'ines{Enter}');
    await user.click(await within(carrier).findByRole('button', { name: 'Choisir Inès Martin' }));
    await user.click(screen.getByRole('button', { name: 'Créer le projet' }));
    expect(await screen.findByText('Projet créé.')).toBeInTheDocument();
    expect(currentLocation()).toBe(`/accompagnement/${PROJECT_ID}`);
  });
});
