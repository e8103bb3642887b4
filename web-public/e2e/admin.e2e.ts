import { readFile } from 'node:fs/promises';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { gql, launchBrowser, openPage, waitForPageReady, type BrowserSession } from './support';

// web-admin (served under /admin/ by the same API) driven in Chromium.
const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');
const PASSWORD = 'mot de passe de test e2e';
let session: BrowserSession;
let db: pg.Client;
let mine: { id: string; rowId: string; name: string };
let other: { id: string; rowId: string; name: string };

/** Accounts are created in the database: there is no default account (npm run admin:create in real life). */
async function account(email: string, roles: string[], structureIds: string[] = []) {
  const passwordHash = await hash(PASSWORD, { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const { rows } = await db.query(
    `INSERT INTO account (email, display_name, password_hash, roles) VALUES ($1, $2, $3, $4::text[]) RETURNING id`,
    [email, email, passwordHash, roles],
  );
  for (const s of structureIds) await db.query('INSERT INTO account_structure VALUES ($1, $2)', [rows[0].id, s]);
}

beforeAll(async () => {
  session = await launchBrowser();
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const data = await gql<{ structures: { nodes: Array<{ id: string; name: string }> } }>(
    baseUrl,
    '{ structures(first: 2) { nodes { id name } } }',
  );
  const rowId = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1] ?? '';
  const [a, b] = data.structures.nodes.map((s) => ({ ...s, rowId: rowId(s.id) }));
  if (!a || !b) throw new Error('the demo data has no structures');
  [mine, other] = [a, b];
  await account('admin-e2e@exemple.org', ['ADMIN']);
  await account('editeur-e2e@exemple.org', ['STRUCTURE_EDITOR'], [mine.rowId]);
});
afterAll(async () => {
  await db?.end();
  await session?.close();
});

async function logIn(page: import('playwright-core').Page, email: string) {
  await page.goto('/admin/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/connexion'));
}

describe('web-admin', () => {
  test('log in, edit a structure, and see the change on web-public', async () => {
    const { context, page } = await openPage(session.browser, baseUrl);
    try {
      await logIn(page, 'admin-e2e@exemple.org');
      await page.getByRole('link', { name: 'Structures' }).first().click();
      await page.goto(`/admin/structures/${encodeURIComponent(mine.id)}`);
      const phone = `03 27 ${String(Date.now()).slice(-2)} 00 11`;
      await page.getByLabel('Téléphone').fill(phone);
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect.poll(() => page.getByText('Modifications enregistrées').count(), { timeout: 20_000 }).toBeGreaterThan(0);

      const pub = await context.newPage();
      await pub.goto(`/structures/${encodeURIComponent(mine.id)}`);
      await waitForPageReady(pub);
      await expect.poll(() => pub.getByText(phone).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  test('a structure editor cannot edit another structure', async () => {
    const { context, page } = await openPage(session.browser, baseUrl);
    try {
      await logIn(page, 'editeur-e2e@exemple.org');
      await page.goto(`/admin/structures/${encodeURIComponent(other.id)}`);
      await expect
        .poll(() => page.getByText('Vous ne pouvez modifier que les structures qui vous sont confiées.').count(), {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      const { rows } = await db.query('SELECT version FROM structure WHERE id = $1', [other.rowId]);
      expect(rows[0].version).toBe(1);
    } finally {
      await context.close();
    }
  });

  test('open the observatory dashboard, filter it, export the table', async () => {
    const { context, page } = await openPage(session.browser, baseUrl);
    try {
      await logIn(page, 'admin-e2e@exemple.org');
      await page.goto('/admin/observatoire');
      const totals = page.getByTestId('observatory-totals');
      await totals.waitFor();
      const before = await totals.innerText();
      await page.getByRole('group', { name: "Famille de l'ESS" }).getByLabel('Association').click();
      await page.waitForURL(/famille=ASSOCIATION/);
      await expect.poll(async () => (await totals.innerText()) !== before, { timeout: 20_000 }).toBe(true);
      const table = page.getByRole('group', { name: 'Répartition par famille' });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        table.getByRole('button', { name: 'Exporter CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^observatoire-\d{4}-par-famille\.csv$/);
      const csv = await readFile((await download.path())!, 'utf8');
      expect(csv).toContain('Association');
      expect(csv.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(2);
    } finally {
      await context.close();
    }
  });

  test('« Tâches planifiées »: run a job now and see it succeed in the history', async () => {
    const { context, page } = await openPage(session.browser, baseUrl);
    try {
      await logIn(page, 'admin-e2e@exemple.org');
      await page.getByRole('link', { name: 'Tâches planifiées' }).first().click();
      await page.getByRole('heading', { name: 'Tâches planifiées' }).waitFor();
      const label = 'Purge du cache des réponses publiques';
      await page.getByRole('button', { name: `Lancer maintenant : ${label}` }).click();
      await expect.poll(() => page.getByText("est en file d'attente").count(), { timeout: 20_000 }).toBeGreaterThan(0);
      // The API's worker runs it within seconds; the page shows it once refreshed.
      const row = page.getByRole('row').filter({ hasText: label }).first();
      await expect
        .poll(
          async () => {
            await page.getByRole('button', { name: 'Actualiser' }).click();
            return row.getByText('Réussie').count();
          },
          { timeout: 30_000, interval: 1_000 },
        )
        .toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
