import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { createCache } from './apollo';
import { ECOSYSTEM_STATS_QUERY } from './components/EcosystemStatsPanel';

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
};

const errorMock: MockLink.MockedResponse = {
  request: { query: ECOSYSTEM_STATS_QUERY },
  error: new Error('API indisponible'),
};

function renderApp(mocks: MockLink.MockedResponse[]) {
  const user = userEvent.setup();
  render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <App />
    </MockedProvider>,
  );
  return { user };
}

/** Valeur (dd) associée à un libellé (dt) dans la liste des indicateurs. */
function valueFor(label: string): string | null {
  const term = screen.getByText(label, { selector: 'dt' });
  const value = term.parentElement?.querySelector('dd');
  return value?.textContent ?? null;
}

describe('Pilotage', () => {
  it('affiche les compteurs par entité avec des libellés français', async () => {
    renderApp([statsMock]);

    expect(screen.getByRole('heading', { level: 1, name: 'Pilotage' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Chargement des indicateurs…');

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
    const { user } = renderApp([errorMock, statsMock]);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Les indicateurs n'ont pas pu être chargés.");
    expect(screen.queryByRole('term')).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));

    await screen.findByText('Structures', { selector: 'dt' });
    expect(valueFor('Structures')).toBe('312');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
