/**
 * The browser half of the benchmark: cold loads, keystrokes, facet toggles and exports of the
 * production build in Chromium, measured in the page by `page/probe.js`; and the floors measured
 * in the same browser by `page/floors.js`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { StaticServer } from '../test/e2e/static-server';
import { summarize, type Summary } from './stats';

const PROBE = readFileSync(join(import.meta.dirname, 'page/probe.js'), 'utf8');
const VIEWPORT = { width: 1280, height: 900 };

export interface LoadRecord {
  readonly firstRowsCommit: number;
  readonly firstRowsFrame: number;
  /** The explorer's own table, every listing with filters and counts (the first rows before it
   * may be the first rows file's). */
  readonly fullTableCommit: number;
  readonly fullTableFrame: number;
  readonly searchReadyCommit: number;
  readonly searchReadyFrame: number;
  readonly marks: Readonly<Record<string, number>>;
  readonly mainScriptEnd: number | null;
  readonly domContentLoaded: number;
  readonly indexReadyAt: number | null;
  readonly indexWorkerMs: number | null;
  readonly docCount: number | null;
  readonly longTaskMs: number;
  readonly longTasks: readonly { start: number; duration: number }[];
  readonly heapUsedBytes: number;
  readonly heapTotalBytes: number;
  readonly workerHeapUsedBytes: number | null;
  readonly requests: readonly string[];
  readonly pageErrors: readonly string[];
}

export interface KeystrokeRecord {
  readonly key: string;
  /** The query the rows answered before the keystroke, and the query typed. */
  readonly queryBefore?: string | null;
  readonly expected: string;
  readonly start: number;
  readonly inputAt: number;
  readonly settled: number;
  readonly frame: number;
  readonly worker: {
    readonly postAt: number;
    readonly postMs: number;
    readonly workerMs: number | null;
    readonly arriveAt: number | null;
    readonly hits: number | null;
  } | null;
}

export interface FacetRecord {
  readonly label: string | null;
  readonly charts: boolean;
  readonly start: number;
  readonly settled: number;
  readonly frame: number;
  readonly quiet: number;
}

export interface ExportRecord {
  readonly label: string;
  readonly start: number;
  readonly done: number;
  readonly frame: number;
  readonly appMs: number | null;
  readonly scope: 'visible' | 'all';
}

export interface AppRun {
  readonly loads: readonly LoadRecord[];
  readonly keystrokes: readonly KeystrokeRecord[];
  /** Queries with a keystroke that did not settle within 60 s (left out of the figures). */
  readonly keystrokeTimeouts: readonly string[];
  readonly facets: readonly FacetRecord[];
  readonly exports: readonly ExportRecord[];
  readonly rowCount: number;
  /** Keystrokes typed as soon as "Search ready" showed, one array per fresh load
   * (`AppRunOptions.typedOnceReady`); absent from runs before it was measured. */
  readonly onceReady?: readonly (readonly KeystrokeRecord[])[];
}

/** One fetch + `JSON.parse` of the data files, in a fresh context (`measureFetchParseFloor`). */
export interface FetchParseFloor {
  readonly fetchMs: number;
  readonly parseMs: number;
  readonly totalMs: number;
}

export interface FloorRun {
  readonly fetchParse: readonly FetchParseFloor[];
  readonly parsedDataHeapBytes: number;
  readonly names: number;
  readonly miniSearchBuildMs: number;
  readonly miniSearchQueryMs: Summary;
  readonly scanQueryMs: Summary;
}

export interface AppRunOptions {
  readonly loads: number;
  readonly queries: readonly string[];
  /** Rounds of 12 facet clicks with the charts hidden, then with them shown. */
  readonly facetRounds: number;
  readonly chartRounds: number;
  readonly exportsVisible: number;
  readonly exportsAll: number;
  readonly loadTimeoutMs: number;
  readonly log: (message: string) => void;
  /** Run before each cold load: the floor's own load, so that the two alternate and a phase of
   * the shared machine's speed weighs on both alike. */
  readonly beforeEachLoad?: () => Promise<void>;
  /** A query typed as soon as "Search ready" shows, in `loads` more fresh loads: what a reader
   * who starts typing at once meets, while the worker may still be busy after "ready" (the
   * other keystrokes are typed after the heap is weighed, seconds later). */
  readonly typedOnceReady?: { readonly query: string; readonly loads: number };
}

/**
 * Opens a first page and waits until the browser's processes are idle. Chromium loads its own
 * interface (the "WebUI Top Renderer": the omnibox popup) when the first page opens: in a trace,
 * ~2.7 s of a core in the first 3 s, on this 2-core machine, under the first floor and cold load.
 * It does so once per browser, so only those two loads paid for it.
 */
export async function settleBrowser(browser: Browser): Promise<{ waitedMs: number }> {
  const started = performance.now();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('about:blank');
  const cdp = await browser.newBrowserCDPSession();
  const cpuSeconds = async () => {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { cpuTime: number }[];
    };
    return processInfo.reduce((sum, process) => sum + process.cpuTime, 0);
  };
  let last = await cpuSeconds();
  let quietPolls = 0;
  // Quiet: under 50 ms of CPU in each of two half-seconds running; at most 20 s.
  while (quietPolls < 2 && performance.now() - started < 20_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await cpuSeconds();
    quietPolls = now - last < 0.05 ? quietPolls + 1 : 0;
    last = now;
  }
  await cdp.detach();
  await context.close();
  return { waitedMs: performance.now() - started };
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
}

/** Heap of the page's main thread after a full collection (CDP Performance metrics). */
async function mainHeap(cdp: CDPSession): Promise<{ used: number; total: number }> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? NaN;
  return { used: value('JSHeapUsedSize'), total: value('JSHeapTotalSize') };
}

/** Heap of the search worker: a second isolate, reached through CDP's target messages. */
async function workerHeap(cdp: CDPSession): Promise<number | null> {
  const sessionIds: string[] = [];
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') sessionIds.push(event.sessionId);
  });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const sessionId = sessionIds[0];
  if (sessionId === undefined) return null;
  const call = (id: number, method: string) =>
    new Promise<Record<string, unknown> | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 20_000);
      const listener = (event: { sessionId?: string; message: string }) => {
        const message = JSON.parse(event.message) as {
          id?: number;
          result?: Record<string, unknown>;
        };
        if (message.id !== id) return;
        clearTimeout(timer);
        cdp.off('Target.receivedMessageFromTarget', listener);
        resolve(message.result ?? null);
      };
      cdp.on('Target.receivedMessageFromTarget', listener);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method }),
      });
    });
  await call(9001, 'HeapProfiler.enable');
  await call(9002, 'HeapProfiler.collectGarbage');
  const usage = await call(9003, 'Runtime.getHeapUsage');
  return typeof usage?.['usedSize'] === 'number' ? usage['usedSize'] : null;
}

interface RawLoad {
  firstRowsCommit: number;
  firstRowsFrame: number;
  fullTableCommit: number;
  fullTableFrame: number;
  searchReadyCommit: number;
  searchReadyFrame: number;
  marks: Record<string, number>;
  mainScriptEnd: number | null;
  domContentLoaded: number;
  posts: { at: number; postMs: number; type: string; chars?: number }[];
  messages: { at: number; type: string; millis?: number; docCount?: number }[];
  longTasks: { start: number; duration: number }[];
}

/** How long a load waits for the page's own search index before weighing the heap without it. */
const PAGE_INDEX_WAIT_MS = 15_000;

const READ_LOAD = `(() => {
  const bench = window.__bench;
  const navigation = performance.getEntriesByType('navigation')[0];
  const main = performance.getEntriesByType('resource').find((entry) => /\\/assets\\/index-[^/]*\\.js$/.test(entry.name));
  return {
    firstRowsCommit: bench.firstRowsCommit,
    firstRowsFrame: bench.firstRowsFrame,
    fullTableCommit: bench.fullTableCommit,
    fullTableFrame: bench.fullTableFrame,
    searchReadyCommit: bench.searchReadyCommit,
    searchReadyFrame: bench.searchReadyFrame,
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime])),
    mainScriptEnd: main ? main.responseEnd : null,
    domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : NaN,
    posts: bench.worker.posts,
    messages: bench.worker.messages,
    longTasks: bench.longTasks,
  };
})()`;

export async function coldLoad(
  browser: Browser,
  server: StaticServer,
  timeoutMs: number,
): Promise<{ record: LoadRecord; page: Page; context: BrowserContext }> {
  const context = await newContext(browser);
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const cdp = await context.newCDPSession(page);
  const firstRequest = server.requests.length;
  await page.goto(`${server.url}/`);
  await page.evaluate(`window.__bench.waitLoaded(${timeoutMs})`);
  // What the page asked for until it was usable; the wait below gives the service worker time
  // to precache the rest (the Excel writer, …), which is not "loaded at start".
  const requests = server.requests.slice(firstRequest);
  // The heap is weighed once the page's own search index is built too (a few seconds after
  // "Search ready"); above its size limit (the 10× run) the page builds none.
  await page
    .waitForFunction(
      () => performance.getEntriesByName('search:page-index').length > 0,
      undefined,
      { timeout: PAGE_INDEX_WAIT_MS },
    )
    .catch(() => undefined);
  const raw = (await page.evaluate(READ_LOAD)) as RawLoad;
  const heap = await mainHeap(cdp);
  const workerHeapUsedBytes = await workerHeap(cdp).catch(() => null);
  await cdp.detach();
  const ready = raw.messages.find((entry) => entry.type === 'ready');
  return {
    page,
    context,
    record: {
      firstRowsCommit: raw.firstRowsCommit,
      firstRowsFrame: raw.firstRowsFrame,
      fullTableCommit: raw.fullTableCommit,
      fullTableFrame: raw.fullTableFrame,
      searchReadyCommit: raw.searchReadyCommit,
      searchReadyFrame: raw.searchReadyFrame,
      marks: raw.marks,
      mainScriptEnd: raw.mainScriptEnd,
      domContentLoaded: raw.domContentLoaded,
      indexReadyAt: ready?.at ?? null,
      indexWorkerMs: ready?.millis ?? null,
      docCount: ready?.docCount ?? null,
      longTaskMs: raw.longTasks.reduce((sum, task) => sum + task.duration, 0),
      longTasks: raw.longTasks,
      heapUsedBytes: heap.used,
      heapTotalBytes: heap.total,
      workerHeapUsedBytes,
      requests,
      pageErrors,
    },
  };
}

const waitSettledOn = (page: Page, query: string) =>
  page.evaluate(`window.__bench.waitSettled(${JSON.stringify(query)})`);

async function typeQueries(
  page: Page,
  queries: readonly string[],
  log: (message: string) => void,
): Promise<{ records: KeystrokeRecord[]; timeouts: string[] }> {
  const box = page.getByLabel('Search names, aliases and identifiers');
  let count = 0;
  const timeouts: string[] = [];
  for (const [index, query] of queries.entries()) {
    await box.fill('');
    await waitSettledOn(page, '');
    await box.focus();
    for (const character of query) {
      await page.keyboard.type(character);
      count += 1;
      try {
        await page.evaluate(`window.__bench.waitFor('keystrokes', ${count})`);
      } catch {
        // Not settled within 60 s: counted as a time-out, and typing goes on.
        log(`  keystroke "${character}" of "${query}" did not settle within 60 s`);
        timeouts.push(query);
        count = (await page.evaluate('window.__bench.records.keystrokes.length')) as number;
      }
    }
    if (index % 10 === 9)
      log(`  typed ${index + 1}/${queries.length} queries (${count} keystrokes)`);
  }
  await box.fill('');
  await waitSettledOn(page, '');
  return {
    records: (await page.evaluate('window.__bench.records.keystrokes')) as KeystrokeRecord[],
    timeouts,
  };
}

const FACET_GROUPS = ['Agency', 'List', 'Country', 'Entity type', 'Rationale', 'Sector'];

async function toggleFacets(page: Page, rounds: number, withCharts: boolean): Promise<number> {
  let count = ((await page.evaluate('window.__bench.records.facets.length')) as number) ?? 0;
  const toggle = page.locator('.charts-toggle');
  if (withCharts) {
    await toggle.click();
    await page.locator('section.charts').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const group of FACET_GROUPS) {
      const box = page
        .getByRole('group', { name: group, exact: true })
        .locator('li input[type=checkbox]')
        .nth(round % 2);
      for (let click = 0; click < 2; click += 1) {
        await box.click();
        count += 1;
        await page.evaluate(`window.__bench.waitFor('facets', ${count})`);
      }
    }
  }
  if (withCharts) {
    await toggle.click();
    await page.waitForTimeout(300);
  }
  return count;
}

async function exportCsv(
  page: Page,
  scope: 'visible' | 'all',
  times: number,
  timeoutMs: number,
): Promise<ExportRecord[]> {
  const selects = page.locator('.export-menu select');
  await selects.nth(0).selectOption('csv');
  await selects.nth(1).selectOption(scope);
  const out: ExportRecord[] = [];
  for (let index = 0; index < times; index += 1) {
    const count = ((await page.evaluate('window.__bench.records.exports.length')) as number) + 1;
    await page.locator('.export-menu button').click();
    const record = (await page.evaluate(
      `window.__bench.waitFor('exports', ${count}, ${timeoutMs})`,
    )) as Omit<ExportRecord, 'scope'>;
    out.push({ ...record, scope });
    await page.waitForTimeout(200);
  }
  return out;
}

async function announcedCount(page: Page): Promise<number> {
  const text = (await page.locator('.result-count strong').textContent()) ?? '';
  return Number(/([\d,]+) listing/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}

export async function measureApp(
  browser: Browser,
  server: StaticServer,
  options: AppRunOptions,
): Promise<AppRun> {
  const loads: LoadRecord[] = [];
  let last: { page: Page; context: BrowserContext } | null = null;
  for (let index = 0; index < options.loads; index += 1) {
    await options.beforeEachLoad?.();
    const { record, page, context } = await coldLoad(browser, server, options.loadTimeoutMs);
    loads.push(record);
    options.log(
      `  cold load ${index + 1}/${options.loads}: rows at ${Math.round(record.firstRowsFrame)} ms, full table at ${Math.round(record.fullTableFrame)} ms, search ready at ${Math.round(record.searchReadyFrame)} ms, heap ${Math.round(record.heapUsedBytes / 2 ** 20)} MB`,
    );
    if (index < options.loads - 1) await context.close();
    else last = { page, context };
  }
  if (last === null) throw new Error('no load');
  const { page, context } = last;
  page.on('download', (download) => void download.delete().catch(() => undefined));
  const rowCount = await announcedCount(page);
  options.log(`  typing ${options.queries.length} queries character by character…`);
  const typed = await typeQueries(page, options.queries, options.log);
  const keystrokes = typed.records;
  options.log(
    `  toggling facets (${options.facetRounds} rounds, then ${options.chartRounds} with charts shown)…`,
  );
  await toggleFacets(page, options.facetRounds, false);
  await toggleFacets(page, options.chartRounds, true);
  const facets = (await page.evaluate('window.__bench.records.facets')) as FacetRecord[];
  options.log('  exporting every row to CSV…');
  const exports = [
    ...(await exportCsv(page, 'visible', options.exportsVisible, options.loadTimeoutMs)),
    ...(await exportCsv(page, 'all', options.exportsAll, options.loadTimeoutMs)),
  ];
  await context.close();
  const onceReady: KeystrokeRecord[][] = [];
  const atOnce = options.typedOnceReady;
  for (let index = 0; atOnce !== undefined && index < atOnce.loads; index += 1) {
    options.log(`  typing "${atOnce.query}" as soon as "Search ready" shows (${index + 1})…`);
    onceReady.push(await typeOnceReady(browser, server, atOnce.query, options.loadTimeoutMs));
  }
  return {
    loads,
    keystrokes,
    keystrokeTimeouts: typed.timeouts,
    facets,
    exports,
    rowCount,
    onceReady,
  };
}

/** `query` typed in a fresh load as soon as the first rows and "Search ready" are painted. */
async function typeOnceReady(
  browser: Browser,
  server: StaticServer,
  query: string,
  timeoutMs: number,
): Promise<KeystrokeRecord[]> {
  const context = await newContext(browser);
  try {
    await context.addInitScript({ content: PROBE });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(`window.__bench.waitLoaded(${timeoutMs})`);
    const box = page.getByLabel('Search names, aliases and identifiers');
    await box.focus();
    for (const [index, character] of [...query].entries()) {
      await page.keyboard.type(character);
      await page.evaluate(`window.__bench.waitFor('keystrokes', ${index + 1})`);
    }
    return (await page.evaluate('window.__bench.records.keystrokes')) as KeystrokeRecord[];
  } finally {
    await context.close();
  }
}

/** A page of `bench/page/floors.js`, once its module has loaded. */
async function openFloorsPage(context: BrowserContext, server: StaticServer): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/__bench/floors.html`);
  await page.waitForFunction(
    () => 'undefined' !== typeof (window as { __benchFloors?: unknown }).__benchFloors,
  );
  return page;
}

/** Fetches and parses the data files in `page`, which then holds the parsed data. */
async function fetchParseIn(page: Page): Promise<FetchParseFloor> {
  const { fetchMs, parseMs, totalMs } = (await page.evaluate(
    `window.__benchFloors.fetchParse('/data/')`,
  )) as FetchParseFloor;
  return { fetchMs, parseMs, totalMs };
}

/** The fetch + parse floor once, in a fresh context (empty cache), as the app's cold loads are. */
export async function measureFetchParseFloor(
  browser: Browser,
  server: StaticServer,
): Promise<FetchParseFloor> {
  const context = await newContext(browser);
  try {
    return await fetchParseIn(await openFloorsPage(context, server));
  } finally {
    await context.close();
  }
}

/**
 * The other floors, in one more context: the heap holding only the parsed data, then MiniSearch
 * with its defaults and a linear scan over every prefix. `fetchParse` are the fetch + parse floors
 * measured alongside the app's cold loads (`AppRunOptions.beforeEachLoad`).
 */
export async function measureFloors(
  browser: Browser,
  server: StaticServer,
  fetchParse: readonly FetchParseFloor[],
  prefixes: readonly string[],
): Promise<FloorRun> {
  if (fetchParse.length === 0) throw new Error('no fetch + parse floor was measured');
  interface SearchFloorRaw {
    names: number;
    buildMs: number;
    miniSearchQueries: { ms: number }[];
    scanQueries: { ms: number }[];
  }
  const context = await newContext(browser);
  let parsedDataHeapBytes: number;
  let search: SearchFloorRaw;
  try {
    const page = await openFloorsPage(context, server);
    await fetchParseIn(page);
    const cdp = await context.newCDPSession(page);
    parsedDataHeapBytes = (await mainHeap(cdp)).used;
    await cdp.detach();
    search = (await page.evaluate(
      `window.__benchFloors.searchFloors('/data/', ${JSON.stringify(prefixes)})`,
    )) as SearchFloorRaw;
  } finally {
    await context.close();
  }
  return {
    fetchParse,
    parsedDataHeapBytes,
    names: search.names,
    miniSearchBuildMs: search.buildMs,
    miniSearchQueryMs: summarize(search.miniSearchQueries.map((query) => query.ms)),
    scanQueryMs: summarize(search.scanQueries.map((query) => query.ms)),
  };
}
