import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../test/axe';
import { currentLocation, renderApp, viewerMock } from '../test/render';
import { BACKGROUND_JOBS_QUERY, JOB_RUNS_QUERY, JOB_RUNS_PAGE_SIZE, RUN_JOB_NOW_MUTATION } from './JobsPage';

const run = (id: string, o: Record<string, unknown> = {}) => ({
  __typename: 'JobRun' as const,
  id,
  name: 'purge-expired',
  startedAt: '2025-03-04T10:20:00.000Z',
  durationMs: 42,
  outcome: 'SUCCESS',
  error: null,
  attempt: 1,
  maxAttempts: 3,
  trigger: 'SCHEDULE',
  counts: [] as Array<{ __typename: 'JobCount'; name: string; value: number }>,
  ...o,
});

const job = (name: string, label: string, o: Record<string, unknown> = {}) => ({
  __typename: 'BackgroundJob' as const,
  name,
  label,
  schedule: '20 * * * *',
  scheduleLabel: 'toutes les heures',
  manual: true,
  waiting: 0,
  lastRun: null,
  ...o,
});

/** A run as the jobs query selects it (no name, no counts). */
const lastRun = (id: string, o: Record<string, unknown> = {}) => {
  const { name: _n, counts: _c, __typename, ...fields } = run(id, o);
  return { __typename, ...fields };
};

function jobsMock(retentionWaiting = 0): MockLink.MockedResponse {
  return {
    request: { query: BACKGROUND_JOBS_QUERY },
    result: {
      data: {
        jobs: [
          job('retention', 'Anonymisation des personnes (durée de conservation)', {
            schedule: '10 */6 * * *',
            scheduleLabel: 'toutes les 6 heures',
            waiting: retentionWaiting,
          }),
          job('purge-expired', 'Purge des données expirées', { lastRun: lastRun('9') }),
          job('send-mail', 'Envoi des e-mails', {
            schedule: null,
            scheduleLabel: null,
            manual: false,
            lastRun: lastRun('8', {
              outcome: 'FAILURE',
              error: 'EENVELOPE: 550 Mailbox unavailable: …@…',
              attempt: 10,
              maxAttempts: 10,
            }),
          }),
        ],
      },
    },
  };
}

function runsMock(name: string | null, runs: unknown[], after?: string, hasNextPage = false): MockLink.MockedResponse {
  return {
    request: { query: JOB_RUNS_QUERY, variables: { name, first: JOB_RUNS_PAGE_SIZE, ...(after ? { after } : {}) } },
    result: {
      data: {
        jobRuns: {
          __typename: 'JobRunConnection',
          totalCount: runs.length,
          edges: runs.map((node: any) => ({ __typename: 'JobRunEdge', cursor: `c${node.id}`, node })),
          pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: runs.length ? `c${(runs.at(-1) as any).id}` : null },
        },
      },
    },
  };
}

const history = [
  run('9', {
    counts: [
      { __typename: 'JobCount', name: 'sessions', value: 3 },
      { __typename: 'JobCount', name: 'mails', value: 12 },
    ],
  }),
  run('8', {
    name: 'send-mail',
    outcome: 'RETRY',
    trigger: 'EVENT',
    attempt: 2,
    maxAttempts: 10,
    error: 'ECONNECTION: Connection closed unexpectedly',
  }),
];

describe('Tâches planifiées', () => {
  it('lists the jobs with their schedule and last outcome, and the history of their runs', async () => {
    renderApp('/taches', [viewerMock(['ADMIN']), jobsMock(), runsMock(null, history)]);
    const table = await screen.findByRole('table', { name: 'Tâches de la plateforme' });
    const purge = within(table).getByRole('row', { name: /Purge des données expirées/ });
    expect(within(purge).getByText('Réussie')).toHaveClass('badge');
    expect(within(purge).getByText('toutes les heures')).toBeInTheDocument();
    const mail = within(table).getByRole('row', { name: /Envoi des e-mails/ });
    expect(within(mail).getByText('Échec définitif')).toBeInTheDocument();
    expect(within(mail).getByText('EENVELOPE: 550 Mailbox unavailable: …@…')).toBeInTheDocument();
    expect(within(mail).getByText('À chaque message à envoyer')).toBeInTheDocument();
    // Mail is sent when there is mail to send: no « Lancer maintenant ».
    expect(within(mail).queryByRole('button')).not.toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /Anonymisation/ })).toHaveTextContent('Jamais exécutée');

    const runs = await screen.findByRole('table', { name: 'Exécutions, de la plus récente à la plus ancienne' });
    const rows = within(runs).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(1)
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['Purge des données expirées', 'Planification', 'Réussie', '1 sur 3', '42 ms', '3 sessions expirées, 12 e-mails'],
      [
        'Envoi des e-mails',
        'Événement',
        'Échec, nouvel essai prévu',
        '2 sur 10',
        '42 ms',
        'ECONNECTION: Connection closed unexpectedly',
      ],
    ]);
    expect(await axeViolations()).toEqual([]);
  });

  it('filters the history by job, in the URL', async () => {
    const { user } = renderApp('/taches', [
      viewerMock(['ADMIN']),
      jobsMock(),
      runsMock(null, history),
      runsMock('send-mail', [history[1]]),
    ]);
    await screen.findByRole('table', { name: 'Exécutions, de la plus récente à la plus ancienne' });
    await user.selectOptions(screen.getByLabelText('Tâche'), 'send-mail');
    await waitFor(() => expect(screen.queryByText('3 sessions expirées, 12 e-mails')).not.toBeInTheDocument());
    expect(screen.getByText('ECONNECTION: Connection closed unexpectedly')).toBeInTheDocument();
    expect(currentLocation()).toBe('/taches?tache=send-mail');
  });

  it('« Lancer maintenant » queues a run and says so; a refusal is shown', async () => {
    let started = false;
    const { user } = renderApp('/taches', [
      viewerMock(['ADMIN']),
      jobsMock(),
      runsMock(null, history),
      {
        request: { query: RUN_JOB_NOW_MUTATION, variables: { name: 'retention' } },
        result: () => {
          started = true;
          return { data: { runJobNow: { __typename: 'BackgroundJob', name: 'retention', waiting: 1 } } };
        },
      },
      jobsMock(1),
      runsMock(null, history),
      {
        request: { query: RUN_JOB_NOW_MUTATION, variables: { name: 'purge-expired' } },
        result: { errors: [new GraphQLError('Vous n’avez pas accès à cette ressource.', { extensions: { code: 'FORBIDDEN' } })] },
      },
    ]);
    await user.click(
      await screen.findByRole('button', { name: 'Lancer maintenant : Anonymisation des personnes (durée de conservation)' }),
    );
    await waitFor(() => expect(started).toBe(true));
    expect(
      await screen.findByText(
        "« Anonymisation des personnes (durée de conservation) » est en file d'attente : elle s'exécute dans quelques instants.",
      ),
    ).toHaveAttribute('role', 'status');
    const retention = screen.getByRole('row', { name: /Anonymisation/ });
    await waitFor(() => expect(within(retention).getAllByRole('cell')[2]).toHaveTextContent('1'));

    await user.click(screen.getByRole('button', { name: 'Lancer maintenant : Purge des données expirées' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "« Purge des données expirées » n'a pas pu être lancée. Vous n’avez pas accès à cette ressource.",
    );
  });

  it('is reserved to the mission (ADMIN)', async () => {
    renderApp('/taches', [viewerMock(['STEERING'])]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès non autorisé' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Tâches planifiées' })).not.toBeInTheDocument();
  });
});
