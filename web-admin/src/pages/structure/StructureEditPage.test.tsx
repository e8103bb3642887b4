import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Role, StructureEditFieldsFragment } from '../../gql/graphql';
import { AUDIT_LOG_QUERY } from '../../components/AuditEntries';
import { renderApp, viewerMock } from '../../test/render';
import { NETWORKS, SECTORS, STRUCTURE_ID, editableStructure } from '../../test/fixtures';
import {
  ARCHIVE_STRUCTURE_MUTATION,
  SET_STRUCTURE_SECTORS_MUTATION,
  STRUCTURE_EDIT_QUERY,
  UPDATE_STRUCTURE_MUTATION,
} from './operations';

function editMock(structure = editableStructure()): MockLink.MockedResponse {
  return {
    request: { query: STRUCTURE_EDIT_QUERY, variables: { id: STRUCTURE_ID } },
    result: { data: { structure, sectors: SECTORS, networks: NETWORKS } },
  };
}

const historyMock: MockLink.MockedResponse = {
  request: {
    query: AUDIT_LOG_QUERY,
    variables: { entityType: 'Structure', entityId: '12', actor: null, action: null, first: 20 },
  },
  maxUsageCount: 10,
  result: {
    data: {
      auditLog: {
        __typename: 'AuditEntryConnection',
        totalCount: 1,
        edges: [
          {
            __typename: 'AuditEntryEdge',
            cursor: 'c1',
            node: {
              __typename: 'AuditEntry',
              id: '1',
              at: '2025-03-04T10:00:00.000Z',
              actor: 'mission@exemple.org',
              action: 'UPDATE',
              entityType: 'Structure',
              entityId: '12',
              changes: [{ __typename: 'AuditChange', field: 'phone', before: 'null', after: '"03 27 00 00 01"' }],
            },
          },
        ],
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
      },
    },
  },
};

function updateMock(
  version: number,
  input: Record<string, unknown>,
  result: MockLink.MockedResponse['result'],
): MockLink.MockedResponse & { result: NonNullable<MockLink.MockedResponse['result']> } {
  return {
    request: { query: UPDATE_STRUCTURE_MUTATION, variables: { id: STRUCTURE_ID, version, input } },
    result: result!,
  };
}

function saved(structure: Partial<StructureEditFieldsFragment>) {
  return { data: { updateStructure: editableStructure(structure) } };
}

function open(mocks: MockLink.MockedResponse[], roles: Role[] = ['ADMIN']) {
  return renderApp(`/structures/${STRUCTURE_ID}`, [viewerMock(roles), editMock(), historyMock, ...mocks]);
}

describe('Structure form', () => {
  it('sends only the changed field with the loaded version, then says « Modifications enregistrées »', async () => {
    const { user } = open([updateMock(2, { phone: '03 27 99 99 99' }, saved({ phone: '03 27 99 99 99', version: 3 }))]);
    const phone = await screen.findByLabelText('Téléphone');
    expect(screen.getByRole('heading', { level: 1, name: 'Les Jardins de la Sambre' })).toBeInTheDocument();
    await user.clear(phone);
    await user.type(phone, '03 27 99 99 99');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toHaveAttribute('role', 'status');
    expect(screen.getByText(/Version 3/)).toBeInTheDocument();
    expect(screen.getByLabelText('Téléphone')).toHaveValue('03 27 99 99 99');
  });

  it('shows a BAD_USER_INPUT message next to the field concerned', async () => {
    const { user } = open([
      updateMock(
        2,
        { nafCode: 'nimporte' },
        {
          errors: [
            new GraphQLError('Certaines valeurs sont invalides.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'nafCode', messages: ['Le code NAF a la forme 88.99B.'] }],
              },
            }),
          ],
        },
      ),
    ]);
    const naf = await screen.findByLabelText('Code NAF');
    await user.clear(naf);
    await user.type(naf, 'nimporte');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(screen.getByLabelText('Code NAF')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Code NAF')).toHaveAccessibleDescription(
      expect.stringContaining('Le code NAF a la forme 88.99B.'),
    );
    const field = screen.getByLabelText('Code NAF').closest('.field') as HTMLElement;
    expect(within(field).getByText('Le code NAF a la forme 88.99B.')).toBeInTheDocument();
    // The summary at the top links to the field.
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Code NAF : Le code NAF a la forme 88.99B.' })).toHaveAttribute(
      'href',
      '#structure-nafCode',
    );
    expect(screen.getByLabelText('Téléphone')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Modifications enregistrées.')).not.toBeInTheDocument();
  });

  it('puts a typed error (extensions.field) next to its field', async () => {
    const { user } = open([
      updateMock(
        2,
        { siret: '12345678901234' },
        {
          errors: [
            new GraphQLError('Le SIRET doit comporter 14 chiffres et sa clé de contrôle (Luhn) doit être juste.', {
              extensions: { code: 'INVALID_SIRET', field: 'siret', value: '12345678901234' },
            }),
          ],
        },
      ),
    ]);
    await user.type(await screen.findByLabelText('SIRET'), '12345678901234');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(screen.getByLabelText('SIRET')).toHaveAccessibleDescription(expect.stringContaining('clé de contrôle (Luhn)')),
    );
  });

  it('shows a conflict, current value against the submitted one, and re-applies the changes on the new version', async () => {
    const conflict = new GraphQLError('Cet élément a été modifié entre-temps par alice@exemple.org (version 3, la vôtre : 2).', {
      extensions: {
        code: 'CONFLICT',
        currentVersion: 3,
        changes: [
          { field: 'phone', current: '03 27 11 11 11', submitted: '03 27 99 99 99' },
          { field: 'valuesStatement', current: 'Coopération', submitted: null },
        ],
        lastChangedBy: 'alice@exemple.org',
        lastChangedAt: '2025-03-05T09:30:00.000Z',
      },
    });
    const newer = editableStructure({
      version: 3,
      phone: '03 27 11 11 11',
      services: 'Paniers et ateliers',
      values: 'Coopération',
    });
    const { user } = open([
      updateMock(2, { phone: '03 27 99 99 99' }, { errors: [conflict] }),
      editMock(newer),
      updateMock(3, { phone: '03 27 99 99 99' }, saved({ ...newer, phone: '03 27 99 99 99', version: 4 })),
    ]);
    const phone = await screen.findByLabelText('Téléphone');
    await user.clear(phone);
    await user.type(phone, '03 27 99 99 99');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    // Text queries first: role queries over the whole form are slow in jsdom.
    const panel = (await screen.findByText('Conflit de modification')).closest('section') as HTMLElement;
    expect(panel).toHaveAccessibleName('Conflit de modification');
    expect(within(panel).getByRole('alert')).toHaveTextContent('alice@exemple.org');
    const table = within(panel).getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Champ', 'Valeur actuelle', 'Votre saisie']);
    const phoneRow = within(table).getByRole('row', { name: /Téléphone/ });
    expect(
      within(phoneRow)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['03 27 11 11 11', '03 27 99 99 99']);
    const valuesRow = within(table).getByRole('row', { name: /Valeurs/ });
    expect(
      within(valuesRow)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Coopération', '(vide)']);
    await waitFor(() => expect(panel).toHaveFocus());

    await user.click(within(panel).getByRole('button', { name: 'Réappliquer mes modifications' }));
    await waitFor(() => expect(screen.queryByText('Conflit de modification')).not.toBeInTheDocument());
    expect(screen.getByLabelText('Téléphone')).toHaveValue('03 27 99 99 99');
    expect(screen.getByLabelText('Services proposés')).toHaveValue('Paniers et ateliers');
    expect(screen.getByText(/réappliquées sur la version actuelle \(version 3\)/)).toHaveAttribute('role', 'status');

    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toBeInTheDocument();
  });

  it('reloads the current version, dropping the changes', async () => {
    const conflict = new GraphQLError('Modifié entre-temps.', {
      extensions: { code: 'CONFLICT', currentVersion: 3, changes: [], lastChangedBy: null, lastChangedAt: null },
    });
    const { user } = open([
      updateMock(2, { phone: '03 27 99 99 99' }, { errors: [conflict] }),
      editMock(editableStructure({ version: 3, phone: '03 27 11 11 11' })),
    ]);
    const phone = await screen.findByLabelText('Téléphone');
    await user.clear(phone);
    await user.type(phone, '03 27 99 99 99');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await user.click(await screen.findByRole('button', { name: 'Recharger la version actuelle' }));
    await waitFor(() => expect(screen.getByLabelText('Téléphone')).toHaveValue('03 27 11 11 11'));
  });

  it('saves sectors with setStructureSectors', async () => {
    const { user } = open([
      {
        request: { query: SET_STRUCTURE_SECTORS_MUTATION, variables: { id: STRUCTURE_ID, codes: ['iae', 'sap'] } },
        result: { data: { setStructureSectors: { __typename: 'Structure', id: STRUCTURE_ID, sectors: SECTORS } } },
      },
    ]);
    const group = await screen.findByRole('group', { name: 'Secteurs' });
    expect(within(group).getByLabelText("Insertion par l'activité économique")).toBeChecked();
    await user.click(within(group).getByLabelText('Services à la personne'));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toBeInTheDocument();
  });

  it('archives after a confirmation', async () => {
    const { user } = open([
      {
        request: { query: ARCHIVE_STRUCTURE_MUTATION, variables: { id: STRUCTURE_ID, version: 2 } },
        result: { data: { archiveStructure: editableStructure({ status: 'ARCHIVED', version: 3 }) } },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Archiver' }));
    const dialog = screen.getByRole('dialog', { name: 'Archiver cette structure ?' });
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Archiver la structure' }));
    expect(await screen.findByText(/Structure archivée/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archiver' })).not.toBeInTheDocument();
  });

  it('tells a structure editor that another structure is not theirs, once', async () => {
    const notMine = editableStructure({ viewerCanEdit: false });
    const forbidden = new GraphQLError('Vous ne pouvez modifier que les structures qui vous sont confiées.', {
      extensions: { code: 'FORBIDDEN' },
    });
    const { user } = renderApp(`/structures/${STRUCTURE_ID}`, [
      viewerMock(['STRUCTURE_EDITOR']),
      editMock(notMine),
      updateMock(2, { phone: '03 27 99 99 99' }, { errors: [forbidden] }),
    ]);
    expect(await screen.findByText('Vous ne pouvez modifier que les structures qui vous sont confiées.')).toBeInTheDocument();
    // No history (audit log) for editors, no archive, no status.
    expect(screen.queryByRole('heading', { name: 'Historique' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archiver' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Statut de publication')).not.toBeInTheDocument();

    const phone = screen.getByLabelText('Téléphone');
    await user.clear(phone);
    await user.type(phone, '03 27 99 99 99');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Vous ne pouvez modifier que les structures qui vous sont confiées.',
    );
    expect(screen.getAllByText('Vous ne pouvez modifier que les structures qui vous sont confiées.')).toHaveLength(1);
    expect(screen.queryByText('Modifications enregistrées.')).not.toBeInTheDocument();
  });

  it('shows the history of the structure to the mission', async () => {
    open([]);
    const history = await screen.findByRole('region', { name: 'Historique' });
    expect(await within(history).findByText('Modification')).toBeInTheDocument();
    expect(within(history).getByText('mission@exemple.org')).toBeInTheDocument();
  });

  it('says when the structure does not exist', async () => {
    renderApp(`/structures/${STRUCTURE_ID}`, [
      viewerMock(['ADMIN']),
      {
        request: { query: STRUCTURE_EDIT_QUERY, variables: { id: STRUCTURE_ID } },
        result: { data: { structure: null, sectors: SECTORS, networks: NETWORKS } },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Structure introuvable' })).toBeInTheDocument();
  });
});
