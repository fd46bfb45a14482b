import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { findSeriousA11yViolations } from './audit';
import { FULL_TABLE_ROW, typeQuery, waitForSearchReady, waitForSettled } from './helpers';

/**
 * axe-core on every page of the app, in a real browser so that colour contrast is computed
 * (jsdom cannot; see test/component/axe.ts). Zero serious or critical violations is the bar.
 * The data-error page is checked in data-errors.e2e.test.ts, which serves a broken build.
 */
describe('accessibility (axe), in Chromium, on the real lists', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    // axe arrives as a script tag, which the production CSP (rightly) refuses.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('explorer with results', async () => {
    await page.goto(`${baseUrl}/`);
    await page.locator(FULL_TABLE_ROW).first().waitFor({ timeout: 60_000 });
    await waitForSearchReady(page);
    await typeQuery(page, 'Megvii');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('explorer with a notice about the link', async () => {
    await page.goto(`${baseUrl}/?list=NOPE&q=Huawei&v=1`);
    await page.locator('.notices').waitFor({ timeout: 60_000 });
    await waitForSettled(page);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('explorer with the charts shown and their tables open', async () => {
    await page.goto(`${baseUrl}/?list=EL&v=1`);
    await page.locator(FULL_TABLE_ROW).first().waitFor({ timeout: 60_000 });
    await waitForSettled(page);
    await page.getByRole('button', { name: 'Show charts' }).click();
    await page.locator('.charts figure').first().waitFor();
    for (const summary of await page.locator('.chart-table summary').all()) await summary.click();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('entity page', async () => {
    await page.goto(`${baseUrl}/entity/cmic-33091`);
    await page.locator('article.entity h1', { hasText: /MEGVII/ }).waitFor({ timeout: 60_000 });
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('actions page', async () => {
    await page.goto(`${baseUrl}/actions`);
    await page
      .getByRole('heading', { level: 1, name: 'Additions by date' })
      .waitFor({ timeout: 60_000 });
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('day page', async () => {
    await page.goto(`${baseUrl}/actions/2021-12-17`);
    await page
      .getByRole('heading', { level: 1, name: 'Actions on 2021-12-17' })
      .waitFor({ timeout: 60_000 });
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('not-found page', async () => {
    await page.goto(`${baseUrl}/no/such/page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor({
      timeout: 60_000,
    });
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });
});
