import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { announcedCount, openWatchedPage, waitForSettled } from './helpers';

/**
 * "When" and "which sectors": the official action dates of the seed story, and charts that
 * filter the table when clicked.
 */
describe('additions by date and charts, in Chromium, on the real lists', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ({ browser, page, pageErrors } = await openWatchedPage(1280, 1000));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('groups the Entity List additions of 2021-12-17 under 86 FR 71557', async () => {
    await page.goto(`${baseUrl}/actions/2021-12-17`);
    await page.locator('h1', { hasText: 'Actions on 2021-12-17' }).waitFor();
    const group = page.locator('.day-group', { hasText: 'Entity List (EL)' });
    await expect.poll(() => group.locator('h2').textContent()).toContain('— 37');
    const citation = group.locator('.day-citation', { hasText: '86 FR 71557' });
    expect(await citation.locator('li').count()).toBe(37);
    // Each row links to its entity page.
    await citation
      .locator('li a', { hasText: 'Academy of Military Medical Sciences' })
      .first()
      .click();
    await expect.poll(() => page.url()).toContain('/entity/el-');
    await expect.poll(() => page.locator('article.entity').textContent()).toContain('86 FR 71557');
  });

  it('groups the NS-CMIC additions of 2021-12-16, and links them to the explorer', async () => {
    await page.goto(`${baseUrl}/actions/2021-12-16`);
    const group = page.locator('.day-group', { hasText: '(CMIC)' });
    await expect.poll(() => group.locator('h2').textContent()).toContain('— 8');
    const names = (await group.locator('li').allTextContents()).join(' | ').toUpperCase();
    expect(names).toContain('DJI');
    expect(names).toContain('YITU');
    await group.getByRole('link', { name: /Open these in the explorer/ }).click();
    await waitForSettled(page);
    expect(page.url()).toContain('list=CMIC');
    expect(await announcedCount(page)).toBe(8);
  });

  it('lists action days with counts per list', async () => {
    await page.goto(`${baseUrl}/actions?list=CMIC`);
    await page.locator('.actions-table').waitFor();
    await expect
      .poll(() => page.locator('[role=status]').first().textContent())
      .toBe('3 days, 68 additions');
    const row = page.locator('.actions-table tbody tr', { hasText: '2021-12-16' });
    expect(await row.locator('td').first().textContent()).toBe('8');
  });

  it('draws charts of the current rows, and a chart click filters the table', async () => {
    await page.goto(`${baseUrl}/?list=EL&listed_from=2021-01-01&listed_to=2021-12-31&v=1`);
    await waitForSettled(page);
    const elIn2021 = await announcedCount(page);
    await page.getByRole('button', { name: 'Show charts' }).click();
    const timeChart = page.getByRole('figure', { name: /Additions per month/ });
    await expect
      .poll(() => timeChart.locator('figcaption').textContent())
      .toContain(`${elIn2021.toLocaleString('en-US')} listings with an official listing date`);
    // The bars are drawn once Recharts has measured the chart's box, after the caption.
    await expect.poll(() => timeChart.locator('.chart-bar').count()).toBeGreaterThan(0);
    // With them, the time axis names its months (every n-th, as many as fit).
    const months = await timeChart.locator('.chart-period-axis text').allTextContents();
    expect(months.length).toBeGreaterThan(1);
    for (const month of months) expect(month).toMatch(/^2021-\d{2}$/);
    // The stacks are one path per stack key (here the one list), a rectangle per month with
    // additions: counted against the table below.
    const stacks = await timeChart
      .locator('.chart-stacks path')
      .evaluateAll((paths) => paths.map((path) => path.getAttribute('d') ?? ''));
    expect(stacks).toHaveLength(1);
    const stackedMonths = stacks[0]!.split('Z').filter((rectangle) => rectangle !== '').length;
    // The count axis, drawn with the bars too: five numbers from zero in equal steps, up to a top
    // no month exceeds (checked against the table below).
    const counts = (await timeChart.locator('.chart-value-axis text').allTextContents()).map(
      Number,
    );
    expect(counts).toHaveLength(5);
    expect(counts[1]).toBeGreaterThan(0);
    expect(counts).toEqual(counts.map((_, step) => step * counts[1]!));
    // A bar's tooltip: its period, its total and its stack (here one list).
    await timeChart.locator('.chart-bar[data-key="2021-12"]').hover();
    await expect
      .poll(() => timeChart.locator('.chart-tooltip').textContent())
      .toMatch(/^2021-12: ([\d,]+)EL · Entity List: \1$/);
    // The table fallback carries the same numbers; its button applies the same filter as a click.
    await timeChart.getByText('Show as a table').click();
    // Made on the details' toggle event, which comes after the click: read once it is there.
    await expect.poll(() => timeChart.locator('tbody tr').count()).toBeGreaterThan(0);
    const monthCounts = await timeChart.locator('tbody tr td:first-of-type').allTextContents();
    expect(stackedMonths).toBe(monthCounts.filter((count) => Number(count) > 0).length);
    expect(counts[4]).toBeGreaterThanOrEqual(Math.max(...monthCounts.map(Number)));
    const december = timeChart.locator('tbody tr', { hasText: '2021-12' });
    const decemberCount = Number(await december.locator('td').first().textContent());
    expect(decemberCount).toBeGreaterThanOrEqual(37);
    await december.getByRole('button').click();
    // The page was settled before the click too: wait for the click's address first.
    await expect.poll(() => page.url()).toContain('listed_from=2021-12-01');
    expect(page.url()).toContain('listed_to=2021-12-31');
    await waitForSettled(page);
    expect(await announcedCount(page)).toBe(decemberCount);
    // Clicking a bar in the country chart narrows to that country.
    const countries = page.getByRole('figure', { name: /Top 10 countries/ });
    // Its labels are drawn with the bars, broken into lines that fit the axis (170 px), measured
    // on a canvas: no text is measured in the DOM, which made a facet click lay out the page.
    const labels = countries.locator('.chart-category-axis text');
    await expect.poll(() => labels.count()).toBeGreaterThan(0);
    const labelWidths = await labels.evaluateAll((texts) =>
      texts.map((text) => (text as SVGTextElement).getBBox().width),
    );
    expect(Math.min(...labelWidths)).toBeGreaterThan(0);
    expect(Math.max(...labelWidths)).toBeLessThanOrEqual(170);
    expect(await page.evaluate(() => document.getElementById('recharts_measurement_span'))).toBe(
      null,
    );
    await countries.locator('.chart-bar').first().hover();
    await expect
      .poll(() => countries.locator('.chart-tooltip').textContent())
      .toMatch(/^.+ \([A-Z]{2}\): [\d,]+ listings$/);
    await countries.locator('.chart-bar').first().click();
    await waitForSettled(page);
    await expect.poll(() => page.url()).toMatch(/country=[A-Z]{2}/);
    expect(await announcedCount(page)).toBeLessThanOrEqual(decemberCount);
  });

  it('redraws the charts, shown, for the rows a facet click leaves, on their own scales', async () => {
    await page.goto(`${baseUrl}/`);
    await waitForSettled(page);
    await page.getByRole('button', { name: 'Show charts' }).click();
    const countries = page.getByRole('figure', { name: /Top 10 countries/ });
    const labels = () => countries.locator('.chart-category-axis text').allTextContents();
    await expect.poll(async () => (await labels()).length).toBe(10);
    const everyList = await labels();
    // The bars are drawn once the chart's store has the click's rows, not with the scales of the
    // rows before (ChartBars.tsx): in the end they are the Entity List's top countries, as the
    // country facet counts them among the same rows, on an axis that reaches the largest.
    await page
      .getByRole('group', { name: 'List', exact: true })
      .getByRole('checkbox', { name: /^EL · Entity List/ })
      .click();
    await waitForSettled(page);
    const facetOptions = page
      .getByRole('group', { name: 'Country', exact: true })
      .locator('li:has(input)');
    const facetTop = (await facetOptions.locator('.facet-label').allTextContents()).filter(
      (label) => label !== 'No country on record',
    );
    await expect.poll(async () => (await labels()).slice(0, 3)).toEqual(facetTop.slice(0, 3));
    expect((await labels()).slice(0, 3)).not.toEqual(everyList.slice(0, 3));
    const largest = Number(
      (
        await facetOptions.filter({ hasText: facetTop[0]! }).locator('.facet-count').textContent()
      )?.replace(/,/g, ''),
    );
    const axis = (await countries.locator('.chart-value-axis text').allTextContents()).map(Number);
    expect(axis.at(-1)).toBeGreaterThanOrEqual(largest);
    expect(axis[1]! * 3).toBeLessThan(largest);
  });

  it('raised no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
