import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { announcedCount, typeQuery, waitForSettled, openExplorer } from './helpers';

/**
 * A new question starts at its best answer: after scrolling far down the whole list, a search
 * or a facet click shows its results from the first row, not from wherever the list had been.
 */
async function scrollTableDown(page: Page): Promise<number> {
  const box = (await page.locator('.table-scroll').boundingBox())!;
  await page.mouse.move(box.x + 100, box.y + Math.min(200, box.height / 2));
  for (let step = 0; step < 10; step += 1) await page.mouse.wheel(0, 1200);
  // Wheel steps land over several frames: wait until the offset is far down and holds still.
  const offset = () => page.evaluate(() => document.querySelector('.table-scroll')!.scrollTop);
  let previous = -1;
  await expect
    .poll(async () => {
      const now = await offset();
      const settled = now === previous && now > 5000;
      previous = now;
      return settled;
    })
    .toBe(true);
  return previous;
}

async function firstRenderedRow(page: Page): Promise<{ scrollTop: number; index: string | null }> {
  return page.evaluate(() => ({
    scrollTop: document.querySelector('.table-scroll')!.scrollTop,
    index: document.querySelector('.results-table tbody tr')?.getAttribute('data-index') ?? null,
  }));
}

describe('results start at the top when the question changes, in Chromium', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ({ browser, page, pageErrors } = await openExplorer(baseUrl));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows a search from its first hit after the list was scrolled far down', async () => {
    await scrollTableDown(page);
    // "Al" has thousands of hits: kept, the old offset would still be inside them.
    await typeQuery(page, 'Al');
    expect(await announcedCount(page)).toBeGreaterThan(1000);
    await expect.poll(() => firstRenderedRow(page)).toEqual({ scrollTop: 0, index: '0' });
  });

  it('shows a facet click from its first row too', async () => {
    await scrollTableDown(page);
    await page
      .getByRole('group', { name: 'Agency', exact: true })
      .locator('li input')
      .first()
      .click();
    await waitForSettled(page, 'Al');
    await expect.poll(() => firstRenderedRow(page)).toEqual({ scrollTop: 0, index: '0' });
  });

  it('leaves the offset alone while the question stays the same', async () => {
    const scrolled = await scrollTableDown(page);
    // Re-rendering the same results (here: toggling the charts) must not move the list.
    await page.getByRole('button', { name: 'Show charts' }).click();
    await page.getByRole('button', { name: 'Hide charts' }).click();
    expect((await firstRenderedRow(page)).scrollTop).toBe(scrolled);
  });

  it('raised no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
