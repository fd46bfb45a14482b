import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { FULL_TABLE_ROW, announcedCount, expectSameOrigin, waitForSettled } from './helpers';

/**
 * Export, in Chromium, on the real lists: the file holds exactly the rows the view counts (the
 * 37 Entity List additions of 2021-12-17, see seed-story.e2e.test.ts), with its provenance.
 */
const SEED_VIEW = '/?list=EL&listed_from=2021-12-17&listed_to=2021-12-17&v=1';

/** Splits an exported CSV at its first empty row: provenance above, header and data below. */
function readCsvExport(text: string): { about: string[][]; table: string[][] } {
  const records = parse(text, { bom: true, relax_column_count: true }) as string[][];
  const blank = records.findIndex((record) => record.length === 1 && record[0] === '');
  return { about: records.slice(0, blank), table: records.slice(blank + 1) };
}

describe('export, in Chromium, on the real lists', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${baseUrl}${SEED_VIEW}`);
    await page.locator(FULL_TABLE_ROW).first().waitFor({ timeout: 60_000 });
    await waitForSettled(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function exportAs(format: 'csv' | 'xlsx' | 'json', count: number) {
    await page.getByLabel('Format').selectOption(format);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Export ${count} row${count === 1 ? '' : 's'}` }).click(),
    ]);
    await expect
      .poll(() => page.locator('.export-status').textContent())
      .toMatch(new RegExp(`^Exported ${count} rows? in`));
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  }

  it('exports the view as CSV: provenance, then exactly the rows counted on screen', async () => {
    const count = await announcedCount(page);
    expect(count).toBe(37);
    const file = await exportAs('csv', count);
    expect(file.name).toMatch(
      /^sanctions-explorer_\d{4}-\d{2}-\d{2}_list-EL_listed-2021-12-17_37-rows\.csv$/,
    );
    const { about, table } = readCsvExport(file.bytes.toString('utf8'));
    expect(table[0]).toContain('Name');
    expect(table[0]).toContain('Date listed');
    expect(table.length - 1).toBe(count);
    const listed = table[0]!.indexOf('Date listed');
    expect(table.slice(1).every((row) => row[listed] === '2021-12-17')).toBe(true);
    expect(about).toContainEqual(['Filter: list', 'EL']);
    expect(about.find(([key]) => key === 'View')?.[1]).toContain('list=EL');
    expect(
      about.some(
        ([key, value]) =>
          (key ?? '').startsWith('Source file: csl/') && /^sha256 [0-9a-f]{64}$/.test(value ?? ''),
      ),
    ).toBe(true);
    expect(about.some(([key]) => (key ?? '').startsWith('Data as of: EL'))).toBe(true);
  });

  it('exports the view as Excel, with the rows and an "About this export" sheet', async () => {
    const count = await announcedCount(page);
    const file = await exportAs('xlsx', count);
    expect(file.name.endsWith('_37-rows.xlsx')).toBe(true);
    expect(file.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength),
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Listings',
      'About this export',
    ]);
    expect(workbook.getWorksheet('Listings')!.rowCount - 1).toBe(count);
    const keys: unknown[] = [];
    workbook.getWorksheet('About this export')!.eachRow((row) => keys.push(row.getCell(1).value));
    expect(keys).toContain('Filter: list');
  });

  it('exports the view as JSON: provenance and the normalised listings', async () => {
    const count = await announcedCount(page);
    const file = await exportAs('json', count);
    const parsed = JSON.parse(file.bytes.toString('utf8')) as {
      provenance: { rowCount: number; filters: Record<string, string>; note: string | null };
      listings: { list: string }[];
    };
    expect(parsed.listings).toHaveLength(count);
    expect(parsed.provenance.rowCount).toBe(count);
    expect(parsed.provenance.filters).toMatchObject({ list: 'EL', listed_from: '2021-12-17' });
    expect(parsed.provenance.note).toBeNull();
    expect(parsed.listings.every((listing) => listing.list === 'EL')).toBe(true);
  });

  it('writes a search typed as a formula inert (no real name starts with one)', async () => {
    // BLENDER.IO (SDN) has the alias "@BLENDERIO_RU": a search for it reaches the file as text.
    await page.goto(`${baseUrl}/?q=${encodeURIComponent('@BLENDERIO_RU')}&v=1`);
    await page.locator(FULL_TABLE_ROW).first().waitFor({ timeout: 60_000 });
    await waitForSettled(page, '@BLENDERIO_RU');
    const count = await announcedCount(page);
    expect(count).toBeGreaterThan(0);
    await page.getByLabel('Format').selectOption('csv');
    const file = await exportAs('csv', count);
    const { about, table } = readCsvExport(file.bytes.toString('utf8'));
    expect(about).toContainEqual(['Filter: q', "'@BLENDERIO_RU"]);
    expect(table.length - 1).toBe(count);
  });

  it('raised no page error and asked nothing of any other host', () => {
    expect(pageErrors).toEqual([]);
    expectSameOrigin(requests, baseUrl);
  });
});
