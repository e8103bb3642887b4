import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { currentLocation, renderApp, viewerMock } from '../../test/render';
import { axeViolations } from '../../test/axe';
import { SPACE_SECTORS, listMock, listVariables, referencesMock, spaceRow } from './testData';

describe('Ateliers, chantiers et journées (liste)', () => {
  it('lists the workshops with their sector, state, sessions and the viewer’s rights', async () => {
    renderApp('/espaces', [
      viewerMock(['ADMIN']),
      referencesMock(),
      listMock(listVariables(), [spaceRow(1), spaceRow(2, { status: 'PLANNED', sessions: [], participants: [] })]),
    ]);
    const table = await screen.findByRole('table', { name: 'Ateliers' });
    const row = within(table).getByRole('row', { name: /Atelier 1/ });
    expect(within(row).getByRole('link', { name: 'Atelier 1' })).toHaveAttribute('href', `/espaces/${spaceRow(1).id}`);
    expect(within(row).getByText("Insertion par l'activité économique")).toBeInTheDocument();
    expect(within(row).getByText('En cours')).toBeInTheDocument();
    expect(within(row).getByText('Modification')).toBeInTheDocument();
    expect(within(within(table).getByRole('row', { name: /Atelier 2/ })).getByText('Aucune')).toBeInTheDocument();
    expect(screen.getByText(/Ateliers : 2 espaces/)).toHaveAttribute('role', 'status');
    expect(screen.getByRole('link', { name: 'Nouvel espace' })).toHaveAttribute('href', '/espaces/nouveau?type=ateliers');
    expect(screen.getByRole('link', { name: 'Ateliers et chantiers' })).toHaveAttribute('aria-current', 'page');
    expect(await axeViolations()).toEqual([]);
  });

  it('filters by kind and sector on the server, in the URL', async () => {
    const { user } = renderApp('/espaces', [
      viewerMock(['ADMIN']),
      referencesMock(),
      listMock(listVariables(), [spaceRow(1)]),
      listMock(listVariables({ workshops: false, chantiers: true, sector: ['sap'] }), [
        spaceRow(5, { __typename: 'Chantier', kind: 'CHANTIER', title: 'Chantier numérique', sector: SPACE_SECTORS[1] }),
      ]),
    ]);
    await screen.findByRole('link', { name: 'Atelier 1' });
    await user.selectOptions(screen.getByLabelText("Type d'espace"), 'CHANTIER');
    await user.selectOptions(screen.getByLabelText('Secteur'), 'sap');
    await user.click(screen.getByRole('button', { name: 'Filtrer' }));
    expect(await screen.findByRole('link', { name: 'Chantier numérique' })).toBeInTheDocument();
    expect(currentLocation()).toBe('/espaces?type=chantiers&secteur=sap');
    expect(screen.getByRole('table', { name: 'Chantiers du secteur « Services à la personne »' })).toBeInTheDocument();
  });

  it('pages forward with the cursor and back', async () => {
    const { user } = renderApp('/espaces?taille=10', [
      viewerMock(['ADMIN']),
      referencesMock(),
      listMock(listVariables({ first: 10 }), [spaceRow(1)], { totalCount: 11, hasNextPage: true, endCursor: 'p1' }),
      listMock(listVariables({ first: 10, after: 'p1' }), [spaceRow(11)], { totalCount: 11, hasNextPage: false }),
    ]);
    await screen.findByRole('link', { name: 'Atelier 1' });
    expect(screen.getByText('Page 1 sur 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Page suivante/ }));
    expect(await screen.findByRole('link', { name: 'Atelier 11' })).toBeInTheDocument();
    expect(screen.getByText('Page 2 sur 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Page suivante/ })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: /Page précédente/ }));
    expect(await screen.findByRole('link', { name: 'Atelier 1' })).toBeInTheDocument();
  });

  it('shows the steering committee no creation button', async () => {
    renderApp('/espaces', [
      viewerMock(['STEERING']),
      referencesMock(),
      listMock(listVariables(), [spaceRow(1, { viewerCanEdit: false })]),
    ]);
    const table = await screen.findByRole('table', { name: 'Ateliers' });
    expect(within(table).getByText('Lecture seule')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Nouvel espace' })).not.toBeInTheDocument();
  });

  it('lets a facilitator open the section, and says which spaces they may edit', async () => {
    renderApp('/espaces', [
      viewerMock(['FACILITATOR'], { displayName: 'Fatou Animatrice' }),
      referencesMock(['iae']),
      listMock(listVariables(), [
        spaceRow(1),
        spaceRow(2, { title: 'Atelier aide à domicile', sector: SPACE_SECTORS[1], viewerCanEdit: false }),
      ]),
    ]);
    const table = await screen.findByRole('table', { name: 'Ateliers' });
    expect(within(within(table).getByRole('row', { name: /Atelier 1/ })).getByText('Modification')).toBeInTheDocument();
    expect(
      within(within(table).getByRole('row', { name: /Atelier aide à domicile/ })).getByText('Lecture seule'),
    ).toBeInTheDocument();
    expect(await screen.findByText(/Vous animez : Insertion par l'activité économique/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Nouvel espace' })).toBeInTheDocument();
    // Navigation: the sections a facilitator may open.
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Ateliers et chantiers' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Structures' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Secteur')).toHaveTextContent('Services à la personne'));
  });
});
