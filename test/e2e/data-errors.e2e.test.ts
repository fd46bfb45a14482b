import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { findSeriousA11yViolations, watchPageProblems } from './audit';
import { serveStatic, type StaticServer } from './static-server';

/**
 * A corrupt or partly downloaded data file must give a page that says what happened and what to
 * do, never a blank page. Each case serves a copy of the e2e build with its data damaged.
 */
const BUILD = resolve(import.meta.dirname, '../../.cache/e2e-dist');

interface BrokenBuild {
  readonly name: string;
  readonly damage: (dataDir: string) => void;
  /** What the page must say happened, and what to do. */
  readonly message: RegExp;
  readonly remedy: RegExp;
  readonly file: string;
}

const BROKEN_BUILDS: readonly BrokenBuild[] = [
  {
    name: 'listings.json cut off halfway (a partial download)',
    damage: (dataDir) => {
      const file = join(dataDir, 'listings.json');
      truncateSync(file, Math.floor(statSync(file).size / 2));
    },
    message: /listings\.json does not match the manifest .*damaged, partly downloaded/,
    remedy: /Reload the page; if it persists/,
    file: 'listings.json',
  },
  {
    // Checksum and counts match, so only the schema validation (in the search worker, after the
    // table is drawn) can catch it: the page must still end on the error page.
    name: 'a listing that breaks the schema, in a file the manifest vouches for',
    damage: (dataDir) => {
      const listingsFile = join(dataDir, 'listings.json');
      const data = JSON.parse(readFileSync(listingsFile, 'utf8')) as {
        listings: Record<string, unknown>[];
      };
      data.listings[41] = { ...data.listings[41], list: 'NOT-A-LIST' };
      const text = JSON.stringify(data);
      writeFileSync(listingsFile, text);
      const manifestFile = join(dataDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
        listings: { sha256: string; bytes: number };
      };
      manifest.listings.sha256 = createHash('sha256').update(text).digest('hex');
      manifest.listings.bytes = Buffer.byteLength(text);
      writeFileSync(manifestFile, JSON.stringify(manifest));
    },
    message: /listings\.json, listing 42: field "list"/,
    remedy: /Rebuild the data with `npm run data/,
    file: 'listings.json',
  },
  {
    name: 'manifest.json missing',
    damage: (dataDir) => rmSync(join(dataDir, 'manifest.json')),
    message: /manifest\.json was not found on the server/,
    remedy: /Rebuild the data with `npm run data/,
    file: 'manifest.json',
  },
  {
    name: 'manifest.json not JSON',
    damage: (dataDir) => {
      const file = join(dataDir, 'manifest.json');
      truncateSync(file, Math.floor(statSync(file).size / 3));
    },
    message: /manifest\.json is damaged or was only partly downloaded/,
    remedy: /Reload the page/,
    file: 'manifest.json',
  },
];

describe('damaged data, in Chromium', () => {
  let browser: Browser;
  const temporary: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the e2e build with its data damaged, served on a port of its own. */
  async function serveBroken(build: BrokenBuild): Promise<StaticServer> {
    const root = mkdtempSync(join(tmpdir(), 'sanctions-broken-'));
    temporary.push(root);
    cpSync(BUILD, root, { recursive: true });
    build.damage(join(root, 'data'));
    return serveStatic(root);
  }

  async function openErrorPage(url: string): Promise<{ page: Page; errors: string[] }> {
    // bypassCSP only so that axe can be injected; the CSP itself is tested in privacy.e2e.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const problems = watchPageProblems(page);
    await page.goto(url);
    await page
      .getByRole('heading', { level: 1, name: 'The data could not be loaded' })
      .waitFor({ timeout: 60_000 });
    return { page, errors: problems.errors };
  }

  it('searches all the same when search.bin is damaged, and the console says why', async () => {
    const server = await serveBroken({
      name: 'search.bin cut off',
      damage: (dataDir) => {
        const file = join(dataDir, 'search.bin');
        truncateSync(file, Math.floor(statSync(file).size / 2));
      },
      message: /$/,
      remedy: /$/,
      file: 'search.bin',
    });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = watchPageProblems(page);
      const warnings: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
      await page.goto(`${server.url}/`);
      await page.getByText(/Search ready/).waitFor({ timeout: 60_000 });
      await page.getByLabel('Search names, aliases and identifiers').fill('megvii');
      await page
        .locator('.results-table tbody tr', { hasText: /MEGVII/i })
        .first()
        .waitFor({ timeout: 30_000 });
      expect(warnings).toEqual([
        expect.stringMatching(
          /^Search indexed the listings instead: search\.bin does not match the manifest/,
        ) as unknown,
      ]);
      expect(problems.errors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  });

  it.each(BROKEN_BUILDS)('$name: says what happened and how to recover', async (build) => {
    const server = await serveBroken(build);
    try {
      const { page, errors } = await openErrorPage(`${server.url}/`);
      const alert = page.getByRole('alert');
      const text = (await alert.textContent()) ?? '';
      expect(text).toMatch(build.message);
      expect(text).toMatch(build.remedy);
      expect(await alert.locator('code').textContent()).toBe(build.file);
      await expect(page.getByRole('button', { name: 'Reload' }).isVisible()).resolves.toBe(true);
      // Not blank: the header and footer still frame the message.
      expect(await page.locator('.app-header').isVisible()).toBe(true);
      expect(errors).toEqual([]);
      expect(await findSeriousA11yViolations(page)).toEqual([]);
      await page.context().close();
    } finally {
      await server.close();
    }
  });
});
