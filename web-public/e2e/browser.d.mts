import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

export const CHROMIUM_PATH: string;
export const DESKTOP: BrowserContextOptions;
export const MOBILE: BrowserContextOptions;

export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

export function launchBrowser(): Promise<BrowserSession>;

export interface OpenedPage {
  page: Page;
  /** Messages of the uncaught JavaScript errors of the page. */
  pageErrors: string[];
}

export function openContext(
  browser: Browser,
  baseUrl: string,
  device?: BrowserContextOptions,
): Promise<{ context: BrowserContext; newPage(): Promise<OpenedPage> }>;

export function openPage(
  browser: Browser,
  baseUrl: string,
  device?: BrowserContextOptions,
): Promise<{ context: BrowserContext } & OpenedPage>;
