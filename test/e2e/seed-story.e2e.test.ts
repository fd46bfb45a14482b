import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  announcedCount,
  expectSameOrigin,
  typeQuery,
  visibleRows,
  waitForSettled,
  openExplorer,
} from './helpers';

/**
 * The story the product was born from (../shared/seed): in December 2021 BIS added 37 entries to
 * the Entity List (86 FR 71557, effective 2021-12-17) and OFAC added eight Chinese technology
 * firms to the NS-CMIC list (listing date 2021-12-16). A reader must find each, see who listed
 * it, when and why, narrow the view, open an entity and come back to the same view.
 * Expected counts are computed from the official files read in place, never typed in.
 */
const SOURCES = resolve(
  import.meta.dirname,
  '../..',
  process.env.SANCTIONS_SOURCES ?? '../shared/data',
);

interface CslRow {
  readonly source: string;
  readonly name: string;
  readonly start_date: string;
}

function countCslRows(predicate: (row: CslRow) => boolean): number {
  const rows = parse(readFileSync(resolve(SOURCES, 'csl/consolidated.csv')), {
    columns: true,
  }) as CslRow[];
  return rows.filter(predicate).length;
}

describe('the seed story, in Chromium, on the real lists', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let requests: string[];

  beforeAll(async () => {
    ({ browser, page, pageErrors, requests } = await openExplorer(baseUrl));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('says what data it shows', async () => {
    await expect
      .poll(() => page.locator('.data-summary').textContent())
      .toMatch(/Data as of .* listings from \d+ lists/);
    expect(await page.locator('.sample-banner').count()).toBe(0);
  });

  it('finds Megvii on the Entity List and the NS-CMIC list', async () => {
    await typeQuery(page, 'Megvii');
    const rows = await visibleRows(page);
    const lists = new Set(rows.filter((row) => /megvii/i.test(row.name)).map((row) => row.list));
    expect(lists).toEqual(new Set(['EL', 'CMIC']));
    // Written to the address once typing pauses (src/ui/router.ts).
    await page.waitForURL(/q=Megvii/, { timeout: 5_000 });
    const cmic = rows.find((row) => row.list === 'CMIC');
    expect(cmic?.listed).toBe('2021-12-16');
  });

  it('finds DJI on both lists, and Dawning through its alias Sugon', async () => {
    await typeQuery(page, 'DJI');
    const dji = await visibleRows(page);
    expect(
      dji
        .slice(0, 2)
        .map((row) => row.list)
        .sort(),
    ).toEqual(['CMIC', 'EL']);

    await typeQuery(page, 'Sugon');
    const sugon = await visibleRows(page);
    expect(sugon.some((row) => row.list === 'EL' && /sugon/i.test(row.name))).toBe(true);
    expect(sugon.some((row) => row.list === 'CMIC' && /dawning/i.test(row.name))).toBe(true);
    // The Dawning row says which alias matched.
    expect(
      await page
        .locator('.results-table tbody tr', { hasText: /dawning/i })
        .first()
        .textContent(),
    ).toMatch(/SUGON/i);
  });

  it('finds Huawei and its affiliates', async () => {
    await typeQuery(page, 'Huawei');
    const expectedAtLeast = countCslRows(
      (row) => row.source.startsWith('Entity List') && /huawei/i.test(row.name),
    );
    expect(await announcedCount(page)).toBeGreaterThanOrEqual(expectedAtLeast);
  });

  it('finds the Academy of Military Medical Sciences and its institutes, listed 2021-12-17', async () => {
    await typeQuery(page, 'Academy of Military Medical Sciences');
    const rows = await visibleRows(page);
    const academy = rows.filter((row) => /academy of military medical sciences/i.test(row.name));
    expect(academy.length).toBeGreaterThanOrEqual(12);
    expect(academy.every((row) => row.list === 'EL' && row.listed === '2021-12-17')).toBe(true);
  });

  it('shows the Entity List additions of 2021-12-17 (86 FR 71557)', async () => {
    await page.goto(`${baseUrl}/?list=EL&listed_from=2021-12-17&listed_to=2021-12-17&v=1`);
    await waitForSettled(page);
    const expected = countCslRows(
      (row) => row.source.startsWith('Entity List') && row.start_date === '2021-12-17',
    );
    expect(expected).toBe(37);
    expect(await announcedCount(page)).toBe(expected);
    await expect
      .poll(() => page.locator('[role=status]').first().textContent())
      .toContain(`${expected} listings`);
  });

  it('shows the NS-CMIC additions of 2021-12-16, and narrows them by country', async () => {
    await page.goto(`${baseUrl}/?list=CMIC&listed_from=2021-12-16&listed_to=2021-12-16&v=1`);
    await waitForSettled(page);
    expect(await announcedCount(page)).toBe(8);
    const names = (await visibleRows(page)).map((row) => row.name.toUpperCase()).join(' | ');
    for (const firm of [
      'DJI',
      'MEGVII',
      'CLOUDWALK',
      'DAWNING',
      'LEON',
      'NETPOSA',
      'MEIYA PICO',
      'YITU',
    ]) {
      expect(names).toContain(firm);
    }
    await page
      .getByRole('group', { name: 'Country' })
      .getByLabel(/Cayman Islands/)
      .check();
    await expect.poll(() => page.url()).toContain('country=KY');
    await waitForSettled(page);
    await expect.poll(() => announcedCount(page)).toBeLessThan(8);
    const narrowed = await announcedCount(page);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(8);
  });

  it('opens an entity with who, when and why, then goes back to the same view', async () => {
    const before = page.url();
    const countBefore = await announcedCount(page);
    const firstLink = page.locator('.results-table tbody tr .entity-link').first();
    const name = (await firstLink.textContent()) ?? '';
    await firstLink.click();
    await expect.poll(() => page.url()).toContain('/entity/cmic-');
    await expect.poll(() => page.locator('h1').textContent()).toBe(name);
    const text = (await page.locator('article.entity').textContent()) ?? '';
    expect(text).toContain('Treasury (OFAC)');
    expect(text).toContain('Securities investment ban');
    expect(text).toMatch(/Listed\s*2021-12-16/);
    await page.goBack();
    await expect.poll(() => page.url()).toBe(before);
    await waitForSettled(page);
    expect(await announcedCount(page)).toBe(countBefore);
  });

  it('shows Megvii as also listed on the Entity List', async () => {
    await page.goto(`${baseUrl}/entity/cmic-33091`);
    await page.locator('h1', { hasText: /MEGVII/ }).waitFor();
    const also = (await page.locator('.also-listed').textContent()) ?? '';
    expect(also).toMatch(/Megvii Technology/);
    expect(also).toContain('Entity List');
  });

  it('raised no page error and asked nothing of any other host', () => {
    expect(pageErrors).toEqual([]);
    expectSameOrigin(requests, baseUrl);
  });
});
