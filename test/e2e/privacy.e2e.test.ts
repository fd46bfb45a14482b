import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';
import { launchChromium } from './browser';
import { watchPageProblems, type PageProblems } from './audit';
import { serveStatic, type StaticServer } from './static-server';
import {
  FULL_TABLE_ROW,
  expectSameOrigin,
  typeQuery,
  waitForSearchReady,
  waitForSettled,
} from './helpers';

/**
 * "No query is ever sent anywhere, and the page loads nothing from any other host" (README).
 * A whole session — load, search, facet, charts, entity page, actions pages, export — with every
 * request the browser reports recorded at the context, and every request our server received
 * (which includes the service worker's own fetches, which the browser does not all report).
 */
const BUILD = resolve(import.meta.dirname, '../../.cache/e2e-dist');

/** A request's kind, for the summary: the document, a script, the data, the service worker… */
function classifyRequest(url: string, origin: string): string {
  if (!url.startsWith(origin)) return `FOREIGN ${new URL(url).protocol}`;
  const path = new URL(url).pathname;
  if (path.startsWith('/data/')) return `data ${path}`;
  if (path === '/sw.js' || path.startsWith('/workbox-')) return 'service worker';
  if (path.startsWith('/assets/')) return `asset *${path.slice(path.lastIndexOf('.'))}`;
  return 'page (index.html)';
}

function summarize(urls: readonly string[], origin: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const url of urls) {
    const kind = url.startsWith('blob:')
      ? 'blob: (export file)'
      : url.startsWith('data:')
        ? 'data: URL'
        : classifyRequest(url, origin);
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

function printSummary(title: string, summary: Record<string, number>): void {
  console.log(
    `${title}\n` +
      Object.entries(summary)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([kind, count]) => `  ${String(count).padStart(4)}  ${kind}`)
        .join('\n'),
  );
}

describe('privacy, in Chromium, on the real lists', () => {
  // A server of our own, so that its log of every path it answered can be read here.
  let server: StaticServer;
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  const requests: string[] = [];
  let documentCsp: string | undefined;

  beforeAll(async () => {
    server = await serveStatic(BUILD);
    baseUrl = server.url;
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    // At the context, not the page: the search worker and the service worker are counted too.
    context.on('request', (request) => requests.push(request.url()));
    page = await context.newPage();
    problems = watchPageProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('ships an index.html with no inline script and the CSP as a meta', () => {
    const html = readFileSync(resolve(BUILD, 'index.html'), 'utf8');
    const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      // Our own files only: a path on this origin (never `//host/…` or `https:`).
      expect(script).toMatch(/\bsrc="\/(?!\/)[^":]+\.js"/);
      expect(script).toMatch(/>\s*<\/script>$/);
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta?.[1]?.replace(/&#39;/g, "'")).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is served with the same policy as a header', async () => {
    const response = await page.goto(`${baseUrl}/`);
    documentCsp = response?.headers()['content-security-policy'];
    expect(documentCsp).toBe(CONTENT_SECURITY_POLICY);
    await page.locator(FULL_TABLE_ROW).first().waitFor({ timeout: 60_000 });
    await waitForSearchReady(page);
  });

  it('searches, filters, draws charts, opens an entity and the actions pages, exports', async () => {
    await typeQuery(page, 'Megvii');
    await page.getByRole('group', { name: 'List' }).getByLabel(/^EL/).check();
    await expect.poll(() => page.url()).toContain('list=EL');
    await waitForSettled(page, 'Megvii');
    await page.getByRole('button', { name: 'Show charts' }).click();
    await page.locator('.charts figure').first().waitFor();

    await page.getByLabel('Format').selectOption('csv');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Export \d+ rows?/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);

    await page.locator('.results-table tbody tr .entity-link').first().click();
    await page.locator('article.entity h1').waitFor();
    await page.getByRole('link', { name: 'Additions by date' }).click();
    await page.getByRole('heading', { level: 1, name: 'Additions by date' }).waitFor();
    await page.goto(`${baseUrl}/actions/2021-12-17`);
    await page.getByRole('heading', { level: 1, name: 'Actions on 2021-12-17' }).waitFor();
    // Give the service worker's precache and any late request time to show up.
    await page.waitForTimeout(1_000);
  });

  it('asked nothing of any other host, and prints what it asked', () => {
    const summary = summarize(requests, baseUrl);
    printSummary(`Privacy: ${requests.length} requests reported by the browser, by kind:`, summary);
    const served = summarize(
      server.requests.map((path) => `${baseUrl}${path}`),
      baseUrl,
    );
    printSummary(`Privacy: ${server.requests.length} requests received by the server:`, served);
    expect(requests.length).toBeGreaterThan(5);
    expect(summary['data /data/listings.json']).toBeGreaterThanOrEqual(1);
    // The service worker fetched its script and precache from us, too, and nothing else.
    expect(served['service worker']).toBeGreaterThanOrEqual(1);
    expectSameOrigin(requests, baseUrl);
  });

  it('broke no Content-Security-Policy rule and raised no page error', () => {
    expect(documentCsp).toBe(CONTENT_SECURITY_POLICY);
    expect(problems.cspViolations).toEqual([]);
    expect(problems.errors).toEqual([]);
  });
});
