import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  announcedTotal,
  gql,
  launchBrowser,
  loadAllPages,
  openContext,
  parseCount,
  resultNames,
  searchFor,
  waitForPageReady,
  waitForSearchSettled,
  type BrowserSession,
} from './support';

const baseUrl = inject('baseUrl');
const POLL = { timeout: 20_000 };
let session: BrowserSession;
let desktop: Awaited<ReturnType<typeof openContext>>;

beforeAll(async () => {
  session = await launchBrowser();
  // One context for the file (shared HTTP cache), a fresh tab (empty history) per test.
  desktop = await openContext(session.browser, baseUrl);
});
afterAll(async () => {
  await session?.close();
});

async function withPage(run: (page: Page) => Promise<void>) {
  const { page, pageErrors } = await desktop.newPage();
  try {
    await run(page);
    expect(pageErrors, 'JavaScript errors in the page').toEqual([]);
  } finally {
    await page.close();
  }
}

/** Number of published structures of the directory (search without criteria). */
async function directorySize(): Promise<number> {
  const data = await gql<{ searchStructures: { totalCount: number } }>(baseUrl, '{ searchStructures(first: 0) { totalCount } }');
  return data.searchStructures.totalCount;
}

/** Options of a facet group (the fieldset whose legend is `legend`). */
async function facetOptions(page: Page, legend: string) {
  const group = page.locator('fieldset.facet').filter({ has: page.locator('legend', { hasText: legend }) });
  const options = group.locator('.facet__option');
  const out: { label: string; count: number; checked: boolean }[] = [];
  for (let i = 0; i < (await options.count()); i++) {
    const option = options.nth(i);
    out.push({
      label: (await option.locator('.facet__label').textContent()) ?? '',
      count: parseCount((await option.locator('.facet__count').textContent()) ?? ''),
      checked: await option.locator('input').isChecked(),
    });
  }
  return { group, options: out };
}

/** The longest word (letters only) of the name, misspelt: two middle letters swapped. */
function misspell(name: string): { query: string; typo: string } {
  const words = name.split(/\s+/);
  const word = words.filter((w) => /^\p{L}{4,}$/u.test(w)).sort((a, b) => b.length - a.length)[0];
  if (!word) throw new Error(`no word to misspell in « ${name} »`);
  const i = Math.floor(word.length / 2) - 1;
  let typo = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  // Two identical letters: remove one instead.
  if (typo === word) typo = word.slice(0, i) + word.slice(i + 1);
  return { query: words.map((w) => (w === word ? typo : w)).join(' '), typo };
}

describe('recherche', () => {
  test('« insertion » depuis la page d’accueil donne des résultats et l’URL garde la requête', async () => {
    await withPage(async (page) => {
      await page.goto('/');
      await waitForPageReady(page);
      const input = page.getByRole('searchbox', { name: /Rechercher une structure/ });
      await input.fill('insertion');
      await input.press('Enter');
      await page.waitForURL((url) => url.pathname === '/recherche');
      await waitForSearchSettled(page, 'insertion');

      expect(new URL(page.url()).searchParams.get('q')).toBe('insertion');
      expect(await page.getByRole('searchbox', { name: /Rechercher une structure/ }).inputValue()).toBe('insertion');
      const cards = await page.getByTestId('result-card').count();
      expect(cards).toBeGreaterThan(0);
      const total = await announcedTotal(page);
      expect(total).toBeGreaterThanOrEqual(cards);
      expect(total, 'the text narrows the directory').toBeLessThan(await directorySize());
      await expect.poll(() => page.title(), POLL).toMatch(/insertion/);
    });
  });

  test('un filtre EPCI réduit les résultats et les facettes correspondent à la liste', async () => {
    await withPage(async (page) => {
      await page.goto('/recherche');
      await waitForSearchSettled(page);
      const allTotal = await announcedTotal(page);
      expect(allTotal).toBeGreaterThan(0);

      const before = await facetOptions(page, 'Intercommunalité');
      expect(before.options.length).toBeGreaterThan(1);
      // The smallest non-empty EPCI: fewer pages to load.
      const epci = before.options.filter((o) => o.count > 0).sort((a, b) => a.count - b.count)[0]!;
      expect(epci.count).toBeLessThan(allTotal);

      // click() rather than check(): the box is controlled by the URL and only gets checked on the next render.
      const checkbox = before.group.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(epci.label)}`) });
      await checkbox.click();
      await page.waitForURL((url) => url.searchParams.getAll('epci').length === 1);
      await expect.poll(() => checkbox.isChecked(), POLL).toBe(true);
      await page.waitForSelector('.chips');
      await waitForSearchSettled(page);
      // The announced count becomes the facet's (poll: the render follows the URL shortly).
      await expect.poll(() => announcedTotal(page), POLL).toBe(epci.count);
      const total = await announcedTotal(page);
      expect(total).toBeLessThan(allTotal);

      const after = await facetOptions(page, 'Intercommunalité');
      const checked = after.options.filter((o) => o.checked);
      expect(checked.map((o) => o.label)).toEqual([epci.label]);
      expect(checked[0]!.count, 'EPCI facet count = announced total').toBe(total);

      const families = await facetOptions(page, "Famille de l'ESS");
      const familySum = families.options.reduce((sum, o) => sum + o.count, 0);
      expect(familySum, 'family facets sum = announced total').toBe(total);

      expect(await loadAllPages(page), 'cards after loading every page').toBe(total);
      const names = await resultNames(page);
      expect(new Set(names).size).toBe(names.length);
      expect(await page.getByRole('list', { name: 'Filtres actifs' }).textContent()).toContain(epci.label);
    });
  });

  test('un nom mal orthographié trouve quand même la structure', async () => {
    const data = await gql<{ structures: { nodes: { name: string }[] } }>(baseUrl, '{ structures(first: 1) { nodes { name } } }');
    const name = data.structures.nodes[0]!.name;
    const { query, typo } = misspell(name);
    expect(query).not.toBe(name);
    expect(query.toLowerCase()).not.toContain(name.toLowerCase());

    await withPage(async (page) => {
      await page.goto('/recherche');
      await waitForSearchSettled(page);
      await searchFor(page, query);
      const names = await resultNames(page);
      // At the top of the results, not drowned in the whole directory.
      expect(names.slice(0, 3), `search « ${query} » (typo « ${typo} »)`).toContain(name);
      expect(await announcedTotal(page)).toBeLessThan(await directorySize());
    });
  });

  test('la carte montre des marqueurs pour une recherche avec résultats', async () => {
    await withPage(async (page) => {
      await page.goto('/recherche?q=insertion');
      await waitForSearchSettled(page, 'insertion');
      const total = await announcedTotal(page);
      expect(total).toBeGreaterThan(0);

      const map = page.getByTestId('map');
      await map.waitFor();
      await expect.poll(() => map.getAttribute('aria-busy'), POLL).toBe('false');
      const points = Number(await map.getAttribute('data-point-count'));
      expect(points).toBeGreaterThan(0);
      expect(points).toBeLessThanOrEqual(total);

      const markers = map.locator('.essor-marker, .essor-cluster');
      await expect.poll(() => markers.count(), POLL).toBeGreaterThan(0);
      // Each point is either a marker or counted in a cluster.
      const shown = () =>
        map.evaluate((el) => {
          let sum = el.querySelectorAll('.essor-marker').length;
          for (const cluster of el.querySelectorAll('.essor-cluster [aria-hidden="true"]')) sum += Number(cluster.textContent);
          return sum;
        });
      await expect.poll(shown, { ...POLL, message: 'markers + clustered markers = data-point-count' }).toBe(points);
      expect(await map.locator('.search-map__status').textContent()).toMatch(/sur la carte/);
    });
  });

  test('précédent et suivant restaurent la recherche', async () => {
    await withPage(async (page) => {
      await page.goto('/recherche');
      await waitForSearchSettled(page);
      const input = page.getByRole('searchbox', { name: /Rechercher une structure/ });

      await searchFor(page, 'jardin');
      const a = { total: await announcedTotal(page), names: await resultNames(page) };
      await searchFor(page, 'insertion');
      const b = { total: await announcedTotal(page), names: await resultNames(page) };
      expect(a.names.length).toBeGreaterThan(0);
      expect(b.names.length).toBeGreaterThan(0);
      expect(b.names).not.toEqual(a.names);

      await page.goBack();
      await page.waitForURL((url) => url.searchParams.get('q') === 'jardin');
      await waitForSearchSettled(page, 'jardin');
      expect(await input.inputValue()).toBe('jardin');
      expect(await announcedTotal(page)).toBe(a.total);
      expect(await resultNames(page)).toEqual(a.names);

      await page.goForward();
      await page.waitForURL((url) => url.searchParams.get('q') === 'insertion');
      await waitForSearchSettled(page, 'insertion');
      expect(await input.inputValue()).toBe('insertion');
      expect(await announcedTotal(page)).toBe(b.total);
      expect(await resultNames(page)).toEqual(b.names);
    });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
