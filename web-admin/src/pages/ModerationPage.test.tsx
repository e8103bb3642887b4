import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { describe, expect, it } from 'vitest';
import type { Role } from '../gql/graphql';
import { ACCEPT_SUBMISSION_MUTATION, REJECT_SUBMISSION_MUTATION, SUBMISSIONS_QUERY } from './ModerationPage';
import { renderApp, viewerMock } from '../test/render';
import { STRUCTURE_ID } from '../test/fixtures';

const correction = {
  __typename: 'StructureSubmission' as const,
  id: 'U3VibWlzc2lvbjox',
  kind: 'CORRECTION' as const,
  status: 'PENDING' as const,
  createdAt: '2025-03-01T08:00:00.000Z',
  submitterName: 'Dominique Visiteur',
  submitterEmail: 'dominique@exemple.org',
  message: 'Le numéro a changé.',
  rejectReason: null,
  reviewedAt: null,
  structure: { __typename: 'Structure' as const, id: STRUCTURE_ID, name: 'Les Jardins de la Sambre' },
  changes: [
    { __typename: 'SubmissionChange' as const, field: 'phone', current: '"03 27 00 00 01"', proposed: '"03 27 45 45 45"' },
    { __typename: 'SubmissionChange' as const, field: 'website', current: 'null', proposed: '"https://jardins.example"' },
  ],
};

function queueMock(nodes: unknown[], status: string[] | null = ['PENDING']): MockLink.MockedResponse {
  return {
    request: { query: SUBMISSIONS_QUERY, variables: { status, first: 20 } },
    result: {
      data: {
        submissions: {
          __typename: 'StructureSubmissionConnection',
          totalCount: nodes.length,
          edges: nodes.map((node, i) => ({ __typename: 'StructureSubmissionEdge', cursor: `c${i}`, node })),
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: nodes.length ? `c${nodes.length - 1}` : null },
        },
      },
    },
  };
}

function openQueue(mocks: MockLink.MockedResponse[], roles: Role[] = ['ADMIN']) {
  return renderApp('/moderation', [viewerMock(roles), queueMock([correction]), ...mocks]);
}

describe('Moderation', () => {
  it('shows each pending proposal as a diff table', async () => {
    openQueue([]);
    const card = await screen.findByRole('article', { name: 'Correction de « Les Jardins de la Sambre »' });
    const table = within(card).getByRole('table', { name: 'Modifications proposées' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Champ', 'Valeur actuelle', 'Proposition']);
    const phone = within(table).getByRole('row', { name: /Téléphone/ });
    expect(
      within(phone)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['03 27 00 00 01', '03 27 45 45 45']);
    const site = within(table).getByRole('row', { name: /Site web/ });
    expect(
      within(site)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['(vide)', 'https://jardins.example']);
    expect(within(card).getByText('Le numéro a changé.')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'dominique@exemple.org' })).toBeInTheDocument();
  });

  it('requires a reason to reject, then rejects with it', async () => {
    let rejected = false;
    const { user } = openQueue([
      {
        request: {
          query: REJECT_SUBMISSION_MUTATION,
          variables: { id: correction.id, reason: 'Numéro non vérifiable.' },
        },
        result: () => {
          rejected = true;
          return {
            data: {
              rejectSubmission: {
                __typename: 'StructureSubmission',
                id: correction.id,
                status: 'REJECTED',
                reviewedAt: '2025-03-02T08:00:00.000Z',
                rejectReason: 'Numéro non vérifiable.',
              },
            },
          };
        },
      },
      queueMock([]),
    ]);
    const card = await screen.findByRole('article', { name: /Correction de/ });
    await user.click(within(card).getByRole('button', { name: 'Refuser' }));
    const reason = within(card).getByLabelText('Motif du refus');
    expect(reason).toHaveFocus();
    expect(reason).toBeRequired();

    await user.click(within(card).getByRole('button', { name: 'Confirmer le refus' }));
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(expect.stringContaining('Indiquez le motif du refus'));
    expect(rejected).toBe(false);

    await user.type(reason, 'Numéro non vérifiable.');
    await user.click(within(card).getByRole('button', { name: 'Confirmer le refus' }));
    await waitFor(() => expect(rejected).toBe(true));
    expect(await screen.findByText(/Proposition refusée/)).toHaveAttribute('role', 'status');
    expect(await screen.findByText('Aucune proposition en attente.')).toBeInTheDocument();
  });

  it('accepts a proposal', async () => {
    const { user } = openQueue([
      {
        request: { query: ACCEPT_SUBMISSION_MUTATION, variables: { id: correction.id } },
        result: {
          data: {
            acceptSubmission: {
              __typename: 'StructureSubmission',
              id: correction.id,
              status: 'ACCEPTED',
              reviewedAt: '2025-03-02T08:00:00.000Z',
              structure: correction.structure,
            },
          },
        },
      },
      queueMock([]),
    ]);
    const card = await screen.findByRole('article', { name: /Correction de/ });
    await user.click(within(card).getByRole('button', { name: 'Accepter' }));
    expect(await screen.findByText(/Proposition acceptée/)).toBeInTheDocument();
  });

  it('lets the steering committee read without deciding', async () => {
    openQueue([], ['STEERING']);
    const card = await screen.findByRole('article', { name: /Correction de/ });
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says when the queue is empty', async () => {
    renderApp('/moderation', [viewerMock(['ADMIN']), queueMock([])]);
    expect(await screen.findByText('Aucune proposition en attente.')).toBeInTheDocument();
  });
});
