import { screen, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { describe, expect, it } from 'vitest';
import { ECOSYSTEM_STATS_QUERY } from './components/EcosystemStatsPanel';
import { renderApp, viewerMock } from './test/render';

const stats = {
  __typename: 'EcosystemStats' as const,
  structures: 312,
  sectors: 24,
  networks: 17,
  persons: 1540,
  workshops: 42,
  chantiers: 9,
  studyDays: 6,
  mentorOffers: 31,
  communes: 151,
  epcis: 4,
};

const statsMock: MockLink.MockedResponse = {
  request: { query: ECOSYSTEM_STATS_QUERY },
  result: { data: { ecosystemStats: stats } },
  // Leaves time to see the loading state once the session is known.
  delay: 200,
};

const errorMock: MockLink.MockedResponse = {
  request: { query: ECOSYSTEM_STATS_QUERY },
  error: new Error('API indisponible'),
};

/** Valeur (dd) associée à un libellé (dt) dans la liste des indicateurs. */
function valueFor(label: string): string | null {
  const term = screen.getByText(label, { selector: 'dt' });
  const value = term.parentElement?.querySelector('dd');
  return value?.textContent ?? null;
}

describe('Pilotage', () => {
  it('affiche les compteurs par entité avec des libellés français', async () => {
    renderApp('/', [viewerMock(['ADMIN']), statsMock]);

    expect(await screen.findByText('Chargement des indicateurs…')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('heading', { level: 1, name: 'Pilotage' })).toBeInTheDocument();

    await screen.findByText('Structures', { selector: 'dt' });

    const expected: Array<[string, string]> = [
      ['Structures', '312'],
      ['Secteurs', '24'],
      ['Réseaux', '17'],
      ['Personnes', '1\u202f540'],
      ['Ateliers', '42'],
      ['Chantiers', '9'],
      ["Journées d'études", '6'],
      ['Offres de tutorat', '31'],
      ['Communes', '151'],
      ['EPCI', '4'],
    ];
    for (const [label, value] of expected) {
      expect(valueFor(label), label).toBe(value);
    }
    const section = screen.getByRole('region', { name: 'Chiffres clés' });
    expect(within(section).getAllByRole('term')).toHaveLength(10);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('affiche une erreur accessible puis permet de réessayer', async () => {
    const { user } = renderApp('/', [viewerMock(['ADMIN']), errorMock, statsMock]);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Les indicateurs n'ont pas pu être chargés.");
    expect(screen.queryByRole('term')).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));

    await screen.findByText('Structures', { selector: 'dt' });
    expect(valueFor('Structures')).toBe('312');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
