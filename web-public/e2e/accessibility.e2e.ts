import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import {
  DESKTOP,
  formatViolations,
  gql,
  launchBrowser,
  MOBILE,
  openContext,
  openPage,
  seriousAxeViolations,
  waitForPageReady,
  type BrowserSession,
} from './support';

const baseUrl = inject('baseUrl');
let session: BrowserSession;

/** Real ids of the demo data, read from the API. */
interface Ids {
  structure: string;
  sector: string;
  network: string;
  chantier: string;
  epci: string;
  commune: string;
}
let ids: Ids;
/** One context per screen size, shared (HTTP cache); a fresh tab per tested page. */
const contexts = new Map<BrowserContextOptions, Promise<Awaited<ReturnType<typeof openContext>>>>();
function contextFor(device: BrowserContextOptions) {
  if (!contexts.has(device)) contexts.set(device, openContext(session.browser, baseUrl, device));
  return contexts.get(device)!;
}

beforeAll(async () => {
  session = await launchBrowser();
  const data = await gql<{
    structures: { nodes: { id: string }[] };
    sectors: { slug: string }[];
    networks: { slug: string }[];
    chantiers: { nodes: { id: string }[] };
    searchStructures: { facets: { epci: { value: string }[]; commune: { value: string }[] } };
  }>(
    baseUrl,
    `{
      structures(first: 1) { nodes { id } }
      sectors { slug }
      networks { slug }
      chantiers(first: 1) { nodes { id } }
      searchStructures(first: 0) { facets { epci { value } commune { value } } }
    }`,
  );
  const first = <T>(list: T[], what: string): T => {
    if (!list[0]) throw new Error(`the demo data has no ${what}`);
    return list[0];
  };
  ids = {
    structure: first(data.structures.nodes, 'structure').id,
    sector: first(data.sectors, 'sector').slug,
    network: first(data.networks, 'network').slug,
    chantier: first(data.chantiers.nodes, 'chantier').id,
    epci: first(data.searchStructures.facets.epci, 'EPCI').value,
    commune: first(data.searchStructures.facets.commune, 'commune').value,
  };
});
afterAll(async () => {
  await session?.close();
});

const PAGES: { name: string; path: (ids: Ids) => string; mobile?: boolean; desktop?: false }[] = [
  { name: 'accueil', path: () => '/', mobile: true },
  { name: 'recherche', path: () => '/recherche?q=jardin', mobile: true },
  { name: 'recherche, vue carte', path: () => '/recherche?q=jardin&vue=carte', mobile: true, desktop: false },
  { name: 'fiche structure', path: (i) => `/structures/${encodeURIComponent(i.structure)}`, mobile: true },
  { name: 'secteurs', path: () => '/secteurs' },
  { name: 'secteur', path: (i) => `/secteurs/${encodeURIComponent(i.sector)}` },
  { name: 'réseaux', path: () => '/reseaux' },
  { name: 'réseau', path: (i) => `/reseaux/${encodeURIComponent(i.network)}` },
  { name: 'chantier', path: (i) => `/chantiers/${encodeURIComponent(i.chantier)}` },
  { name: 'EPCI', path: (i) => `/territoire/epci/${encodeURIComponent(i.epci)}` },
  { name: 'commune', path: (i) => `/territoire/communes/${encodeURIComponent(i.commune)}` },
  { name: 'tutorat', path: () => '/tutorat' },
  { name: 'ajouter', path: () => '/ajouter' },
  { name: 'observatoire', path: () => '/observatoire' },
  { name: '404', path: () => '/cette-page-n-existe-pas' },
];

const CASES = PAGES.flatMap((p) => [
  ...(p.desktop === false ? [] : [{ ...p, label: `${p.name} (bureau)`, device: DESKTOP }]),
  ...(p.mobile ? [{ ...p, label: `${p.name} (mobile)`, device: MOBILE }] : []),
]);

describe('accessibilité (axe-core : aucune violation serious ou critical)', () => {
  // Two pages at a time: the waiting time of one (network, API) serves the others.
  test.concurrent.for(CASES)('$label', async ({ path, device }, { expect }) => {
    const { page, pageErrors } = await (await contextFor(device)).newPage();
    try {
      const url = path(ids);
      await page.goto(url);
      await waitForPageReady(page);
      const violations = await seriousAxeViolations(page);
      if (violations.length > 0) console.error(formatViolations(url, violations));
      expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help}`)).toEqual([]);
      expect(pageErrors, 'JavaScript errors in the page').toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('clavier', () => {
  test('le lien d’évitement est le premier arrêt de tabulation et mène au contenu principal', async () => {
    const { context, page } = await openPage(session.browser, baseUrl);
    try {
      await page.goto('/');
      await waitForPageReady(page);

      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const box = el?.getBoundingClientRect();
        return {
          tag: el?.tagName,
          text: el?.textContent?.trim(),
          href: el?.getAttribute('href'),
          visible: !!box && box.width > 1 && box.height > 1 && box.top >= 0 && box.top < window.innerHeight,
        };
      });
      expect(first).toEqual({ tag: 'A', text: 'Aller au contenu principal', href: '#contenu', visible: true });

      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 5000 }).toBe('contenu');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');

      // The next Tab stays in the content, after the header and its navigation.
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate(() => {
        const el = document.activeElement;
        return !!el && el !== document.body && !!el.closest('main') && !el.closest('header');
      });
      expect(inMain).toBe(true);
    } finally {
      await context.close();
    }
  });
});
