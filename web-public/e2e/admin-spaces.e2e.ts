import { hash } from '@node-rs/argon2';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { gql, launchBrowser, openPage, type BrowserSession } from './support';

// web-admin: a sector facilitator edits the workshops of their sector, and only those.
const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');
const PASSWORD = 'mot de passe de test e2e';
const EMAIL = 'animatrice-e2e@exemple.org';
let session: BrowserSession;
let db: pg.Client;

interface Workshop {
  id: string;
  rowId: string;
  title: string;
  sector: { id: string; name: string };
}
let mine: Workshop;
let other: Workshop;

const rowIdOf = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1] ?? '';

beforeAll(async () => {
  session = await launchBrowser();
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const data = await gql<{ workshops: { nodes: Array<Omit<Workshop, 'rowId'>> } }>(
    baseUrl,
    '{ workshops(first: 100) { nodes { id title sector { id name } } } }',
  );
  const workshops = data.workshops.nodes.map((w) => ({ ...w, rowId: rowIdOf(w.id) }));
  const a = workshops[0];
  const b = workshops.find((w) => w.sector.id !== a?.sector.id);
  if (!a || !b) throw new Error('the demo data has no workshops in two sectors');
  [mine, other] = [a, b];
  // Accounts are created in the database (no default account); the facilitator animates the sector of `mine`.
  const passwordHash = await hash(PASSWORD, { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const { rows } = await db.query(
    `INSERT INTO account (email, display_name, password_hash, roles) VALUES ($1, $2, $3, $4::text[]) RETURNING id`,
    [EMAIL, 'Animatrice e2e', passwordHash, ['FACILITATOR']],
  );
  await db.query('INSERT INTO account_sector VALUES ($1, $2)', [rows[0].id, rowIdOf(mine.sector.id)]);
});
afterAll(async () => {
  await db?.end();
  await session?.close();
});

async function logIn(page: Page) {
  await page.goto('/admin/connexion');
  await page.getByLabel('Adresse e-mail').fill(EMAIL);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/connexion'));
}

async function versionOf(rowId: string): Promise<{ version: number; title: string }> {
  const { rows } = await db.query('SELECT version, title FROM participatory_space WHERE id = $1', [rowId]);
  return rows[0];
}

describe('web-admin: workshops of a facilitator', () => {
  test('a facilitator edits a workshop of their sector, not one of another sector', async () => {
    const { context, page } = await openPage(session.browser, baseUrl);
    try {
      await logIn(page);
      // The section is in their navigation; the list says which spaces they may edit.
      await page.getByRole('link', { name: 'Ateliers et chantiers' }).click();
      await page.getByRole('heading', { level: 1, name: "Ateliers, chantiers et journées d'études" }).waitFor();
      await page.getByText(`Vous animez : ${mine.sector.name}`).waitFor();

      // Their sector: edit the title.
      await page.goto(`/admin/espaces/${encodeURIComponent(mine.id)}`);
      const before = await versionOf(mine.rowId);
      const title = `${mine.title.slice(0, 250)} (${String(Date.now()).slice(-4)})`;
      await page.getByLabel('Titre', { exact: true }).fill(title);
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect.poll(() => page.getByText('Modifications enregistrées').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      const after = await versionOf(mine.rowId);
      expect(after).toEqual({ version: before.version + 1, title });

      // Another sector: read only, no control, and the API refuses anyway.
      await page.goto(`/admin/espaces/${encodeURIComponent(other.id)}`);
      await expect
        .poll(() => page.getByText('Vous ne pouvez modifier que les espaces de vos secteurs.').count(), { timeout: 20_000 })
        .toBeGreaterThan(0);
      await page.getByRole('heading', { level: 1, name: other.title }).waitFor();
      expect(await page.getByRole('button', { name: 'Enregistrer' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Archiver' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Ajouter/ }).count()).toBe(0);
      expect(await page.getByLabel('Titre', { exact: true }).isDisabled()).toBe(true);
      const otherBefore = await versionOf(other.rowId);
      const answer = await page.evaluate(
        async ({ id, version }) => {
          const res = await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query:
                'mutation($id: ID!, $version: Int!) { updateSpace(id: $id, version: $version, input: { title: "Pris" }) { id } }',
              variables: { id, version },
            }),
          });
          return (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
        },
        { id: other.id, version: otherBefore.version },
      );
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await versionOf(other.rowId)).toEqual(otherBefore);
    } finally {
      await context.close();
    }
  });
});
