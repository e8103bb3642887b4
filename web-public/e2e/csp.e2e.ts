import { hash } from '@node-rs/argon2';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { gql, launchBrowser, openContext, waitForPageReady, type BrowserSession } from './support';

// The API's content security policy (CSP) breaks no page: both SPAs, map (Leaflet) and charts
// (Recharts) included, trigger no violation. Chromium reports each violation in the console and
// through the `securitypolicyviolation` event.
const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');
const PASSWORD = 'mot de passe de test e2e csp';
const EMAIL = `csp-e2e-${Date.now()}@exemple.org`;
let session: BrowserSession;
let ids: { structure: string; epci: string };

beforeAll(async () => {
  session = await launchBrowser();
  const data = await gql<{
    structures: { nodes: { id: string }[] };
    searchStructures: { facets: { epci: { value: string }[] } };
  }>(baseUrl, '{ structures(first: 1) { nodes { id } } searchStructures(first: 0) { facets { epci { value } } } }');
  const structure = data.structures.nodes[0]?.id;
  const epci = data.searchStructures.facets.epci[0]?.value;
  if (!structure || !epci) throw new Error('the demo data has no structure or EPCI');
  ids = { structure, epci };
  // There is no default account: an ADMIN account for this file.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const passwordHash = await hash(PASSWORD, { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    await db.query(`INSERT INTO account (email, display_name, password_hash, roles) VALUES ($1, 'CSP e2e', $2, '{ADMIN}')`, [
      EMAIL,
      passwordHash,
    ]);
  } finally {
    await db.end();
  }
});
afterAll(async () => {
  await session?.close();
});

/** A tab that records the CSP violations (console messages and events). */
async function watchedPage(context: Awaited<ReturnType<typeof openContext>>) {
  const { page, pageErrors } = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(`${page.url()} — ${message.text()}`);
  });
  // Injected through the debugging protocol: the page's CSP does not apply to this script.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(
        `Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  return { page, pageErrors, violations };
}

/** Opens `path`, checks that the response carries the strict CSP, waits until the page is ready. */
async function visit(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  const response = await page.goto(path);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp, `CSP of ${path}`).toContain("script-src 'self'");
  expect(csp, `CSP of ${path}`).toContain("frame-ancestors 'none'");
  expect(csp, `CSP of ${path}`).not.toContain('unsafe-inline');
  await ready(page);
  // The chunks loaded on demand (map, charts) and their images.
  await page.waitForLoadState('networkidle');
}

const publicReady = (page: Page) => waitForPageReady(page);
const mapReady = async (page: Page) => {
  await waitForPageReady(page);
  const map = page.getByTestId('map');
  await map.waitFor();
  await expect.poll(() => map.locator('.essor-marker, .essor-cluster').count(), { timeout: 20_000 }).toBeGreaterThan(0);
};
const adminReady = async (page: Page) => {
  await page.locator('main h1, main h2').first().waitFor();
};

describe('CSP : aucune violation', () => {
  test('web-public : accueil, recherche avec carte, fiche, territoire, observatoire, formulaire', async () => {
    const context = await openContext(session.browser, baseUrl);
    try {
      const { page, pageErrors, violations } = await watchedPage(context);
      await visit(page, '/', publicReady);
      await visit(page, '/recherche?q=insertion', mapReady);
      await visit(page, `/structures/${encodeURIComponent(ids.structure)}`, publicReady);
      await visit(page, `/territoire/epci/${encodeURIComponent(ids.epci)}`, publicReady);
      await visit(page, '/observatoire', publicReady);
      await visit(page, '/secteurs', publicReady);
      await visit(page, '/ajouter', publicReady);
      expect(violations).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.context.close();
    }
  });

  test('web-admin : connexion, tableau de bord, observatoire (graphiques et carte), listes, import', async () => {
    const context = await openContext(session.browser, baseUrl);
    try {
      const { page, pageErrors, violations } = await watchedPage(context);
      await visit(page, '/admin/connexion', adminReady);
      await page.getByLabel('Adresse e-mail').fill(EMAIL);
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((url) => !url.pathname.endsWith('/connexion'));
      await visit(page, '/admin/', adminReady);
      await visit(page, '/admin/observatoire', async (p) => {
        await p.getByTestId('observatory-totals').waitFor();
        await p.locator('.recharts-surface').first().waitFor();
        await p.locator('.leaflet-container').first().waitFor();
      });
      for (const path of ['/admin/structures', '/admin/accompagnement', '/admin/plan', '/admin/import', '/admin/comptes']) {
        await visit(page, path, adminReady);
      }
      expect(violations).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.context.close();
    }
  });
});
