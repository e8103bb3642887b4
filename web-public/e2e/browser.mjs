// Chromium (Debian, /usr/bin/chromium) driven by playwright-core: shared by the e2e tests
// (e2e/support.ts) and by `npm run screenshots` (scripts/screenshots.mjs). Never a downloaded browser.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Playwright context options. */
export const DESKTOP = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 };
export const MOBILE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  // playwright-core gives Chromium a fresh, temporary profile (user data dir), removed on close.
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
 * A new context (empty cookies, cache and history). Every request outside the platform (map
 * tiles…) is refused at once: no internet here, and tests that do not depend on it. `newPage()`
 * opens a tab whose JavaScript errors go to `pageErrors`.
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

/** A fresh context and its first tab (close `context` at the end). */
export async function openPage(browser, baseUrl, device = DESKTOP) {
  const { context, newPage } = await openContext(browser, baseUrl, device);
  return { context, ...(await newPage()) };
}
