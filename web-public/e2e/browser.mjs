// Chromium (Debian, /usr/bin/chromium) piloté par playwright-core : partagé par les tests e2e
// (e2e/support.ts) et par `npm run screenshots` (scripts/screenshots.mjs). Jamais de navigateur téléchargé.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Options de contexte Playwright. */
export const DESKTOP = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 };
export const MOBILE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  // playwright-core donne à Chromium un profil (user data dir) neuf et temporaire, supprimé à la fermeture.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
    },
  };
}

/**
 * Nouveau contexte (cookies, cache et historique vierges). Toute requête hors de la plateforme
 * (tuiles de la carte…) est refusée tout de suite : pas d'internet ici, et des tests qui n'en
 * dépendent pas. `newPage()` ouvre un onglet dont les erreurs JavaScript vont dans `pageErrors`.
 */
export async function openContext(browser, baseUrl, device = DESKTOP) {
  const context = await browser.newContext({ ...device, baseURL: baseUrl, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  await context.route(
    (url) => url.origin !== baseUrl,
    (route) => route.abort('internetdisconnected'),
  );
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return { page, pageErrors };
    },
  };
}

/** Un contexte neuf et son premier onglet (fermer `context` à la fin). */
export async function openPage(browser, baseUrl, device = DESKTOP) {
  const { context, newPage } = await openContext(browser, baseUrl, device);
  return { context, ...(await newPage()) };
}
