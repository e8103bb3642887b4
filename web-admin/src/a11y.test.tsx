import { screen } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { renderApp, viewerMock } from './test/render';
import { axeViolations } from './test/axe';
import { ADMIN_STRUCTURES_QUERY } from './pages/StructuresPage';
import { STRUCTURE_EDIT_QUERY, UPDATE_STRUCTURE_MUTATION } from './pages/structure/operations';
import { AUDIT_LOG_QUERY } from './components/AuditEntries';
import { NETWORKS, SECTORS, STRUCTURE_ID, editableStructure, structureRow } from './test/fixtures';

const emptyAudit = (variables: Record<string, unknown>): MockLink.MockedResponse => ({
  request: { query: AUDIT_LOG_QUERY, variables },
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
});

describe('Accessibility (axe, WCAG 2.1 AA)', () => {
  it('login page', async () => {
    renderApp('/connexion', [viewerMock(null)]);
    await screen.findByRole('button', { name: 'Se connecter' });
    expect(await axeViolations()).toEqual([]);
  });

  it('structures table', async () => {
    renderApp('/structures', [
      viewerMock(['ADMIN']),
      {
        request: {
          query: ADMIN_STRUCTURES_QUERY,
          variables: { text: null, status: null, sort: 'NAME', descending: false, page: 0, pageSize: 20 },
        },
        result: {
          data: {
            adminStructures: {
              __typename: 'AdminStructurePage',
              totalCount: 2,
              items: [structureRow(1), structureRow(2, { commune: null, viewerCanEdit: false })],
            },
          },
        },
      },
    ]);
    await screen.findByRole('link', { name: 'Structure 1' });
    expect(await axeViolations()).toEqual([]);
  });

  it('structure form with a field error', async () => {
    const { user } = renderApp(`/structures/${STRUCTURE_ID}`, [
      viewerMock(['ADMIN']),
      {
        request: { query: STRUCTURE_EDIT_QUERY, variables: { id: STRUCTURE_ID } },
        result: { data: { structure: editableStructure(), sectors: SECTORS, networks: NETWORKS } },
      },
      emptyAudit({ entityType: 'Structure', entityId: '12', actor: null, action: null, first: 20 }),
      {
        request: { query: UPDATE_STRUCTURE_MUTATION, variables: { id: STRUCTURE_ID, version: 2, input: { phone: 'abc' } } },
        result: {
          errors: [
            new GraphQLError('Certaines valeurs sont invalides.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'phone', messages: ["Le numéro de téléphone n'est pas valide."] }],
              },
            }),
          ],
        },
      },
    ]);
    const phone = await screen.findByLabelText('Téléphone');
    await screen.findByText('Aucune modification enregistrée pour cette structure.');
    expect(await axeViolations()).toEqual([]);
    await user.clear(phone);
    await user.type(phone, 'abc');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText("Téléphone : Le numéro de téléphone n'est pas valide.");
    expect(await axeViolations()).toEqual([]);
  });

  it('audit log', async () => {
    renderApp('/audit', [
      viewerMock(['STEERING']),
      emptyAudit({ entityType: null, entityId: null, actor: null, action: null, first: 20 }),
    ]);
    await screen.findByText('Aucune entrée ne correspond à ces critères.');
    expect(await axeViolations()).toEqual([]);
  });
});
