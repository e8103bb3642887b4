import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { gql, launchBrowser, openPage, searchFor, waitForPageReady, waitForSearchSettled, type BrowserSession } from './support';

const baseUrl = inject('baseUrl');
const POLL = { timeout: 20_000 };
let session: BrowserSession;

interface Named {
  slug: string;
  name: string;
}
interface StructureInfo {
  id: string;
  name: string;
  commune: { name: string } | null;
  sectors: Named[];
  networks: Named[];
}

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => {
  await session?.close();
});

describe('fiche structure', () => {
  test('ouvrir une structure depuis la recherche montre sa fiche, ses liens et ses données structurées', async () => {
    const data = await gql<{ structures: { nodes: StructureInfo[] } }>(
      baseUrl,
      '{ structures(first: 100) { nodes { id name commune { name } sectors { slug name } networks { slug name } } } }',
    );
    const structure = data.structures.nodes.find((s) => s.sectors.length > 0 && s.networks.length > 0);
    expect(structure, 'a demo structure with sectors and networks').toBeDefined();
    const { id, name, sectors, networks } = structure!;

    const { context, page, pageErrors } = await openPage(session.browser, baseUrl);
    try {
      await page.goto('/recherche');
      await waitForSearchSettled(page);
      await searchFor(page, name);
      await page.getByTestId('result-card').getByRole('link', { name, exact: true }).first().click();
      await page.waitForURL(`**/structures/${encodeURIComponent(id)}`);
      await waitForPageReady(page);

      await expect.poll(() => page.locator('main h1').textContent(), POLL).toBe(name);
      await expect.poll(() => page.title(), POLL).toContain(name);
      if (structure!.commune) {
        expect(await page.locator('.page-header__meta').textContent()).toContain(structure!.commune.name);
      }
      for (const heading of ['Identité', 'Secteurs et réseaux', 'Coordonnées', 'À proximité', 'Proposer une correction']) {
        expect(await page.getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
      }

      const main = page.locator('main');
      for (const sector of sectors) {
        expect(await main.locator(`a[href="/secteurs/${sector.slug}"]`).first().textContent()).toBe(sector.name);
      }
      for (const network of networks) {
        expect(await main.locator(`a[href="/reseaux/${network.slug}"]`).first().textContent()).toBe(network.name);
      }

      const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
      expect(jsonLd).toHaveLength(1);
      const ld = JSON.parse(jsonLd[0]!);
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['@type']).toBe('Organization');
      expect(ld.name).toBe(name);
      expect(ld.url).toBe(`${baseUrl}/structures/${encodeURIComponent(id)}`);

      // The sector link leads to the sector's page; « back » returns to the structure page.
      await main.locator(`a[href="/secteurs/${sectors[0]!.slug}"]`).first().click();
      await page.waitForURL(`**/secteurs/${sectors[0]!.slug}`);
      await waitForPageReady(page);
      await expect.poll(() => page.locator('main h1').textContent(), POLL).toBe(sectors[0]!.name);
      await page.goBack();
      await waitForPageReady(page);
      await expect.poll(() => page.locator('main h1').textContent(), POLL).toBe(name);

      expect(pageErrors, 'JavaScript errors in the page').toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('un identifiant inconnu affiche « Structure introuvable »', async () => {
    const { context, page } = await openPage(session.browser, baseUrl);
    try {
      await page.goto('/structures/U3RydWN0dXJlOjk5OTk5OQ');
      await waitForPageReady(page);
      await expect.poll(() => page.locator('main h1').textContent(), POLL).toBe('Structure introuvable');
    } finally {
      await context.close();
    }
  });
});
