import axe from 'axe-core';
import type { Page } from 'playwright-core';

export { CHROMIUM_PATH, DESKTOP, launchBrowser, MOBILE, openContext, openPage, type BrowserSession } from './browser.mjs';

/** A direct (anonymous) GraphQL request to the platform's API. */
export async function gql<T = any>(baseUrl: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!res.ok || body.errors?.length || !body.data) {
    throw new Error(`GraphQL ${res.status}: ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/**
 * Waits until a page has finished loading: no loading indicator (page, map), no `aria-busy`
 * region, no search in progress, and a visible h1 (PageLoading's hidden h1 does not count). After a
 * client-side navigation, check the expected content next (the previous page's DOM may still be
 * there).
 */
export async function waitForPageReady(page: Page): Promise<void> {
  try {
    await page.waitForFunction(() => {
      if (document.querySelector('.notice--loading, .search-map--loading, [aria-busy="true"]')) return false;
      const count = document.querySelector('.results__count');
      if (count && !count.querySelector('strong') && !document.querySelector('[role="alert"]')) return false;
      const h1 = document.querySelector('main h1');
      return !!h1 && !h1.classList.contains('visually-hidden') && (h1.textContent ?? '').trim() !== '';
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\npage state: ${JSON.stringify(await pageState(page))}`, { cause: error });
  }
}

/** What can keep a page from being ready (for the failure messages). */
async function pageState(page: Page) {
  return page
    .evaluate(() => ({
      url: location.href,
      h1: document.querySelector('main h1')?.outerHTML.slice(0, 200),
      loading: [...document.querySelectorAll('.notice--loading, .search-map--loading, [aria-busy="true"]')].map((el) =>
        el.outerHTML.slice(0, 200),
      ),
      count: document.querySelector('.results__count')?.textContent,
      alerts: [...document.querySelectorAll('[role="alert"]')].map((el) => el.textContent),
    }))
    .catch((e: Error) => ({ error: e.message }));
}

/**
 * Waits for the end of a search: the number of results is announced and the list is no longer
 * pending. With `q`, also waits until the announcement is about that text (« … pour « q » »), so as
 * not to read the results of the previous search.
 */
export async function waitForSearchSettled(page: Page, q?: string): Promise<void> {
  await page.waitForFunction((q) => {
    const count = document.querySelector('.results__count');
    if (!count || !count.querySelector('strong')) return false;
    if (q !== null && !(count.textContent ?? '').includes(`« ${q} »`)) return false;
    return !document.querySelector('.results[aria-busy="true"], .results--stale');
  }, q ?? null);
}

/** The number of structures announced above the list (« 1 204 structures »). */
export async function announcedTotal(page: Page): Promise<number> {
  const text = await page.locator('.results__count strong').textContent();
  return parseCount(text ?? '');
}

/** « 1 204 structures », « (12) » → number (narrow no-break thousands spaces included). */
export function parseCount(text: string): number {
  const digits = text.replace(/[^0-9]/g, '');
  if (!digits) throw new Error(`no number in « ${text} »`);
  return Number(digits);
}

export async function resultNames(page: Page): Promise<string[]> {
  return page.locator('[data-testid="result-card"] .structure-card__title').allTextContents();
}

/** Searches through the page's field (typing then Enter), as a user does. */
export async function searchFor(page: Page, text: string): Promise<void> {
  const input = page.getByRole('searchbox', { name: /Rechercher une structure/ });
  await input.fill(text);
  await input.press('Enter');
  await page.waitForURL((url) => url.pathname === '/recherche' && url.searchParams.get('q') === text);
  await waitForSearchSettled(page, text);
}

/** Clicks « Voir plus » up to the last page; returns the number of cards shown. */
export async function loadAllPages(page: Page): Promise<number> {
  const more = page.getByRole('button', { name: 'Voir plus' });
  for (let i = 0; i < 50 && (await more.count()) > 0; i++) {
    const before = await page.getByTestId('result-card').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="result-card"]').length > n, before);
    await waitForSearchSettled(page);
  }
  return page.getByTestId('result-card').count();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core in the page; returns the « serious » and « critical » violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol: an inline <script> would be refused by the CSP (script-src 'self').
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: (context?: unknown, options?: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function formatViolations(url: string, violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${url} — [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${JSON.stringify(n.target)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
          .join('\n'),
    )
    .join('\n');
}
