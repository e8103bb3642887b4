import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { describe, expect, it } from 'vitest';
import { OBSERVATORY_QUERY } from '../components/observatory/observatoryDocuments';
import { renderApp } from '../test/render';

/** A number in French format, spaces normalised (as `toHaveTextContent` and `text()` do). */
const n = (value: number) => new Intl.NumberFormat('fr-FR').format(value).replace(/\s/g, ' ');
/** An element's text, spaces (no-break ones included) normalised. */
const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

function figures(establishments: number, employers: number, low: number, mid: number, high: number, declared = [0, 0]) {
  return {
    __typename: 'ObservatoryFigures' as const,
    establishments,
    employers,
    declaredEstablishments: declared[0],
    declaredEmployees: declared[1],
    employeesLow: low,
    employeesMid: mid,
    employeesHigh: high,
  };
}

const item = (key: string, label: string, f: ReturnType<typeof figures>) => ({
  __typename: 'ObservatoryBreakdownItem' as const,
  key,
  label,
  figures: f,
});

function report(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ObservatoryReport' as const,
    year: 2026,
    computedAt: '2026-11-27T08:03:27.567Z',
    ruleVersion: 'perimetre-2026-11-27.1',
    scope: 'Sambre-Avesnois',
    notes: ['Les structures de démonstration sont fictives.'],
    totals: figures(1336, 824, 3428, 4100.5, 4773, [12, 180]),
    byFamily: [
      item('ASSOCIATION', 'Association', figures(1069, 674, 2468, 2968.5, 3400)),
      item('COOPERATIVE', 'Coopérative', figures(228, 119, 790, 990.5, 1200)),
      item('FONDATION', 'Fondation', figures(39, 31, 170, 141.5, 173)),
    ],
    byNafSection: [item('Q', 'Q — Santé humaine et action sociale', figures(478, 300, 2000, 2500, 3000))],
    byEpci: [
      item('200043396', 'CA Maubeuge Val de Sambre', figures(868, 500, 2000, 2500, 3000)),
      item('200043321', 'CC du Pays de Mormal', figures(468, 324, 1428, 1600.5, 1773)),
    ],
    bySector: [item('', '', figures(1336, 824, 3428, 4100.5, 4773))],
    byCommune: [item('59392', 'Maubeuge', figures(341, 200, 900, 1000, 1100))],
    series: [
      { __typename: 'ObservatoryYear' as const, year: 2025, figures: figures(1200, 800, 3000, 3800, 4500) },
      { __typename: 'ObservatoryYear' as const, year: 2026, figures: figures(1336, 824, 3428, 4100.5, 4773) },
    ],
    share: null,
    references: [
      {
        __typename: 'ReferenceFigure' as const,
        territoryType: 'REGION',
        territoryCode: '32',
        territoryName: 'Hauts-de-France',
        indicator: 'ESS_EMPLOYEES',
        year: 2024,
        value: 233683,
        source: 'CRESS Hauts-de-France, 2024',
      },
      {
        __typename: 'ReferenceFigure' as const,
        territoryType: 'FRANCE',
        territoryCode: 'FR',
        territoryName: 'France',
        indicator: 'ESS_EMPLOYER_ESTABLISHMENTS',
        year: 2021,
        value: 212718,
        source: 'INSEE, établissements employeurs de l’ESS',
      },
    ],
    ...overrides,
  };
}

function observatoryMock(
  variables: Record<string, unknown>,
  result: ReturnType<typeof report> | Error,
  requested?: Record<string, unknown>[],
): MockLink.MockedResponse {
  const request = { query: OBSERVATORY_QUERY, variables };
  if (result instanceof Error) return { request, error: result };
  return {
    request,
    result: (vars: Record<string, unknown>) => {
      requested?.push(vars);
      return { data: { observatory: result } };
    },
  };
}

const ZONE = { zone: 'sambre-avesnois' };
/** The page is a lazy module: its first load can be slow on a busy machine. */
const SLOW = { timeout: 10_000 };

/** Value (dd) of a key figure, by its title (dt). */
function keyFigure(label: string) {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
}

describe('Observatoire de l’ESS', { timeout: 30_000 }, () => {
  it('affiche les chiffres clés, la répartition par famille, la série et les références du territoire', async () => {
    const requested: Record<string, unknown>[] = [];
    renderApp([observatoryMock(ZONE, report(), requested)], '/observatoire');

    expect(await screen.findByRole('heading', { level: 1, name: "Observatoire de l'ESS" }, SLOW)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: 'Chiffres clés 2026' }, SLOW)).toBeInTheDocument();
    expect(requested).toEqual([ZONE]);
    // The title is set in an effect, after the render that shows the page.
    await waitFor(() => expect(document.title).toBe("Observatoire de l'ESS — Essor"));
    expect(screen.getByRole('link', { name: 'Observatoire' })).toHaveAttribute('aria-current', 'page');

    // Key figures: rounded employees, with the range and the note on estimates.
    expect(keyFigure("Établissements de l'ESS")).toHaveTextContent(n(1336));
    expect(keyFigure('dont employeurs')).toHaveTextContent(n(824));
    expect(keyFigure('Salariés (estimation)')).toHaveTextContent(`${n(4101)} entre ${n(3428)} et ${n(4773)}`);
    expect(screen.getByText(/tranches d'effectifs salariés de l'INSEE/)).toHaveTextContent(
      `c'est le cas de 12 établissements (180 salariés déclarés)`,
    );
    expect(screen.getByText(/Données calculées le/)).toHaveTextContent('Données calculées le 27 novembre 2026');
    expect(screen.getByText('Méthode', { selector: 'summary' })).toBeInTheDocument();
    expect(screen.getByText('perimetre-2026-11-27.1')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Les structures de démonstration sont fictives.');
    expect(screen.getByText(/Périmètre :/)).toHaveTextContent('Périmètre : Sambre-Avesnois · année 2026');

    // Breakdown by family: bars with their value as text, and a table with headers.
    const familySection = screen.getByRole('region', { name: "Par famille de l'ESS" });
    const bars = within(familySection).getByRole('list', {
      name: "Nombre d'établissements de l'ESS (et part du total) : par famille de l'ESS",
    });
    expect(within(bars).getAllByRole('listitem').map(text)).toEqual([
      `Association ${n(1069)} (80 %)`,
      `Coopérative ${n(228)} (17,1 %)`,
      `Fondation ${n(39)} (2,9 %)`,
    ]);
    // Bars proportional to the largest value; the family's colour only complements the text.
    const fills = [...bars.querySelectorAll<HTMLElement>('.obs-bars__fill')];
    expect(fills.map((fill) => fill.style.width)).toEqual(['100%', `${(228 / 1069) * 100}%`, `${(39 / 1069) * 100}%`]);
    expect(fills[0]).toHaveClass('obs-bars__fill--association');
    const table = within(familySection).getByRole('table', { name: /par famille — Sambre-Avesnois, 2026/ });
    expect(within(table).getAllByRole('columnheader').map(text)).toEqual([
      'Famille',
      'Établissements',
      'Part du total',
      'Employeurs',
      'Salariés (estimation)',
    ]);
    const association = within(table).getByRole('rowheader', { name: 'Association' }).closest('tr')!;
    expect(within(association).getAllByRole('cell').map(text)).toEqual([n(1069), '80 %', '674', n(2969)]);
    expect(within(table).getByRole('rowheader', { name: 'Ensemble du périmètre' })).toBeInTheDocument();
    expect(table.querySelectorAll('th[scope="col"]')).toHaveLength(5);

    // Intercommunalities: link to the EPCI's page; sector without breakdown: a message.
    const epciTable = screen.getByRole('table', { name: /par intercommunalité/ });
    expect(within(epciTable).getByRole('link', { name: 'CC du Pays de Mormal' })).toHaveAttribute(
      'href',
      '/territoire/epci/200043321',
    );
    expect(
      within(screen.getByRole('region', { name: "Par secteur de l'annuaire" })).getByText(/pas encore disponible/),
    ).toBeInTheDocument();

    // Series over two years: bars and table; the years feed the filter.
    expect(screen.getByRole('list', { name: "Nombre d'établissements de l'ESS par année" })).toBeInTheDocument();
    const series = screen.getByRole('table', { name: /par année/ });
    expect(within(series).getAllByRole('rowheader').map(text)).toEqual(['2025', '2026']);
    expect(
      within(screen.getByRole('combobox', { name: 'Année' }))
        .getAllByRole('option')
        .map(text),
    ).toEqual(['Dernière année disponible', '2026', '2025']);

    // References: territory, indicator in French, year, value, source.
    const references = screen.getByRole('table', { name: /Chiffres de référence/ });
    const region = within(references).getByRole('rowheader', { name: 'Hauts-de-France' }).closest('tr')!;
    expect(within(region).getAllByRole('cell').map(text)).toEqual([
      "Salariés de l'ESS",
      '2024',
      n(233683),
      'CRESS Hauts-de-France, 2024',
    ]);
    expect(within(references).getByText('Établissements employeurs')).toBeInTheDocument();
  });

  it('choisir une intercommunalité met à jour l’URL et les variables (epci, sans zone) ; les familles s’ajoutent', async () => {
    const requested: Record<string, unknown>[] = [];
    const mormal = report({
      scope: 'EPCI 200043321',
      totals: figures(468, 324, 1428, 1600.5, 1773),
      byEpci: [item('200043321', 'CC du Pays de Mormal', figures(468, 324, 1428, 1600.5, 1773))],
    });
    const { user } = renderApp(
      [
        observatoryMock(ZONE, report(), requested),
        observatoryMock({ epci: ['200043321'] }, mormal, requested),
        observatoryMock({ epci: ['200043321'], essFamily: ['ASSOCIATION'] }, report({ scope: 'Association' }), requested),
      ],
      '/observatoire',
    );
    await screen.findByRole('heading', { level: 2, name: 'Chiffres clés 2026' }, SLOW);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Intercommunalité' }), 'CC du Pays de Mormal');
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/observatoire\?epci=200043321$/);
    // The scope returned by the API (« EPCI <SIREN> ») is shown with the intercommunality's name.
    expect(await screen.findByText('CC du Pays de Mormal', { selector: '.obs-status strong' }, SLOW)).toBeInTheDocument();
    expect(requested).toEqual([ZONE, { epci: ['200043321'] }]);
    expect(requested[1]).not.toHaveProperty('zone');
    expect(keyFigure("Établissements de l'ESS")).toHaveTextContent('468');
    expect(screen.getByRole('combobox', { name: 'Intercommunalité' })).toHaveValue('200043321');

    await user.click(screen.getByRole('checkbox', { name: 'Association' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/observatoire?epci=200043321&famille=ASSOCIATION');
    expect(await screen.findByText('Association', { selector: '.obs-status strong' }, SLOW)).toBeInTheDocument();
    expect(requested.at(-1)).toEqual({ epci: ['200043321'], essFamily: ['ASSOCIATION'] });
  });

  it('erreur : message (role="alert") et « Réessayer » qui relance la requête', async () => {
    const { user } = renderApp(
      [observatoryMock(ZONE, new Error('Failed to fetch')), observatoryMock(ZONE, report())],
      '/observatoire',
    );

    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert).toHaveTextContent("Les chiffres de l'observatoire n'ont pas pu être chargés.");
    expect(screen.queryByRole('heading', { name: /Chiffres clés/ })).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Chiffres clés 2026' }, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('périmètre sans établissement : état vide avec « Réinitialiser les filtres »', async () => {
    const emptyFigures = figures(0, 0, 0, 0, 0);
    renderApp(
      [
        observatoryMock(
          { zone: 'sambre-avesnois', essFamily: ['FONDATION'], year: 2025 },
          report({ year: 2025, totals: emptyFigures, byFamily: [], byEpci: [], byCommune: [], byNafSection: [], bySector: [] }),
        ),
      ],
      '/observatoire?famille=FONDATION&annee=2025',
    );
    expect(
      await screen.findByText(/Aucun établissement de l'ESS ne correspond à ce périmètre pour 2025/, {}, SLOW),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Répartitions' })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Fondation' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Année' })).toHaveValue('2025');
    expect(screen.getAllByRole('button', { name: 'Réinitialiser les filtres' }).length).toBeGreaterThan(0);
  });
});
