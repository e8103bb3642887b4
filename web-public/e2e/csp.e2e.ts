import { hash } from '@node-rs/argon2';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { gql, launchBrowser, openContext, waitForPageReady, type BrowserSession } from './support';

// La politique de sécurité du contenu (CSP) de l'API ne casse aucune page : les deux SPA, carte
// (Leaflet) et graphiques (Recharts) compris, ne déclenchent aucune violation. Chromium signale
// chaque violation dans la console et par l'événement `securitypolicyviolation`.
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
  // Il n'y a pas de compte par défaut : un compte ADMIN pour ce fichier.
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

/** Un onglet qui relève les violations de la CSP (messages de la console et événements). */
async function watchedPage(context: Awaited<ReturnType<typeof openContext>>) {
  const { page, pageErrors } = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(`${page.url()} — ${message.text()}`);
  });
  // Injecté par le protocole de débogage : la CSP de la page ne s'applique pas à ce script.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(
        `Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  return { page, pageErrors, violations };
}

/** Ouvre `path`, vérifie que la réponse porte la CSP stricte, attend que la page soit prête. */
async function visit(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  const response = await page.goto(path);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp, `CSP of ${path}`).toContain("script-src 'self'");
  expect(csp, `CSP of ${path}`).toContain("frame-ancestors 'none'");
  expect(csp, `CSP of ${path}`).not.toContain('unsafe-inline');
  await ready(page);
  // Les morceaux chargés à la demande (carte, graphiques) et leurs images.
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
