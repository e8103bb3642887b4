import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ObservatoryQueryVariables } from '../../gql/graphql';
import { currentLocation, renderApp, viewerMock } from '../../test/render';
import { SECTORS } from '../../test/fixtures';
import { OBSERVATORY_QUERY, OBSERVATORY_SECTORS_QUERY, TERRITORY_COMMUNES_QUERY } from './operations';
import { EPCI_SIRENS } from './model';

// Recharts and Leaflet need a layout engine: jsdom gets light stand-ins.
vi.mock('./ObservatoryCharts', () => ({
  HorizontalBars: ({ valueLabel }: { valueLabel: string }) => <div data-testid="bar-chart">{valueLabel}</div>,
  SeriesLines: () => <div data-testid="line-chart" />,
}));
vi.mock('./ObservatoryMap', () => ({
  ProportionalMap: ({ communes }: { communes: unknown[] }) => <div data-testid="map">{communes.length} communes</div>,
}));

function figures(establishments: number, employeesMid: number) {
  return {
    __typename: 'ObservatoryFigures' as const,
    establishments,
    employers: Math.round(establishments / 2),
    declaredEstablishments: 3,
    declaredEmployees: 40,
    estimatedLow: employeesMid - 140,
    estimatedMid: employeesMid - 40,
    estimatedHigh: employeesMid + 60,
    employeesLow: employeesMid - 100,
    employeesMid,
    employeesHigh: employeesMid + 100,
  };
}

const item = (key: string, label: string, n: number, e: number) => ({
  __typename: 'ObservatoryBreakdownItem' as const,
  key,
  label,
  figures: figures(n, e),
});

function report(extra: Record<string, unknown> = {}) {
  return {
    __typename: 'ObservatoryReport' as const,
    year: 2026,
    scope: 'Sambre-Avesnois',
    computedAt: '2026-01-15T09:00:00.000Z',
    ruleVersion: 'v3',
    notes: ['Estimation à partir des tranches d’effectifs.'],
    totals: figures(1523, 12450.4),
    byFamily: [item('ASSOCIATION', 'Association', 1200, 8000), item('COOPERATIVE', 'Coopérative', 123, 1500.5)],
    byNafSection: [item('Q', 'Santé humaine et action sociale', 400, 6000)],
    byEpci: [item('200043396', 'CA Maubeuge Val de Sambre', 900, 7000)],
    byCommune: [item('59392', 'Maubeuge', 300, 3000)],
    bySector: [],
    series: [
      { __typename: 'ObservatoryYear' as const, year: 2025, figures: figures(1500, 12000) },
      { __typename: 'ObservatoryYear' as const, year: 2026, figures: figures(1523, 12450.4) },
    ],
    references: [
      {
        __typename: 'ReferenceFigure' as const,
        territoryType: 'REGION',
        territoryCode: '32',
        territoryName: 'Hauts-de-France',
        indicator: 'ESS_SHARE_PERCENT',
        year: 2023,
        value: 11.2,
        source: 'CRESS',
      },
    ],
    share: {
      __typename: 'EssShare' as const,
      essEmployees: 12450.4,
      totalEmployees: 90000,
      percent: 13.8,
      referenceYear: 2023,
      source: 'INSEE Flores',
    },
    ...extra,
  };
}

function observatoryMock(variables: ObservatoryQueryVariables, data = report(), onCall?: () => void): MockLink.MockedResponse {
  return {
    request: { query: OBSERVATORY_QUERY, variables },
    result: () => {
      onCall?.();
      return { data: { observatory: data } };
    },
  };
}

const sectorsMock: MockLink.MockedResponse = {
  request: { query: OBSERVATORY_SECTORS_QUERY },
  result: { data: { sectors: SECTORS } },
};

const communesMock: MockLink.MockedResponse = {
  request: { query: TERRITORY_COMMUNES_QUERY, variables: { epci: EPCI_SIRENS } },
  result: {
    data: {
      communes: {
        __typename: 'CommuneConnection',
        nodes: [
          {
            __typename: 'Commune',
            id: 'Q29tbXVuZTo1OTM5Mg',
            code: '59392',
            name: 'Maubeuge',
            epciSiren: '200043396',
            latitude: 50.28,
            longitude: 3.97,
          },
        ],
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
      },
    },
  },
};

describe('Observatoire', () => {
  let created: Blob[] = [];
  beforeEach(() => {
    created = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:essor';
    });
    URL.revokeObjectURL = vi.fn();
  });

  it('shows the headline figures and the family table of the report', async () => {
    renderApp('/observatoire', [
      viewerMock(['STEERING']),
      sectorsMock,
      communesMock,
      observatoryMock({ zone: 'sambre-avesnois' }),
    ]);
    const totals = await screen.findByTestId('observatory-totals');
    expect(within(totals).getByText('Établissements').nextElementSibling).toHaveTextContent(/^1\s523$/);
    expect(within(totals).getByText('Salariés (estimation centrale)').nextElementSibling).toHaveTextContent(
      /12\s450\s*entre 12\s350 et 12\s550/,
    );
    expect(within(totals).getByText("Part de l'ESS dans l'emploi salarié").nextElementSibling).toHaveTextContent(/13,8 %/);

    const table = screen.getByRole('table', { name: 'Répartition par famille' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('Association');
    expect(
      within(rows[2]!)
        .getAllByRole('cell')
        .slice(0, 4)
        .map((c) => c.textContent?.replace(/\s/g, ' ')),
    ).toEqual(['123', '62', '1 400,5', '1 500,5']);
    expect(screen.getByRole('table', { name: 'Comparaison avec la région et la France' })).toHaveTextContent('Hauts-de-France');
    expect(await screen.findByTestId('map')).toHaveTextContent('1 communes');
    // STEERING reads: no recompute button.
    expect(screen.queryByRole('button', { name: /Recalculer/ })).not.toBeInTheDocument();
  });

  it('puts the family filter in the URL and queries with it', async () => {
    let filtered = 0;
    const { user } = renderApp('/observatoire', [
      viewerMock(['ADMIN']),
      sectorsMock,
      communesMock,
      observatoryMock({ zone: 'sambre-avesnois' }),
      observatoryMock(
        { zone: 'sambre-avesnois', essFamily: ['ASSOCIATION'] },
        report({ byFamily: [item('ASSOCIATION', 'Association', 1200, 8000)] }),
        () => filtered++,
      ),
    ]);
    await screen.findByTestId('observatory-totals');
    const families = screen.getByRole('group', { name: "Famille de l'ESS" });
    await user.click(within(families).getByRole('checkbox', { name: 'Association' }));
    expect(currentLocation()).toBe('/observatoire?famille=ASSOCIATION');
    await waitFor(() => expect(filtered).toBe(1));
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Répartition par famille' })).getAllByRole('row')).toHaveLength(2),
    );
    expect(within(families).getByRole('checkbox', { name: 'Association' })).toBeChecked();
  });

  it('exports the family table as CSV', async () => {
    const { user } = renderApp('/observatoire?annee=2026', [
      viewerMock(['STEERING']),
      sectorsMock,
      communesMock,
      observatoryMock({ year: 2026, zone: 'sambre-avesnois' }),
    ]);
    const group = await screen.findByRole('group', { name: 'Répartition par famille' });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('observatoire-2026-par-famille.csv');
    });
    await user.click(within(group).getByRole('button', { name: 'Exporter CSV' }));
    expect(click).toHaveBeenCalledTimes(1);
    const text = await created[0]!.text();
    expect(text.split('\r\n')[1]).toBe('Association;1200;600;7900;8000;8100;40;3');
  });
});
