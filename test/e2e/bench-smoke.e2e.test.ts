import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { writeBenchPages } from '../../bench/bench-pages';
import {
  measureApp,
  measureFetchParseFloor,
  measureFloors,
  type FacetRecord,
} from '../../bench/browser-run';
import { measurePlainLoads } from '../../bench/plain-load';
import { launchChromium } from './browser';
import { serveStatic, type StaticServer } from './static-server';

/**
 * `npm run bench` is not part of `npm test` (it takes ~13 minutes), so the app could change under
 * it unnoticed: a renamed class, a new attribute, a page that no longer reports. This drives every
 * part of it once, on the e2e build of the real lists, and checks that each part measured what it
 * says, not how fast.
 */
const BUILD = resolve(import.meta.dirname, '../../.cache/e2e-dist');
const QUERIES = ['Gazprom', 'megvi'];

/** A time on a page's clock: a finite, positive number of milliseconds. */
const isTime = (value: number) => Number.isFinite(value) && value > 0;

describe('the benchmark, once over', () => {
  let dist: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    // A copy of the build, so that the bench's own files stay out of the one the other tests use.
    dist = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
    cpSync(BUILD, dist, { recursive: true });
    await writeBenchPages(dist);
    server = await serveStatic(dist);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('measures a cold load, every keystroke, facet clicks with the charts hidden and shown, and an export', async () => {
    const run = await measureApp(browser, server, {
      loads: 1,
      queries: QUERIES,
      facetRounds: 1,
      chartRounds: 1,
      exportsVisible: 1,
      exportsAll: 0,
      loadTimeoutMs: 60_000,
      log: () => undefined,
    });
    const [load] = run.loads;
    expect(load?.pageErrors).toEqual([]);
    expect(isTime(load?.firstRowsFrame ?? NaN)).toBe(true);
    expect(isTime(load!.fullTableFrame)).toBe(true);
    expect(load!.fullTableFrame).toBeGreaterThanOrEqual(load!.firstRowsFrame);
    // Search is ready from search.bin alone, once the worker has said so: before the rows, or
    // after them.
    expect(isTime(load!.searchReadyFrame)).toBe(true);
    expect(load!.searchReadyFrame).toBeGreaterThanOrEqual(load!.marks['search:early-ready']!);
    expect(load!.indexReadyAt).toBeLessThanOrEqual(load!.searchReadyFrame);
    expect(load!.requests).toContain('/data/listings.json');
    expect(load!.requests).toContain('/data/search.bin');
    expect(run.rowCount).toBeGreaterThan(10_000);

    expect(run.keystrokeTimeouts).toEqual([]);
    // Every character typed is one record, answering the query typed so far.
    expect(run.keystrokes.map((k) => k.expected)).toEqual(
      QUERIES.flatMap((query) => [...query].map((_, index) => query.slice(0, index + 1))),
    );
    for (const keystroke of run.keystrokes)
      expect(keystroke.settled).toBeGreaterThan(keystroke.start);

    // Six groups, two clicks each (on, then off), once with the charts hidden and once shown.
    const clicks = (charts: boolean) =>
      run.facets.filter((facet: FacetRecord) => facet.charts === charts);
    expect(clicks(false)).toHaveLength(12);
    expect(clicks(true)).toHaveLength(12);
    for (const facet of run.facets) {
      expect(facet.settled).toBeGreaterThan(facet.start);
      expect(facet.quiet).toBeGreaterThanOrEqual(facet.settled);
    }

    expect(run.exports).toHaveLength(1);
    expect(run.exports[0]!.done).toBeGreaterThan(run.exports[0]!.start);
  }, 240_000);

  it('measures the floors: fetch + parse, MiniSearch with its defaults, a linear scan', async () => {
    const fetchParse = [await measureFetchParseFloor(browser, server)];
    const floors = await measureFloors(browser, server, fetchParse, ['ga', 'gaz', 'gazp']);
    expect(isTime(fetchParse[0]!.totalMs)).toBe(true);
    expect(floors.names).toBeGreaterThan(10_000);
    expect(isTime(floors.miniSearchBuildMs)).toBe(true);
    expect(floors.scanQueryMs.n).toBeGreaterThan(0);
  }, 120_000);

  it('launches Chromium alone for the floor, the search floor and the app', async () => {
    const run = await measurePlainLoads(dist, 1, () => undefined);
    expect(isTime(run.floors[0]!.totalMs)).toBe(true);
    const [searchFloor] = run.searchFloors;
    expect(isTime(searchFloor!.fetchedMs)).toBe(true);
    expect(searchFloor!.readyMs).toBeGreaterThan(searchFloor!.fetchedMs);
    expect(isTime(run.loads[0]!.firstRowsFrame)).toBe(true);
    expect(isTime(run.loads[0]!.fullTableFrame)).toBe(true);
    expect(run.loads[0]!.fullTableFrame).toBeGreaterThanOrEqual(run.loads[0]!.firstRowsFrame);
    expect(isTime(run.loads[0]!.searchReadyFrame)).toBe(true);
    expect(run.loads[0]!.searchReadyFrame).toBeGreaterThanOrEqual(
      run.loads[0]!.marks['search:early-ready']!,
    );
  }, 120_000);
});
