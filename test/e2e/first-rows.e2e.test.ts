import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { findSeriousA11yViolations } from './audit';
import { FULL_TABLE_ROW, openWithListingsHeldBack, visibleRows } from './helpers';

const PREVIEW_ROW = '.explorer-results[data-preview] .results-table tbody tr';

/** The table's top edge and the names of its rendered rows. */
async function tableState(page: Page, rowSelector: string) {
  return page.evaluate((selector) => {
    const rows = [...document.querySelectorAll(selector)];
    return {
      top: document.querySelector('.results-table')?.getBoundingClientRect().top ?? NaN,
      names: rows.map((row) => row.querySelector('.col-name .entity-link')?.textContent ?? ''),
    };
  }, rowSelector);
}

/**
 * The default view's first rows, from the small first rows file, while the listings file is held
 * back; then the full table in their place, on the real lists.
 */
describe('the first rows while the listings load, in Chromium', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let page: Page;
  let letListingsGo: () => void = () => undefined;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    ({ browser, page, pageErrors, letListingsGo } = await openWithListingsHeldBack());
  });

  afterAll(async () => {
    letListingsGo();
    await browser?.close();
  });

  let preview: { top: number; names: string[] };

  it('shows the first rows, the full count and where the filters will be', async () => {
    await page.goto(`${baseUrl}/`);
    await page.locator(PREVIEW_ROW).first().waitFor({ timeout: 60_000 });
    preview = await tableState(page, PREVIEW_ROW);
    expect(preview.names.length).toBeGreaterThan(5);
    expect(preview.names.every((name) => name.trim() !== '')).toBe(true);
    const count = (await page.locator('.result-count').textContent()) ?? '';
    expect(count).toMatch(/^[\d,]+ listings · the first 40 shown while the rest load$/);
    expect(await page.locator('aside.facets').textContent()).toContain(
      'The filters and their counts come with the listings.',
    );
    expect(await page.locator('.explorer-results').getAttribute('aria-busy')).toBe('true');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('links each first row to its entity page', async () => {
    const href = await page.locator(`${PREVIEW_ROW} .entity-link`).first().getAttribute('href');
    expect(href).toMatch(/^\/entity\/[^/]+$/);
  });

  it('gives way to the full table, which starts with the same rows in the same place', async () => {
    letListingsGo();
    await page.locator(FULL_TABLE_ROW).first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-preview]').count()).toBe(0);
    const full = await tableState(page, FULL_TABLE_ROW);
    expect(full.names.slice(0, preview.names.length)).toEqual(preview.names);
    expect((await visibleRows(page)).length).toBeGreaterThan(0);
    // Nothing jumps when the rows are replaced: the table's top edge stays within a pixel.
    expect(Math.abs(full.top - preview.top)).toBeLessThanOrEqual(1);
    expect(await page.locator('.result-count').textContent()).toMatch(/^[\d,]+ listings/);
    expect(pageErrors).toEqual([]);
  });
});
