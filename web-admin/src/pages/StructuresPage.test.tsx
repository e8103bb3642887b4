import { screen, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { describe, expect, it } from 'vitest';
import { ADMIN_STRUCTURES_QUERY } from './StructuresPage';
import { currentLocation, renderApp, viewerMock } from '../test/render';
import { structureRow } from '../test/fixtures';

type Vars = {
  text: string | null;
  status: string[] | null;
  sort: string;
  descending: boolean;
  page: number;
  pageSize: number;
};
const DEFAULTS: Vars = { text: null, status: null, sort: 'NAME', descending: false, page: 0, pageSize: 20 };

function structuresMock(vars: Partial<Vars>, rows: number[], totalCount = 120): MockLink.MockedResponse {
  return {
    request: { query: ADMIN_STRUCTURES_QUERY, variables: { ...DEFAULTS, ...vars } },
    result: {
      data: {
        adminStructures: { __typename: 'AdminStructurePage', totalCount, items: rows.map((n) => structureRow(n)) },
      },
    },
  };
}

describe('Structures table', () => {
  it('asks the API for the page, size and sort found in the URL', async () => {
    renderApp('/structures?tri=modification&ordre=desc&page=3&taille=50', [
      viewerMock(['ADMIN']),
      structuresMock({ sort: 'UPDATED_AT', descending: true, page: 2, pageSize: 50 }, [101, 102]),
    ]);
    expect(await screen.findByRole('link', { name: 'Structure 101' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('120 structures');
    expect(screen.getByText('Page 3 sur 3')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Dernière modification/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: /Nom/ })).toHaveAttribute('aria-sort', 'none');
    expect(screen.getByLabelText('Lignes par page')).toHaveValue('50');
  });

  it('sorts and pages through the API, keeping the state in the URL', async () => {
    const { user } = renderApp('/structures', [
      viewerMock(['ADMIN']),
      structuresMock({}, [1, 2]),
      structuresMock({ descending: true }, [120, 119]),
      structuresMock({ descending: true, page: 1 }, [100, 99]),
      structuresMock({ sort: 'CREATED_AT', descending: true }, [7]),
      structuresMock({ sort: 'CREATED_AT', descending: true, pageSize: 10 }, [7]),
    ]);
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('link', { name: 'Structure 1' })).toBeInTheDocument();

    // Same column again: descending.
    await user.click(screen.getByRole('button', { name: /^Nom/ }));
    expect(await screen.findByRole('link', { name: 'Structure 120' })).toBeInTheDocument();
    expect(currentLocation()).toBe('/structures?tri=nom&ordre=desc');

    await user.click(screen.getByRole('button', { name: /Page suivante/ }));
    expect(await screen.findByRole('link', { name: 'Structure 100' })).toBeInTheDocument();
    expect(currentLocation()).toBe('/structures?tri=nom&ordre=desc&page=2');

    // Another column: back to the first page; dates start with the newest.
    await user.click(screen.getByRole('button', { name: /^Création/ }));
    expect(await screen.findByRole('link', { name: 'Structure 7' })).toBeInTheDocument();
    expect(currentLocation()).toBe('/structures?tri=creation&ordre=desc');

    await user.selectOptions(screen.getByLabelText('Lignes par page'), '10');
    expect(await screen.findByText('Page 1 sur 12')).toBeInTheDocument();
    expect(currentLocation()).toBe('/structures?tri=creation&ordre=desc&taille=10');
  });

  it('filters by text and status from the first page', async () => {
    const { user } = renderApp('/structures?page=4', [
      viewerMock(['ADMIN']),
      structuresMock({ page: 3 }, [61]),
      structuresMock({ text: 'jardin', status: ['DRAFT'] }, [], 0),
    ]);
    await screen.findByRole('link', { name: 'Structure 61' });
    await user.type(screen.getByLabelText('Nom de la structure'), 'jardin');
    await user.selectOptions(screen.getByLabelText('Statut'), 'DRAFT');
    await user.click(screen.getByRole('button', { name: 'Filtrer' }));
    expect(await screen.findByText('Aucune structure ne correspond à ces critères.')).toBeInTheDocument();
    expect(currentLocation()).toBe('/structures?q=jardin&statut=DRAFT');
  });

  it('shows an error with a retry', async () => {
    const { user } = renderApp('/structures', [
      viewerMock(['ADMIN']),
      { request: { query: ADMIN_STRUCTURES_QUERY, variables: DEFAULTS }, error: new Error('Failed to fetch') },
      structuresMock({}, [1]),
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("La liste des structures n'a pas pu être chargée.");
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('link', { name: 'Structure 1' })).toBeInTheDocument();
  });
});
