/**
 * `npm run bench`: builds the app and the data, measures them in Chromium against floors measured
 * in the same run, repeats at 10× the data, scores search quality, and writes BENCHMARKS.md and
 * bench/results/latest.json. Separate from `npm test`: timings never go in unit tests.
 *
 * Knobs (environment): SANCTIONS_SOURCES (default ../shared/data), BENCH_LOADS (cold loads, 7),
 * BENCH_SCALE (factor of the synthetic dataset, 10; 0 skips it), BENCH_SCALE_LOADS (2),
 * BENCH_QUERIES (type only the first N keystroke queries).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { launchChromium } from '../test/e2e/browser';
import { serveStatic } from '../test/e2e/static-server';
import { writeBenchPages } from './bench-pages';
import {
  measureApp,
  measureFetchParseFloor,
  measureFloors,
  settleBrowser,
  type AppRun,
  type FetchParseFloor,
} from './browser-run';
import { compressedSizes, measureNodeComponents } from './node-components';
import { measurePlainLoads } from './plain-load';
import { KEYSTROKE_QUERIES } from './queries';
import {
  computeFigures,
  renderMarkdown,
  withHandWrittenPart,
  type BenchResults,
  type Machine,
  type TransferSizes,
} from './report';
import { readListings, runSearchQuality } from './search-quality';
import { typedPrefixes } from './stats';
import { writeSyntheticData } from './synthetic';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, '.cache/bench-dist');
const DIST_SCALED = join(ROOT, '.cache/bench-dist-10x');
const RESULTS = join(ROOT, 'bench/results');
const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const SCALE = Number(process.env.BENCH_SCALE ?? 10);
const SCALE_LOADS = Number(process.env.BENCH_SCALE_LOADS ?? 2);
/** BENCH_QUERIES=N types only the first N queries (a quick smoke run; figures not comparable). */
const QUERIES = KEYSTROKE_QUERIES.slice(
  0,
  Number(process.env.BENCH_QUERIES ?? KEYSTROKE_QUERIES.length),
);
/** Typed as soon as "Search ready" shows, in fresh loads (`typedOnceReady`). */
const ONCE_READY_QUERY = 'Wagner';

const started = performance.now();
function log(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${seconds}s] ${message}`);
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function build(sources: string): Promise<void> {
  log('building the app (vite build --outDir .cache/bench-dist)…');
  run('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'error']);
  log(`building the data from ${sources}…`);
  run('npx', ['tsx', 'src/pipeline/cli.ts', '--from', sources, '--out', join(DIST, 'data')]);
  // Bench-only pages for the floors: never part of the app's build output in dist/.
  await writeBenchPages(DIST);
}

/** Sizes of exactly the files the page asked for, as a static host would serve them. */
function transferSizes(root: string, requests: readonly string[]): TransferSizes {
  const files = [...new Set(requests)].map((path) => {
    const candidate = normalize(join(root, path));
    const file =
      existsSync(candidate) && extname(candidate) !== '' ? candidate : join(root, 'index.html');
    return { path: file.slice(root.length + 1), ...compressedSizes(readFileSync(file)) };
  });
  const unique = [...new Map(files.map((file) => [file.path, file])).values()];
  const sum = (isData: boolean) =>
    unique
      .filter((file) => file.path.startsWith('data/') === isData)
      .reduce(
        (total, file) => ({
          raw: total.raw + file.raw,
          gzip: total.gzip + file.gzip,
          brotli: total.brotli + file.brotli,
        }),
        { raw: 0, gzip: 0, brotli: 0 },
      );
  return { code: sum(false), data: sum(true), files: unique };
}

function machine(chromium: string, loadAverageStart: number[]): Machine {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  return {
    cpu: model,
    cores: cpus().length,
    memoryGb: totalmem() / 2 ** 30,
    chromium,
    node: process.version,
    loadAverageStart,
    loadAverageEnd: loadavg(),
    date: new Date().toISOString(),
  };
}

async function main(): Promise<void> {
  const loadAverageStart = loadavg();
  const sources = resolve(ROOT, process.env.SANCTIONS_SOURCES ?? '../shared/data');
  if (!existsSync(sources))
    throw new Error(
      `No official lists at ${sources}: set SANCTIONS_SOURCES to the folder that holds them.`,
    );
  await build(sources);
  const prefixes = typedPrefixes(QUERIES);

  log('search quality: generating the evaluation set and running both engines in Node…');
  const listings = readListings(join(DIST, 'data'));
  const quality = runSearchQuality(listings);
  log(
    `  ours recall@10 ${(quality.ours.overall.at10 * 100).toFixed(1)}%, MiniSearch defaults ${(quality.minisearch.overall.at10 * 100).toFixed(1)}%`,
  );

  log(`timing the pieces in Node over ${prefixes.length} typed prefixes…`);
  const node = await measureNodeComponents(join(DIST, 'data'), prefixes);

  if (SCALE > 1) {
    log(`writing the ${SCALE}× synthetic dataset under .cache/bench-dist-10x…`);
    rmSync(DIST_SCALED, { recursive: true, force: true });
    cpSync(DIST, DIST_SCALED, {
      recursive: true,
      filter: (source) => !source.startsWith(join(DIST, 'data')),
    });
    const count = writeSyntheticData(join(DIST, 'data'), join(DIST_SCALED, 'data'), SCALE);
    log(`  ${count.toLocaleString('en-US')} synthetic listings`);
  }

  const browser = await launchChromium();
  const chromium = browser.version();
  const { waitedMs } = await settleBrowser(browser);
  log(`Chromium ${chromium}: idle after ${(waitedMs / 1000).toFixed(1)} s`);
  let app: AppRun;
  let results: BenchResults;
  let scaleError: string | null = null;
  try {
    const server = await serveStatic(DIST);
    try {
      log(
        `real data: ${LOADS} cold loads, each after a fetch + parse floor load, then interactions…`,
      );
      const fetchParse: FetchParseFloor[] = [];
      app = await measureApp(browser, server, {
        beforeEachLoad: async () => {
          fetchParse.push(await measureFetchParseFloor(browser, server));
        },
        loads: LOADS,
        queries: QUERIES,
        facetRounds: 2,
        // The p95 of 12 clicks is the slowest of them; of 36, the second slowest.
        chartRounds: 3,
        exportsVisible: 5,
        exportsAll: 3,
        loadTimeoutMs: 120_000,
        typedOnceReady: { query: ONCE_READY_QUERY, loads: 3 },
        log,
      });
      log('real data: search floors in the same browser…');
      const floors = await measureFloors(browser, server, fetchParse, prefixes);
      const bytes = transferSizes(DIST, app.loads[0]?.requests ?? []);
      log(
        `real data: ${LOADS} cold loads without DevTools (Chromium alone), each after a floor load…`,
      );
      // Like the scale run, a failure here is reported, not fatal to the rest.
      const plain = await measurePlainLoads(DIST, LOADS, log).catch((error: unknown) => {
        log(
          `  without DevTools: failed (${error instanceof Error ? error.message : String(error)})`,
        );
        return null;
      });
      results = {
        machine: machine(chromium, loadAverageStart),
        listings: listings.length,
        config: { loads: LOADS, queries: QUERIES.length, scale: SCALE, scaleLoads: SCALE_LOADS },
        app,
        floors,
        bytes,
        node,
        quality,
        plain,
        scale: null,
        durationSeconds: 0,
      };
    } finally {
      await server.close();
    }
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'real-only.json'), `${JSON.stringify(results, null, 1)}\n`);
    if (SCALE > 1) {
      const scaledServer = await serveStatic(DIST_SCALED);
      try {
        // The same queries as at 1×, so that each figure's growth compares like with like. (Until
        // session 15 the scale run typed every eighth query: its p95 was the 5th slowest of 91
        // keystrokes, 78 and 129 ms in two runs of the same app.)
        log(`${SCALE}× data: ${SCALE_LOADS} cold loads, ${QUERIES.length} queries…`);
        const scaledFetchParse: FetchParseFloor[] = [];
        const scaledApp = await measureApp(browser, scaledServer, {
          beforeEachLoad: async () => {
            scaledFetchParse.push(await measureFetchParseFloor(browser, scaledServer));
          },
          loads: SCALE_LOADS,
          queries: QUERIES,
          facetRounds: 1,
          chartRounds: 1,
          exportsVisible: 1,
          exportsAll: 0,
          loadTimeoutMs: 300_000,
          typedOnceReady: { query: ONCE_READY_QUERY, loads: 2 },
          log,
        });
        log(`${SCALE}× data: floors…`);
        const scaledFloors = await measureFloors(
          browser,
          scaledServer,
          scaledFetchParse,
          typedPrefixes(QUERIES),
        );
        results = {
          ...results,
          scale: {
            factor: SCALE,
            listings: scaledApp.rowCount,
            app: scaledApp,
            floors: scaledFloors,
            bytes: transferSizes(DIST_SCALED, scaledApp.loads[0]?.requests ?? []),
          },
        };
      } catch (error) {
        // The scale run failing (out of memory, time-out) is itself a finding: report the rest.
        log(`${SCALE}× run failed: ${error instanceof Error ? error.message : String(error)}`);
        scaleError = error instanceof Error ? error.message : String(error);
      } finally {
        await scaledServer.close();
      }
    }
  } finally {
    await browser.close();
  }

  results = {
    ...results,
    machine: machine(chromium, loadAverageStart),
    durationSeconds: (performance.now() - started) / 1000,
    scaleError,
  };
  mkdirSync(RESULTS, { recursive: true });
  const stamp = results.machine.date.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(results, null, 1)}\n`;
  writeFileSync(join(RESULTS, 'latest.json'), json);
  writeFileSync(join(RESULTS, `run-${stamp}.json`), json);
  const target = join(ROOT, 'BENCHMARKS.md');
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : null;
  const markdown = await format(withHandWrittenPart(renderMarkdown(results), previous), {
    ...(await resolveConfig(target)),
    parser: 'markdown',
  });
  writeFileSync(target, markdown);
  log('wrote BENCHMARKS.md and bench/results/latest.json');
  for (const figure of computeFigures(results)) {
    const verdict = figure.met === null ? '' : figure.met ? '  met' : '  MISSED';
    console.log(
      `  ${figure.label}: median ${figure.summary.median.toFixed(1)}, p95 ${figure.summary.p95.toFixed(1)} ${figure.unit}${figure.ratio === null ? '' : `, ${figure.ratio.toFixed(1)}× floor`}  [${figure.target}]${verdict}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
