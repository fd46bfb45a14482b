import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { serveStatic, type StaticServer } from './static-server';
import {
  FULL_TABLE_ROW,
  announcedCount,
  typeQuery,
  visibleRows,
  waitForSearchReady,
} from './helpers';

/**
 * After one visit the app works with no network at all: the service worker serves the app shell
 * from its precache and the data from its runtime cache. To be sure nothing is still fetched,
 * the test stops its own server as well as taking the browser offline.
 */
const BUILD = resolve(import.meta.dirname, '../../.cache/e2e-dist');

async function waitForTable(page: Page): Promise<void> {
  await page.locator(FULL_TABLE_ROW).first().waitFor({ timeout: 60_000 });
}

describe('offline, in Chromium, on the real lists', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(BUILD);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('installs a service worker that controls the page after the first visit', async () => {
    await page.goto(`${server.url}/`);
    await waitForTable(page);
    const scope = await page.evaluate(
      async () => (await navigator.serviceWorker.ready).active?.scriptURL,
    );
    expect(scope).toBe(`${server.url}/sw.js`);
    // The first load's data came before the worker; this one goes through it and is cached.
    await page.reload();
    await waitForTable(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const cached = () =>
      page.evaluate(async () => {
        const cache = await caches.open('sanctions-data');
        return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
      });
    // The search names too: the search worker asks for them once the listings are in.
    await expect
      .poll(cached)
      .toEqual([
        '/data/first-rows.json',
        '/data/listings.json',
        '/data/manifest.json',
        '/data/search.bin',
      ]);
    await expect.poll(() => page.locator('.data-summary').textContent()).not.toMatch(/offline/);
  });

  it('loads, shows which data it is and searches with the network off and the server gone', async () => {
    await server.close();
    await context.setOffline(true);
    await page.reload();
    await waitForTable(page);
    await expect
      .poll(() => page.locator('.data-summary').textContent())
      .toMatch(/^Data as of .+ · [\d,]+ listings from \d+ lists · offline copy$/);
    await waitForSearchReady(page);
    await typeQuery(page, 'Megvii');
    expect(await announcedCount(page)).toBeGreaterThanOrEqual(2);
    const lists = new Set((await visibleRows(page)).map((row) => row.list));
    expect(lists).toContain('EL');
    expect(lists).toContain('CMIC');
  });

  it('keeps saying "offline copy" once back online: the lists shown are still the saved copy', async () => {
    await context.setOffline(false);
    await page.waitForTimeout(200);
    expect(await page.locator('.data-summary').textContent()).toMatch(/ · offline copy$/);
  });

  it('raised no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
