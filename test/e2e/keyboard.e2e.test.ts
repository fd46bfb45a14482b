import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { announcedCount, openExplorer, waitForSettled } from './helpers';

/**
 * The seed story by keyboard alone: no click, no `fill`. Tab to the search box, type, Tab to a
 * facet and tick it with Space, Tab into the table, open an entity with Enter, come back by the
 * "Back to the results" link and find the same view. Every stop must show where the focus is.
 */
interface FocusState {
  readonly tag: string;
  readonly type: string | null;
  readonly className: string;
  readonly label: string;
  /** Computed outline of the focused element: the visible focus indicator. */
  readonly outlineStyle: string;
  readonly outlineWidth: number;
}

async function readFocus(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const style = element ? getComputedStyle(element) : null;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      type: element?.getAttribute('type') ?? null,
      className: element?.className ?? '',
      label:
        element?.getAttribute('aria-label') ??
        element?.closest('label')?.textContent ??
        element?.textContent ??
        '',
      outlineStyle: style?.outlineStyle ?? 'none',
      outlineWidth: parseFloat(style?.outlineWidth ?? '0'),
    };
  });
}

/** Presses Tab until the focused element matches, and returns it; fails after `limit` presses. */
async function tabUntil(
  page: Page,
  isTarget: (focus: FocusState) => boolean,
  limit = 200,
): Promise<FocusState> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const focus = await readFocus(page);
    if (isTarget(focus)) return focus;
  }
  throw new Error(`nothing matching after ${limit} presses of Tab`);
}

function expectVisibleFocus(focus: FocusState): void {
  expect(focus.outlineStyle).not.toBe('none');
  expect(focus.outlineWidth).toBeGreaterThanOrEqual(2);
}

describe('the seed story by keyboard alone, in Chromium', () => {
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

  it('reaches the search box by Tab, with a visible focus, and searches by typing', async () => {
    const focus = await tabUntil(page, (state) => state.tag === 'input' && state.type === 'search');
    expectVisibleFocus(focus);
    await page.keyboard.type('Megvii', { delay: 15 });
    await waitForSettled(page, 'Megvii');
    // Written to the address once typing pauses (src/ui/router.ts).
    await page.waitForURL(/q=Megvii/, { timeout: 5_000 });
    expect(await announcedCount(page)).toBeGreaterThanOrEqual(2);
  });

  it('ticks a facet checkbox with Space', async () => {
    const focus = await tabUntil(
      page,
      (state) => state.type === 'checkbox' && state.label.startsWith('EL · Entity List'),
    );
    expectVisibleFocus(focus);
    await page.keyboard.press('Space');
    await expect.poll(() => page.url()).toContain('list=EL');
    await waitForSettled(page, 'Megvii');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(
      true,
    );
  });

  it('tabs into the table, opens an entity with Enter, and comes back by keyboard to the same view', async () => {
    const before = page.url();
    const countBefore = await announcedCount(page);
    const focus = await tabUntil(page, (state) => state.className.includes('entity-link'));
    expectVisibleFocus(focus);
    const name = focus.label;
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('/entity/');
    await expect.poll(() => page.locator('h1').textContent()).toBe(name);

    // Alt+Left is the browser's own shortcut, which headless Chromium does not act on; the
    // page's "Back to the results" link is the in-page way back, reached by keyboard.
    const back = await tabUntilBack(page);
    expectVisibleFocus(back);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(before);
    await waitForSettled(page, 'Megvii');
    expect(await announcedCount(page)).toBe(countBefore);
    expect(
      await page
        .getByRole('group', { name: 'List' })
        .getByLabel(/^EL · Entity List/)
        .isChecked(),
    ).toBe(true);
    expect(await page.getByLabel('Search names, aliases and identifiers').inputValue()).toBe(
      'Megvii',
    );
  });

  it('raised no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});

/** From the entity page's focused heading, Shift+Tab back to "Back to the results". */
async function tabUntilBack(page: Page): Promise<FocusState> {
  for (let presses = 0; presses < 10; presses += 1) {
    await page.keyboard.press('Shift+Tab');
    const focus = await readFocus(page);
    if (focus.label.includes('Back to the results')) return focus;
  }
  throw new Error('"Back to the results" is not reachable by keyboard');
}
