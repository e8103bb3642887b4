import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { axeViolations } from '../../test/axe';
import { renderApp, viewerMock } from '../../test/render';
import {
  ADD_PLAN_MILESTONE_MUTATION,
  PLAN_QUERY,
  RECORD_INDICATOR_VALUE_MUTATION,
  SET_PLAN_MILESTONE_DONE_MUTATION,
  STEERING_MEETINGS_QUERY,
  UPDATE_PLAN_ACTION_MUTATION,
} from './operations';
import { progressText } from './model';

function action(current: number | null = 12) {
  return {
    __typename: 'PlanAction' as const,
    id: 'UGxhbkFjdGlvbjox',
    number: 1,
    title: 'Structurer le pôle territorial',
    description: null,
    owner: 'Mission ESS',
    status: 'ON_TRACK',
    version: 3,
    objectives: ['Réunir les acteurs'],
    milestones: [
      {
        __typename: 'PlanMilestone' as const,
        id: 'm1',
        title: 'Charte signée',
        dueOn: '2026-06-30',
        doneOn: null as string | null,
      },
    ],
    indicators: [
      {
        __typename: 'PlanIndicator' as const,
        id: 'i1',
        code: 'MEMBRES',
        title: 'Structures membres',
        unit: 'structures',
        target: 20,
        computedKey: null,
        current,
        history: [
          { __typename: 'PlanIndicatorValue' as const, measuredOn: '2026-01-10', value: 12, note: 'AG', source: 'MANUAL' },
        ],
      },
    ],
  };
}

const planMock = (a = action()): MockLink.MockedResponse => ({
  request: { query: PLAN_QUERY },
  result: { data: { planActions: [a] } },
});
const meetingsMock: MockLink.MockedResponse = {
  request: { query: STEERING_MEETINGS_QUERY },
  result: {
    data: {
      steeringMeetings: [
        {
          __typename: 'SteeringMeeting',
          id: 'S1',
          heldOn: '2026-02-01',
          title: 'COPIL n° 1',
          notes: null,
          decisions: [
            {
              __typename: 'SteeringDecision',
              id: 'D1',
              text: 'Lancer la charte',
              owner: 'Mission',
              dueOn: '2026-03-01',
              status: 'IN_PROGRESS',
              followUp: 'Projet envoyé',
              actionNumber: 1,
            },
          ],
        },
      ],
    },
  },
};

describe("Plan d'action", () => {
  it('shows the actions with status and indicator progress (read only for STEERING)', async () => {
    renderApp('/plan', [viewerMock(['STEERING']), planMock(), meetingsMock]);
    const card = await screen.findByRole('article', { name: 'Action 1 — Structurer le pôle territorial' });
    expect(within(card).getByText('En bonne voie')).toBeInTheDocument();
    expect(within(card).getByText('12 / 20 structures (60 %)')).toBeInTheDocument();
    const bar = within(card).getByRole('progressbar', { name: /Structures membres/ });
    expect(bar).toHaveAttribute('value', '12');
    expect(bar).toHaveAttribute('max', '20');
    expect(within(card).getByRole('table', { name: 'Historique de « Structures membres »' })).toHaveTextContent('AG');
    expect(within(card).queryByRole('button', { name: 'Enregistrer la valeur' })).not.toBeInTheDocument();
    // Milestones are shown, without controls.
    const milestones = within(card).getByRole('table', { name: "Jalons de l'action 1" });
    expect(within(milestones).getByRole('row', { name: /Charte signée/ })).toHaveTextContent('30 juin 2026');
    expect(within(milestones).queryByRole('columnheader', { name: 'Suivi' })).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: /Marquer/ })).not.toBeInTheDocument();
    expect(within(card).queryByRole('form', { name: "Ajouter un jalon à l'action 1" })).not.toBeInTheDocument();
    const decisions = await screen.findByRole('table', { name: /Décisions du comité/ });
    expect(decisions).toHaveTextContent('Projet envoyé');
    expect(within(decisions).getByText('En cours')).toBeInTheDocument();
  });

  it('records a value of a hand-entered indicator', async () => {
    let recorded = false;
    const { user } = renderApp('/plan', [
      viewerMock(['ADMIN']),
      planMock(),
      meetingsMock,
      {
        request: {
          query: RECORD_INDICATOR_VALUE_MUTATION,
          variables: { code: 'MEMBRES', measuredOn: '2026-04-02', value: 14.5, note: 'Comité' },
        },
        result: () => {
          recorded = true;
          return { data: { recordIndicatorValue: true } };
        },
      },
      planMock(action(14.5)),
    ]);
    const form = await screen.findByRole('form', { name: 'Saisir une valeur pour « Structures membres »' });
    const date = within(form).getByLabelText('Date de mesure');
    await user.clear(date);
    await user.type(date, '2026-04-02');
    await user.type(within(form).getByLabelText('Valeur (structures)'), '14,5');
    await user.type(within(form).getByLabelText('Note'), 'Comité');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la valeur' }));
    await waitFor(() => expect(recorded).toBe(true));
    expect(await screen.findByText('Valeur enregistrée.')).toBeInTheDocument();
    expect(await screen.findByText('14,5 / 20 structures (73 %)')).toBeInTheDocument();
  });

  it('shows the conflict message when the action changed meanwhile', async () => {
    const { user } = renderApp('/plan', [
      viewerMock(['ADMIN']),
      planMock(),
      meetingsMock,
      {
        request: {
          query: UPDATE_PLAN_ACTION_MUTATION,
          variables: { number: 1, version: 3, status: 'LATE', owner: 'Mission ESS' },
        },
        result: { errors: [{ message: 'Version périmée', extensions: { code: 'CONFLICT' } }] },
      },
      planMock({ ...action(), version: 4, status: 'AT_RISK' }),
    ]);
    const form = await screen.findByRole('form', { name: "Modifier l'action 1" });
    await user.selectOptions(within(form).getByLabelText('Statut'), 'LATE');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText(/modifiée par quelqu'un d'autre/)).toBeInTheDocument();
    // The current version is reloaded: its status badge shows, the next save sends version 4.
    expect(await screen.findByText('À risque', { selector: '.badge' })).toBeInTheDocument();
  });

  it('adds a milestone to an action', async () => {
    const withMilestone = action();
    withMilestone.milestones = [
      ...withMilestone.milestones,
      { __typename: 'PlanMilestone' as const, id: 'm2', title: 'Premier forum', dueOn: '2026-09-15', doneOn: null },
    ];
    const { user } = renderApp('/plan', [
      viewerMock(['ADMIN']),
      planMock(),
      meetingsMock,
      {
        request: { query: ADD_PLAN_MILESTONE_MUTATION, variables: { number: 1, title: 'Premier forum', dueOn: '2026-09-15' } },
        result: { data: { addPlanMilestone: true } },
      },
      planMock(withMilestone),
    ]);
    const form = await screen.findByRole('form', { name: "Ajouter un jalon à l'action 1" });
    await user.type(within(form).getByLabelText('Intitulé du jalon'), 'Premier forum');
    await user.type(within(form).getByLabelText('Échéance du jalon'), '2026-09-15');
    await user.click(within(form).getByRole('button', { name: 'Ajouter le jalon' }));
    expect(await within(form).findByText('Jalon ajouté.')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: "Jalons de l'action 1" });
    expect(await within(table).findByRole('row', { name: /Premier forum/ })).toHaveTextContent('15 septembre 2026');
    expect(within(form).getByLabelText('Intitulé du jalon')).toHaveValue('');
    expect(await axeViolations()).toEqual([]);
  });

  it('shows the API message next to the milestone field concerned', async () => {
    const { user } = renderApp('/plan', [
      viewerMock(['ADMIN']),
      planMock(),
      meetingsMock,
      {
        request: { query: ADD_PLAN_MILESTONE_MUTATION, variables: { number: 1, title: 'Forum', dueOn: '2026-09-15' } },
        result: {
          errors: [new GraphQLError('Date au format AAAA-MM-JJ.', { extensions: { code: 'BAD_USER_INPUT', field: 'dueOn' } })],
        },
      },
    ]);
    const form = await screen.findByRole('form', { name: "Ajouter un jalon à l'action 1" });
    // A too short title is refused before sending.
    await user.type(within(form).getByLabelText('Intitulé du jalon'), 'F');
    await user.click(within(form).getByRole('button', { name: 'Ajouter le jalon' }));
    expect(within(form).getByLabelText('Intitulé du jalon')).toHaveAccessibleDescription('Intitulé trop court.');
    await user.type(within(form).getByLabelText('Intitulé du jalon'), 'orum');
    await user.type(within(form).getByLabelText('Échéance du jalon'), '2026-09-15');
    await user.click(within(form).getByRole('button', { name: 'Ajouter le jalon' }));
    await waitFor(() =>
      expect(within(form).getByLabelText('Échéance du jalon')).toHaveAccessibleDescription('Date au format AAAA-MM-JJ.'),
    );
    expect(within(form).getByLabelText('Échéance du jalon')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByLabelText('Intitulé du jalon')).not.toHaveAttribute('aria-invalid');
  });

  it('marks a milestone done, then not done', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const done = action();
    done.milestones = [{ ...done.milestones[0]!, doneOn: '2026-04-02' }];
    const { user } = renderApp('/plan', [
      viewerMock(['ADMIN']),
      planMock(),
      meetingsMock,
      {
        request: { query: SET_PLAN_MILESTONE_DONE_MUTATION, variables: { id: 'm1', doneOn: today } },
        result: { data: { setPlanMilestoneDone: true } },
      },
      planMock(done),
      {
        request: { query: SET_PLAN_MILESTONE_DONE_MUTATION, variables: { id: 'm1', doneOn: null } },
        result: { data: { setPlanMilestoneDone: true } },
      },
      planMock(),
    ]);
    const table = await screen.findByRole('table', { name: "Jalons de l'action 1" });
    expect(within(table).getByRole('row', { name: /Charte signée/ })).toHaveTextContent('à venir');
    await user.click(within(table).getByRole('button', { name: 'Marquer réalisé : Charte signée' }));
    expect(await within(table).findByText('2 avril 2026')).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Marquer non réalisé : Charte signée' }));
    expect(await within(table).findByText('à venir')).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Marquer réalisé : Charte signée' })).toBeInTheDocument();
  });

  it('describes progress without target or value', () => {
    expect(progressText({ current: null, target: 10, unit: 'ateliers' })).toBe('Aucune valeur (cible : 10 ateliers)');
    expect(progressText({ current: 3, target: null, unit: '' })).toBe('3');
  });
});
