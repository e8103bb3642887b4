// `npm run screenshots -w web-public`: the README's screenshots (docs/screenshots/*.png), taken
// in Chromium against a throwaway platform (the same harness as the e2e tests), with the demo
// data. Without internet, the map background (OpenStreetMap tiles) is empty.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPlatform } from '../../scripts/e2e-harness.mjs';
import { DESKTOP, launchBrowser, MOBILE, openPage } from '../e2e/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = path.join(root, 'docs', 'screenshots');

/** Page loaded: no loading indicator nor aria-busy region left, a visible h1. */
async function ready(page) {
  await page.waitForFunction(() => {
    const doc = globalThis.document;
    if (doc.querySelector('.notice--loading, [aria-busy="true"]')) return false;
    const h1 = doc.querySelector('main h1');
    return !!h1 && !h1.classList.contains('visually-hidden') && (h1.textContent ?? '').trim() !== '';
  });
  // Fonts and layouts settled.
  await page.evaluate(() => globalThis.document.fonts.ready);
  await page.waitForTimeout(300);
}

async function gql(baseUrl, query) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

// Ctrl-C: a normal exit, so that the harness stops the API and PostgreSQL ('exit' event).
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

const platform = await startPlatform();
let session;
let code = 0;
try {
  fs.mkdirSync(outDir, { recursive: true });
  session = await launchBrowser();
  const { baseUrl } = platform;

  // A well-filled structure: description, sectors, networks and participations.
  const { structures } = await gql(
    baseUrl,
    '{ structures(first: 100) { nodes { id name description sectors { slug } networks { slug } participations { id } } } }',
  );
  const structure =
    structures.nodes.find((s) => s.description && s.sectors.length && s.networks.length && s.participations.length) ??
    structures.nodes[0];

  const shots = [
    { file: 'home.png', url: '/', device: DESKTOP },
    { file: 'search-map.png', url: '/recherche?q=insertion', device: DESKTOP, map: true },
    { file: 'structure.png', url: `/structures/${encodeURIComponent(structure.id)}`, device: DESKTOP },
    { file: 'search-mobile.png', url: '/recherche?q=insertion', device: MOBILE },
  ];
  for (const shot of shots) {
    const { context, page } = await openPage(session.browser, baseUrl, shot.device);
    try {
      await page.goto(shot.url);
      await ready(page);
      if (shot.map) {
        await page.locator('[data-testid="map"] .essor-marker, [data-testid="map"] .essor-cluster').first().waitFor();
      }
      const file = path.join(outDir, shot.file);
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      console.log(`[screenshots] ${path.relative(root, file)} (${shot.url})`);
    } finally {
      await context.close();
    }
  }
} catch (e) {
  console.error(e);
  code = 1;
} finally {
  await session?.close();
  await platform.stop();
}
process.exit(code);
