import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';

/** A browser with one page, and what that page reported: its uncaught errors and every request. */
export interface WatchedPage {
  readonly browser: Browser;
  readonly page: Page;
  readonly pageErrors: string[];
  readonly requests: string[];
}

/** Starts Chromium with a page of `width` × `height` that records its errors and requests. */
export async function openWatchedPage(width = 1280, height = 900): Promise<WatchedPage> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width, height } });
  const pageErrors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  return { browser, page, pageErrors, requests };
}

/** A row of the explorer's own table: every listing is in, with filters and counts. (Before it,
 * the default view may show the first rows file's rows, in a section without `data-settled`.) */
export const FULL_TABLE_ROW = '.explorer-results[data-settled] .results-table tbody tr';

/** `openWatchedPage` on the explorer at `baseUrl`, once its first rows are drawn and search is
 * ready. */
export async function openExplorer(baseUrl: string): Promise<WatchedPage> {
  const watched = await openWatchedPage();
  await watched.page.goto(`${baseUrl}/`);
  await watched.page.locator(FULL_TABLE_ROW).first().waitFor({ timeout: 60_000 });
  await waitForSearchReady(watched.page);
  return watched;
}

/** A page whose requests for the listings file wait until `letListingsGo` is called: what a
 * reader on a slow connection sees before the listings arrive, seen for sure. (CSP bypassed for
 * axe's script tag.) */
export interface HeldBackPage {
  readonly browser: Browser;
  readonly page: Page;
  readonly pageErrors: string[];
  readonly letListingsGo: () => void;
}

export async function openWithListingsHeldBack(): Promise<HeldBackPage> {
  const browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  let letListingsGo: () => void = () => undefined;
  const heldBack = new Promise<void>((resolve) => {
    letListingsGo = resolve;
  });
  await page.route('**/data/listings.json', async (route) => {
    await heldBack;
    await route.continue();
  });
  return { browser, page, pageErrors, letListingsGo };
}

/** The count the page announces in its live region, e.g. 37 from "37 listings". */
export async function announcedCount(page: Page): Promise<number> {
  const text = (await page.locator('.result-count strong').textContent()) ?? '';
  const match = /([\d,]+) listings?/.exec(text);
  if (!match) throw new Error(`no count in "${text}"`);
  return Number(match[1]!.replace(/,/g, ''));
}

export async function waitForSearchReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('.search-hint')?.textContent?.includes('Search ready'),
    null,
    {
      timeout: 60_000,
    },
  );
}

/** Types like a person, one key at a time, and waits until the results answer the whole query. */
export async function typeQuery(page: Page, query: string): Promise<void> {
  const box = page.getByLabel('Search names, aliases and identifiers');
  await box.fill('');
  await box.pressSequentially(query, { delay: 15 });
  await waitForSettled(page, query);
}

/** Waits until the rows on screen answer `query` (or, without one, the current filters). */
export async function waitForSettled(page: Page, query?: string): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const section = document.querySelector('.explorer-results');
      if (section?.getAttribute('data-settled') !== 'true') return false;
      return expected === null || section.getAttribute('data-query') === expected.trim();
    },
    query ?? null,
    { timeout: 30_000 },
  );
}

/** Names in the rendered rows (the virtualised window: the first screenful or so). */
export async function visibleRows(
  page: Page,
): Promise<{ name: string; list: string; listed: string }[]> {
  return page.$$eval(FULL_TABLE_ROW, (rows) =>
    rows.map((row) => ({
      name: row.querySelector('.col-name .entity-link')?.textContent ?? '',
      list: row.querySelector('.col-list')?.textContent ?? '',
      listed: row.querySelector('.col-listed')?.textContent ?? '',
    })),
  );
}

export function expectSameOrigin(requests: readonly string[], origin: string): void {
  const foreign = requests.filter(
    (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );
  expect(foreign).toEqual([]);
}
