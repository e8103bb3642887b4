import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, IMPORT_STRUCTURES_MUTATION } from './ImportPage';
import { renderApp, viewerMock } from '../test/render';

const CSV = `${CSV_COLUMNS}\nAssociation A;;9220;59392;;;;;;;;;\nB;123;9220;00000;;;;;;;;;\nCoop C;;5560;59606;;;;;;;;;\n`;

function report(committed: boolean, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'ImportReport' as const,
    committed,
    totalRows: 3,
    validRows: 2,
    created: committed ? 1 : 0,
    updated: committed ? 1 : 0,
    errors: [
      { __typename: 'ImportError' as const, line: 3, column: 'code_commune', message: 'Code commune INSEE inconnu « 00000 ».' },
      { __typename: 'ImportError' as const, line: 3, column: 'siret', message: 'SIRET invalide (14 chiffres, clé de Luhn).' },
      { __typename: 'ImportError' as const, line: 1, column: 'couleur', message: 'Colonne inconnue « couleur ».' },
    ],
    preview: [
      {
        __typename: 'ImportPreviewRow' as const,
        line: 2,
        action: 'CREATE',
        name: 'Association A',
        siret: null,
        communeCode: '59392',
      },
      {
        __typename: 'ImportPreviewRow' as const,
        line: 4,
        action: 'UPDATE',
        name: 'Coop C',
        siret: '99000000000019',
        communeCode: '59606',
      },
    ],
    ...extra,
  };
}

describe('CSV import', () => {
  it('previews the file: errors by line and column, what would be created or updated; then imports the valid lines', async () => {
    let committed = false;
    const { user } = renderApp('/import', [
      viewerMock(['ADMIN']),
      {
        request: { query: IMPORT_STRUCTURES_MUTATION, variables: { csv: CSV, commit: false, skipInvalid: false } },
        result: { data: { importStructures: report(false) } },
      },
      {
        request: { query: IMPORT_STRUCTURES_MUTATION, variables: { csv: CSV, commit: true, skipInvalid: true } },
        result: () => {
          committed = true;
          return { data: { importStructures: report(true) } };
        },
      },
    ]);
    expect(await screen.findByText(CSV_COLUMNS)).toBeInTheDocument();
    await user.upload(screen.getByLabelText('Fichier CSV'), new File([CSV], 'structures.csv', { type: 'text/csv' }));
    expect(await screen.findByText('Fichier lu : structures.csv')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Prévisualiser' }));

    const errors = await screen.findByRole('table', { name: /Erreurs, par ligne/ });
    const rows = within(errors)
      .getAllByRole('row')
      .slice(1)
      .map((tr) =>
        within(tr)
          .getAllByRole('cell')
          .map((td) => td.textContent),
      );
    expect(rows).toEqual([
      ['1', 'couleur', 'Colonne inconnue « couleur ».'],
      ['3', 'code_commune', 'Code commune INSEE inconnu « 00000 ».'],
      ['3', 'siret', 'SIRET invalide (14 chiffres, clé de Luhn).'],
    ]);
    const preview = screen.getByRole('table', { name: "Ce que l'import ferait" });
    expect(within(preview).getByRole('row', { name: /Association A/ })).toHaveTextContent('Création');
    expect(within(preview).getByRole('row', { name: /Coop C/ })).toHaveTextContent('Mise à jour');
    expect(screen.getByText(/3 lignes lues, 2 valides : 1 création, 1 mise à jour, 3 erreurs/)).toBeInTheDocument();
    // With errors, importing everything is not offered.
    expect(screen.queryByRole('button', { name: 'Importer' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Importer en ignorant les lignes en erreur' }));
    await waitFor(() => expect(committed).toBe(true));
    expect(
      await screen.findByText(/Import terminé : 1 structure créée, 1 structure mise à jour, 2 lignes ignorées/),
    ).toBeInTheDocument();
  });

  it('asks for a file first', async () => {
    const { user } = renderApp('/import', [viewerMock(['ADMIN'])]);
    await user.click(await screen.findByRole('button', { name: 'Prévisualiser' }));
    expect(screen.getByLabelText('Fichier CSV')).toHaveAccessibleDescription('Choisissez un fichier CSV.');
  });
});
