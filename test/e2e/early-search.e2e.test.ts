import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { findSeriousA11yViolations } from './audit';
import { FULL_TABLE_ROW, openWithListingsHeldBack, waitForSettled } from './helpers';

/**
 * Search before the listings have arrived, on the real lists: the listings file is held back
 * until the test lets it go, so that what a reader on a slow connection sees is seen for sure.
 */
describe('search while the listings are still loading, in Chromium', () => {
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

  it('is ready from the search file alone, and finds names, aliases and misspellings', async () => {
    await page.goto(`${baseUrl}/?list=SSI`);
    await page.waitForFunction(() =>
      document.querySelector('.search-hint')?.textContent?.startsWith('Search ready:'),
    );
    expect(await page.locator('.results-table').count()).toBe(0);
    const box = page.getByLabel('Search names, aliases and identifiers');
    await box.pressSequentially('gazprom bank', { delay: 10 });
    const results = page.locator('.early-results');
    await expect
      .poll(() => results.getByRole('status').textContent())
      .toMatch(/^\d+ listings? found/);
    const names = await results.locator('li a').allTextContents();
    expect(names).toContain('GAZPROMBANK JOINT STOCK COMPANY');
    expect(await results.locator('li').first().textContent()).toMatch(/ · /);
    // A misspelling, and a listing found only by an alias, named by its own name.
    await page.goto(`${baseUrl}/?list=SSI&q=megvi`);
    await expect
      .poll(() => results.locator('li a').allTextContents())
      .toContain('MEGVII TECHNOLOGY LIMITED');
    await box.fill('shuguang');
    await expect
      .poll(() => results.locator('li').allTextContents())
      .toContain('Sugon EL · Entity List · found by another of its names');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('opens the explorer on that query and filter once the listings come, still typing', async () => {
    const box = page.getByLabel('Search names, aliases and identifiers');
    await box.fill('gazprom');
    await expect.poll(() => page.url()).toMatch(/q=gazprom/);
    letListingsGo();
    await page.locator(FULL_TABLE_ROW).first().waitFor({ timeout: 60_000 });
    // The explorer's own box has the focus and the text, caret at the end: typing goes on.
    await page.keyboard.type(' bank');
    await waitForSettled(page, 'gazprom bank');
    expect(await page.getByLabel('Search names, aliases and identifiers').inputValue()).toBe(
      'gazprom bank',
    );
    expect(page.url()).toMatch(/list=SSI/);
    const rows = await page.locator('.results-table tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.includes('SSI'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
