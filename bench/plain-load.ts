/**
 * Cold loads in Chromium with no DevTools client attached: the same binary and flags, launched on
 * its own (a fresh process and profile per load), the page reporting its own figures by POST.
 *
 * Why: Playwright drives Chromium over the DevTools protocol, and the domains it enables cost the
 * page. Fetching the 18 MB listings file took 1.0–1.1 s in a Playwright page and 0.36–0.40 s in
 * Chromium alone, on this machine (session 16); a trace put ~0.7 s of it on the renderer's main
 * thread. The page's own load pays the same, so these loads show what a reader's browser does.
 *
 * Each launch opens `driver.html`, which waits `SETTLE_MS` (Chromium loads its own interface with
 * its first page: ~2.5 s of CPU here), then asks for its target and goes there: the floor page
 * (`floors.js`'s fetch + parse), the search floor page (`search-floor-worker.ts`, with the
 * listings downloading) or the app, into which the server writes `probe.js` and a reporter as the
 * first scripts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LISTINGS_PATH } from '../src/domain/data-files';
import { CONTENT_SECURITY_POLICY } from '../vite.config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/browser';
import { serveStatic } from '../test/e2e/static-server';

const SETTLE_MS = 5000;
const LOAD_TIMEOUT_MS = 120_000;
const PROBE = readFileSync(join(import.meta.dirname, 'page/probe.js'), 'utf8');

export interface PlainLoad {
  readonly firstRowsFrame: number;
  /** The explorer's own table painted (the first rows may be the first rows file's). */
  readonly fullTableFrame: number;
  readonly searchReadyFrame: number;
  readonly marks: Readonly<Record<string, number>>;
  /** When the app's main script had downloaded (resource timing), or null. */
  readonly mainScriptEnd: number | null;
}

export interface PlainFloor {
  readonly fetchMs: number;
  readonly parseMs: number;
  readonly totalMs: number;
}

/** The floor of "Search ready": a blank page's worker fetches, reads and indexes the search file
 * while the page downloads the listings. Times from the page's navigation. */
export interface PlainSearchFloor {
  readonly fetchedMs: number;
  readonly readyMs: number;
}

export interface PlainRun {
  readonly loads: readonly PlainLoad[];
  /** A floor load before each app load, in its own launch too. */
  readonly floors: readonly PlainFloor[];
  /** A search floor load before each app load, in its own launch too. */
  readonly searchFloors: readonly PlainSearchFloor[];
  readonly settleMs: number;
}

/** Posts the page's result and goes wherever the answer says (nowhere when it is empty). */
const REPORT = `async function report(result) {
  const response = await fetch('/__plain/report', { method: 'POST', body: JSON.stringify(result) });
  const next = await response.text();
  if (next !== '') location.href = next;
}`;

const PAGES: Readonly<Record<string, { type: string; body: string }>> = {
  '/__plain/probe.js': { type: 'text/javascript', body: PROBE },
  '/__plain/app.js': {
    type: 'text/javascript',
    body: `${REPORT}
window.__bench.waitLoaded(${LOAD_TIMEOUT_MS}).then(() => setTimeout(() => {
  const bench = window.__bench;
  report({
    kind: 'app',
    firstRowsFrame: bench.firstRowsFrame,
    fullTableFrame: bench.fullTableFrame,
    searchReadyFrame: bench.searchReadyFrame,
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime])),
    mainScriptEnd: performance.getEntriesByType('resource').find((entry) => /\\/assets\\/index-[^/]*\\.js$/.test(entry.name))?.responseEnd ?? null,
  });
}, 100));`,
  },
  '/__plain/floor.html': {
    type: 'text/html',
    body: '<!doctype html><meta charset="utf-8"><title>floor</title><script type="module" src="/__plain/floor.js"></script>',
  },
  '/__plain/floor.js': {
    type: 'text/javascript',
    body: `import '/__bench/floors.js';
${REPORT}
report({ kind: 'floor', ...(await window.__benchFloors.fetchParse('/data/')) });`,
  },
  '/__plain/search-floor.html': {
    type: 'text/html',
    body: '<!doctype html><meta charset="utf-8"><title>search floor</title><script src="/__plain/search-floor.js"></script>',
  },
  '/__plain/search-floor.js': {
    type: 'text/javascript',
    body: `${REPORT}
// The listings download as the app's first script asks for them (public/early-data.js): the
// search file shares the loopback server and the cores with them, as in the app.
const listings = new XMLHttpRequest();
listings.open('GET', '/data/${LISTINGS_PATH}');
listings.responseType = 'blob';
listings.setRequestHeader('Cache-Control', 'max-age=0');
listings.send();
const worker = new Worker('/__bench/search-floor-worker.js', { type: 'module' });
const sinceNavigation = (time) => time - performance.timeOrigin;
worker.onmessage = (event) => report({
  kind: 'search-floor',
  fetchedMs: sinceNavigation(event.data.fetched),
  readyMs: sinceNavigation(event.data.ready),
});
worker.onerror = (event) => report({ kind: 'search-floor', error: String(event.message) });`,
  },
  '/__plain/driver.html': {
    type: 'text/html',
    body: '<!doctype html><meta charset="utf-8"><title>driver</title><script src="/__plain/driver.js"></script>',
  },
  '/__plain/driver.js': {
    type: 'text/javascript',
    body: `${REPORT}\nsetTimeout(() => report({ kind: 'start' }), ${SETTLE_MS});`,
  },
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolveBody(body));
    request.on('error', reject);
  });
}

/**
 * `loads` rounds of launches on the production build in `dist` (which holds `__bench/floors.js`
 * and `__bench/search-floor-worker.js`): a floor load, a search floor load, then an app load.
 */
export async function measurePlainLoads(
  dist: string,
  loads: number,
  log: (line: string) => void,
): Promise<PlainRun> {
  const root = resolve(dist);
  const indexHtml = readFileSync(join(root, 'index.html'), 'utf8').replace(
    '<head>',
    '<head><script src="/__plain/probe.js"></script><script src="/__plain/app.js"></script>',
  );
  let target = '';
  let settle: ((result: Record<string, unknown>) => void) | null = null;
  // The build as `serveStatic` serves it, but for the reports, the pages above and the app's
  // index.html with them written in.
  const server = await serveStatic(root, {
    intercept: (request, response, path) => {
      const headers = { 'content-security-policy': CONTENT_SECURITY_POLICY };
      if (request.method === 'POST' && path === '/__plain/report') {
        void readBody(request)
          .then((body) => {
            const result = JSON.parse(body) as Record<string, unknown>;
            response.end(result.kind === 'start' ? target : '');
            if (result.kind !== 'start') settle?.(result);
          })
          .catch((error: unknown) => {
            response.statusCode = 400;
            response.end(String(error));
          });
        return true;
      }
      const page =
        path === '/' || path === '/index.html'
          ? { type: 'text/html', body: indexHtml }
          : PAGES[path];
      if (page === undefined) return false;
      response.writeHead(200, { ...headers, 'content-type': `${page.type}; charset=utf-8` });
      response.end(page.body);
      return true;
    },
  });
  const { url } = server;

  /** One launch of Chromium, on `path` after the driver's wait; its page's result. */
  const launch = async (path: string): Promise<Record<string, unknown>> => {
    target = path;
    const profile = mkdtempSync(join(tmpdir(), 'sanctions-plain-'));
    const child = spawn(
      CHROMIUM_PATH,
      [
        ...CHROMIUM_ARGS,
        '--window-size=1280,900',
        `--user-data-dir=${profile}`,
        `${url}/__plain/driver.html`,
      ],
      { stdio: 'ignore', detached: true },
    );
    try {
      return await new Promise<Record<string, unknown>>((resolveResult, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no result from ${path} in ${LOAD_TIMEOUT_MS / 1000} s`)),
          SETTLE_MS + LOAD_TIMEOUT_MS,
        );
        child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) on ${path}`)));
        settle = (result) => {
          clearTimeout(timer);
          resolveResult(result);
        };
      });
    } finally {
      settle = null;
      child.removeAllListeners('exit');
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await new Promise((gone) => setTimeout(gone, 300));
      rmSync(profile, { recursive: true, force: true });
    }
  };

  const floors: PlainFloor[] = [];
  const searchFloors: PlainSearchFloor[] = [];
  const appLoads: PlainLoad[] = [];
  try {
    for (let index = 0; index < loads; index += 1) {
      const floor = await launch('/__plain/floor.html');
      floors.push({
        fetchMs: Number(floor.fetchMs),
        parseMs: Number(floor.parseMs),
        totalMs: Number(floor.totalMs),
      });
      const searchFloor = await launch('/__plain/search-floor.html');
      if (typeof searchFloor.readyMs !== 'number')
        throw new Error(`the search floor page failed: ${String(searchFloor.error)}`);
      searchFloors.push({ fetchedMs: Number(searchFloor.fetchedMs), readyMs: searchFloor.readyMs });
      const app = await launch('/');
      const load: PlainLoad = {
        firstRowsFrame: Number(app.firstRowsFrame),
        fullTableFrame: Number(app.fullTableFrame),
        searchReadyFrame: Number(app.searchReadyFrame),
        marks: app.marks as Record<string, number>,
        mainScriptEnd: typeof app.mainScriptEnd === 'number' ? app.mainScriptEnd : null,
      };
      appLoads.push(load);
      log(
        `  without DevTools ${index + 1}/${loads}: floor ${Math.round(floors.at(-1)?.totalMs ?? NaN)} ms, search floor ${Math.round(searchFloor.readyMs)} ms, rows at ${Math.round(load.firstRowsFrame)} ms, full table at ${Math.round(load.fullTableFrame)} ms, search ready at ${Math.round(load.searchReadyFrame)} ms`,
      );
    }
  } finally {
    await server.close();
  }
  return { loads: appLoads, floors, searchFloors, settleMs: SETTLE_MS };
}
