import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { watchPageProblems, type PageProblems } from './audit';
import { FULL_TABLE_ROW } from './helpers';

/**
 * Links are typed, pasted, truncated and tampered with. Whatever arrives in the address bar, the
 * reader gets a working page: the parts that can be read are used, the rest is named in a notice,
 * and an address that leads nowhere says so — never a blank page or an uncaught error.
 */
interface HostileUrl {
  readonly name: string;
  readonly path: string;
  /** What must be on screen: the results (table or "no match") or a heading with this text. */
  readonly shows: 'results' | { readonly heading: string | RegExp };
  /** The notice due for this link, when one is. */
  readonly notice?: string;
}

const NOT_FOUND = { heading: 'Page not found' } as const;

const HOSTILE_URLS: readonly HostileUrl[] = [
  {
    name: 'a 10,000-character search',
    path: `/?q=${'A'.repeat(10_000)}&v=1`,
    shows: 'results',
    notice: 'The search text was cut to 200 characters.',
  },
  {
    name: 'markup as the search text',
    path: `/?q=${encodeURIComponent('<script>alert(1)</script><img src=x onerror=alert(2)>')}&v=1`,
    shows: 'results',
  },
  {
    name: 'percent-encoding garbage in the search',
    path: '/?q=%E0%A4%A&list=%FF%FE&v=1',
    shows: 'results',
    notice: 'Unknown list value',
  },
  {
    name: 'unknown list and agency values beside a good one',
    path: '/?list=NOPE,EL&agency=mars&v=1',
    shows: 'results',
    notice: 'Unknown list value "NOPE" was ignored.',
  },
  {
    name: 'an oversized list value',
    path: `/?list=${'X'.repeat(5_000)}&v=1`,
    shows: 'results',
    notice: `Unknown list value "${'X'.repeat(40)}…" was ignored.`,
  },
  {
    name: 'an unknown parameter',
    path: '/?utm_source=newsletter&v=1',
    shows: 'results',
    notice: 'Unknown parameter "utm_source" was ignored.',
  },
  {
    name: 'an unknown link version',
    path: '/?q=Megvii&v=99',
    shows: 'results',
    notice: 'This link is version "99"; it was read as version 1.',
  },
  {
    name: 'an impossible date',
    path: '/?listed_from=2021-02-30&v=1',
    shows: 'results',
    notice: '"2021-02-30" is not a date (YYYY-MM-DD); listed_from was ignored.',
  },
  {
    name: 'a date that is not one',
    path: '/?listed_to=yesterday&v=1',
    shows: 'results',
    notice: '"yesterday" is not a date (YYYY-MM-DD); listed_to was ignored.',
  },
  {
    name: 'an unknown sort column',
    path: '/?sort=-password&v=1',
    shows: 'results',
    notice: 'Cannot sort by "-password"; the default order was used.',
  },
  {
    name: 'an unknown entity id',
    path: '/entity/el-does-not-exist',
    shows: { heading: 'No listing with this id' },
  },
  {
    name: 'percent-encoding garbage as an entity id',
    path: '/entity/%E0%A4%A',
    shows: NOT_FOUND,
  },
  {
    name: 'a 5,000-character entity id',
    path: `/entity/${'a'.repeat(5_000)}`,
    shows: NOT_FOUND,
  },
  { name: 'an unknown path', path: '/admin/../etc/passwd', shows: NOT_FOUND },
  { name: 'a day that does not exist', path: '/actions/2021-02-30', shows: NOT_FOUND },
  {
    name: 'garbage filters on the actions page',
    path: '/actions?list=ZZ&year=abcd',
    shows: { heading: 'Additions by date' },
  },
];

describe('hostile URLs, in Chromium, on the real lists', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    problems = watchPageProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Waits for the page the URL should give, and returns the notice text (empty when none). */
  async function openHostile(url: HostileUrl): Promise<string> {
    await page.goto(`${baseUrl}${url.path}`);
    if (url.shows === 'results') {
      await page
        .locator(`${FULL_TABLE_ROW}, .table-scroll .empty`)
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
    } else {
      await page
        .getByRole('heading', { level: 1, name: url.shows.heading })
        .waitFor({ state: 'visible', timeout: 60_000 });
    }
    const notices = page.locator('.notices');
    return (await notices.count()) > 0 ? ((await notices.textContent()) ?? '') : '';
  }

  it.each(HOSTILE_URLS)('gives a working page for $name', async (url) => {
    const errorsBefore = problems.errors.length;
    const notice = await openHostile(url);
    if (url.notice) expect(notice).toContain(url.notice);
    else expect(notice).toBe('');
    // A crash caught by the error boundary would still be a working page of the wrong kind.
    expect(await page.getByRole('heading', { name: 'Something went wrong' }).count()).toBe(0);
    expect(problems.errors.slice(errorsBefore)).toEqual([]);
  });

  it('keeps hostile search text as text in the box, with nothing injected', async () => {
    const text = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    await openHostile({
      name: 'markup',
      path: `/?q=${encodeURIComponent(text)}`,
      shows: 'results',
    });
    await expect
      .poll(() => page.getByLabel('Search names, aliases and identifiers').inputValue())
      .toBe(text);
    expect(await page.locator('main img, main script').count()).toBe(0);
  });

  it('links every not-found page back to a working explorer', async () => {
    await openHostile({ name: 'unknown', path: '/no/such/page', shows: NOT_FOUND });
    await page.getByRole('link', { name: 'Go to the explorer' }).click();
    await page.locator(FULL_TABLE_ROW).first().waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('raised no page error and no CSP violation on any of them', () => {
    expect(problems.errors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  });
});
