import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { watchPageProblems, type PageProblems } from './audit';
import { buildListing } from '../unit/build-listing';

/**
 * Hostile text laid out by a real browser: the component tests prove it stays text, this proves
 * it stays in its box. The real data, plus a few hostile listings, is answered to the page in
 * place of data/*.json (with a matching checksum), so the app loads it like any release.
 */
const BUILD_DATA = resolve(import.meta.dirname, '../../.cache/e2e-dist/data');
const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results');

const LONG = 'W'.repeat(10_000);
/** A program only the hostile listing has, so one filter shows its row alone. */
const HOSTILE_PROGRAM = 'HOSTILE-TEST';
const HOSTILE = [
  buildListing({ id: 'sdn-hostile1', name: LONG, remarks: LONG, programs: [HOSTILE_PROGRAM] }),
  buildListing({ id: 'sdn-hostile2', name: '\u202EDETSIL TON\u202C ACME (unterminated \u202E' }),
  buildListing({ id: 'sdn-hostile3', name: '<img src=x onerror="document.title=1">' }),
  buildListing({ id: 'sdn-hostile4', name: 'Z\u200Bero\u200Dwidth 🚀🇮🇷👨‍👩‍👧' }),
];

/** The e2e build's data with the hostile listings added, and a manifest that vouches for it. */
function buildHostileData(): { manifest: string; listings: string } {
  const listingsFile = JSON.parse(readFileSync(resolve(BUILD_DATA, 'listings.json'), 'utf8')) as {
    schemaVersion: number;
    listings: unknown[];
  };
  const listings = JSON.stringify({
    ...listingsFile,
    listings: [...HOSTILE, ...listingsFile.listings],
  });
  const manifest = JSON.parse(readFileSync(resolve(BUILD_DATA, 'manifest.json'), 'utf8')) as {
    listingCount: number;
    listings: { path: string; sha256: string; bytes: number };
  };
  manifest.listingCount = listingsFile.listings.length + HOSTILE.length;
  manifest.listings.sha256 = createHash('sha256').update(listings).digest('hex');
  manifest.listings.bytes = Buffer.byteLength(listings);
  return { manifest: JSON.stringify(manifest), listings };
}

/** Whether an element's content is wider than its box (what an unbreakable value would do). */
function overflowsHorizontally(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => element.scrollWidth > element.clientWidth + 1);
}

describe('hostile data, laid out in Chromium', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    const data = buildHostileData();
    browser = await launchChromium();
    // No service worker: page.route must see the data requests.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      serviceWorkers: 'block',
    });
    await context.route('**/data/manifest.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: data.manifest }),
    );
    await context.route('**/data/listings.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: data.listings }),
    );
    page = await context.newPage();
    problems = watchPageProblems(page);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('wraps a 10,000-character name in the table instead of widening the page', async () => {
    await page.goto(`${baseUrl}/?program=${HOSTILE_PROGRAM}&v=1`);
    const row = page.locator('.results-table tbody tr', { hasText: 'WWWWWWWW' }).first();
    await row.waitFor({ timeout: 60_000 });
    await page.screenshot({ path: resolve(SCREENSHOTS, 'hostile-table.png') });
    expect(await overflowsHorizontally(page, '.results-table tbody tr .col-name')).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1280,
    );
    // The row's other cells are where they belong: the name did not push them out of view.
    const listCell = await row.locator('.col-list').boundingBox();
    expect(listCell?.x ?? Infinity).toBeLessThan(1280);
    expect(await row.locator('.col-list').textContent()).toBe('SDN');
  });

  it('keeps a right-to-left override inside the name it came with', async () => {
    await page.goto(`${baseUrl}/entity/sdn-hostile2`);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor({ timeout: 60_000 });
    expect(await heading.locator('bdi').evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe(
      'isolate',
    );
    // "primary name" after the isolated name is still laid out left to right, after it.
    const item = page.locator('.names li').first();
    const nameBox = await item.locator('bdi').boundingBox();
    const labelBox = await item.locator('.muted').boundingBox();
    expect(labelBox!.x).toBeGreaterThan(nameBox!.x);
    expect(await item.locator('.muted').textContent()).toBe('primary name');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'hostile-bidi.png') });
  });

  it('wraps the long name and remarks on the entity page', async () => {
    await page.goto(`${baseUrl}/entity/sdn-hostile1`);
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: resolve(SCREENSHOTS, 'hostile-entity.png') });
    expect(await overflowsHorizontally(page, 'article.entity h1')).toBe(false);
    expect(await overflowsHorizontally(page, 'article.entity .fields')).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1280,
    );
  });

  it('runs nothing from a name', async () => {
    await page.goto(`${baseUrl}/entity/sdn-hostile3`);
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(HOSTILE[2]!.name);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.title()).not.toBe('1');
    expect(problems.errors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  });
});
