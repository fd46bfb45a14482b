import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  FIRST_ROWS_PATH,
  LISTINGS_PATH,
  MANIFEST_PATH,
  SEARCH_PATH,
} from '../../../src/domain/data-files';
import { SEARCH_WORKER_META } from '../../../vite.config';

const EARLY_SCRIPT = readFileSync(
  join(import.meta.dirname, '../../../public/early-data.js'),
  'utf8',
);

/** A stand-in for the browser's XMLHttpRequest: records what was asked, and is answered by the
 * test through `respond`, `progress` and `fail`. */
class FakeXhr {
  static made: FakeXhr[] = [];
  url = '';
  method = '';
  responseType = '';
  status = 0;
  statusText = '';
  response: Blob | null = null;
  readonly requestHeaders: Record<string, string> = {};
  private responseHeaders = '';
  onprogress: ((event: { loaded: number }) => void) | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeXhr.made.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.requestHeaders[name] = value;
  }
  send() {}
  getAllResponseHeaders() {
    return this.responseHeaders;
  }
  progress(loaded: number) {
    this.onprogress?.({ loaded });
  }
  respond(status: number, body: string, headers: Record<string, string> = {}) {
    this.status = status;
    this.statusText = status === 200 ? 'OK' : 'Not Found';
    this.response = new Blob([body]);
    this.responseHeaders = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    this.onload?.();
  }
  fail() {
    this.onerror?.();
  }
}

/** The `window` the last `runEarlyScript` ran in. */
let lastWindow: Record<string, unknown> = {};

/** Runs public/early-data.js as the browser would, served from `scriptUrl`, in a page whose
 * search-worker <meta> names `workerScript` (and with XMLHttpRequest when `withXhr`). */
function runEarlyScript(
  scriptUrl: string | null,
  workerScript: string | null = null,
  withXhr = false,
) {
  const requested: { url: string; cache: string | undefined }[] = [];
  const workers: { url: string; options: unknown; posted: unknown[] }[] = [];
  const window: Record<string, unknown> = {};
  lastWindow = window;
  FakeXhr.made = [];
  runInNewContext(EARLY_SCRIPT, {
    ...(withXhr ? { XMLHttpRequest: FakeXhr, Headers, Response, TypeError } : {}),
    window,
    document: {
      currentScript: scriptUrl === null ? null : { src: scriptUrl },
      querySelector: (selector: string) =>
        selector === `meta[name="${SEARCH_WORKER_META}"]` && workerScript !== null
          ? { content: workerScript }
          : null,
    },
    Worker: class {
      private readonly posted: unknown[] = [];
      constructor(url: string, options: unknown) {
        workers.push({ url, options, posted: this.posted });
      }
      postMessage(message: unknown) {
        this.posted.push(message);
      }
    },
    URL,
    performance: { mark: () => undefined },
    fetch: (url: string, init?: RequestInit) => {
      requested.push({ url, cache: init?.cache });
      return Promise.resolve(new Response(url));
    },
  });
  return {
    requested,
    workers,
    worker: window['__sanctionsEarlyWorker'],
    requests: window['__sanctionsEarlyRequests'] as Record<string, Promise<Response>> | undefined,
    progress: window['__sanctionsEarlyProgress'] as Window['__sanctionsEarlyProgress'],
  };
}

/** A fresh copy of the module per test: it keeps its early responses in module state. */
async function freshModule() {
  vi.resetModules();
  return import('../../../src/app/early-fetch');
}

function serve(files: Record<string, string>) {
  const requested: string[] = [];
  const fetchStub = vi.fn((input: RequestInfo | URL) => {
    const url = String(input);
    requested.push(url);
    const body = files[url];
    return Promise.resolve(
      body === undefined
        ? new Response('not found', { status: 404 })
        : new Response(body, { headers: { 'content-type': 'application/json' } }),
    );
  });
  vi.stubGlobal('fetch', fetchStub);
  return { requested, fetchStub };
}

const MANIFEST = JSON.stringify({ listings: { path: 'listings.json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('early fetch', () => {
  it('requests the manifest, the first rows and the listings file at once, before anyone asks', async () => {
    const { requested } = serve({ '/data/manifest.json': MANIFEST, '/data/listings.json': '[1]' });
    const { startEarlyFetch } = await freshModule();
    startEarlyFetch('/data/');
    expect(requested).toEqual([
      '/data/manifest.json',
      '/data/first-rows.json',
      '/data/listings.json',
    ]);
  });

  it('answers each early request once with its response, then fetches again', async () => {
    const { requested } = serve({ '/data/manifest.json': MANIFEST, '/data/listings.json': '[1]' });
    const { startEarlyFetch, fetchPreferringEarly } = await freshModule();
    startEarlyFetch('/data/');
    const manifest = await fetchPreferringEarly('/data/manifest.json');
    expect(await manifest.text()).toBe(MANIFEST);
    expect(manifest.headers.get('content-type')).toBe('application/json');
    expect(await (await fetchPreferringEarly('/data/listings.json')).text()).toBe('[1]');
    expect(requested).toHaveLength(3);
    await fetchPreferringEarly('/data/listings.json');
    expect(requested).toHaveLength(4);
  });

  it('leaves a file it did not ask for to a normal request', async () => {
    const { requested } = serve({ '/data/other.json': '[2]' });
    const { startEarlyFetch, fetchPreferringEarly } = await freshModule();
    startEarlyFetch('/data/');
    expect(await (await fetchPreferringEarly('/data/other.json')).text()).toBe('[2]');
    expect(requested).toEqual([
      '/data/manifest.json',
      '/data/first-rows.json',
      '/data/listings.json',
      '/data/other.json',
    ]);
  });

  it('hands a failed early request to the loader as the same failure', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    );
    const { startEarlyFetch, fetchPreferringEarly } = await freshModule();
    startEarlyFetch('/data/');
    await expect(fetchPreferringEarly('/data/manifest.json')).rejects.toThrow('offline');
    await expect(fetchPreferringEarly('/data/listings.json')).rejects.toThrow('offline');
  });

  it('adopts the requests public/early-data.js made instead of asking again', async () => {
    const { requested } = serve({});
    const early = {
      '/data/manifest.json': Promise.resolve(new Response(MANIFEST)),
      '/data/first-rows.json': Promise.resolve(new Response('[5]')),
      '/data/listings.json': Promise.resolve(new Response('[3]')),
    };
    vi.stubGlobal('window', { __sanctionsEarlyRequests: early });
    const { startEarlyFetch, fetchPreferringEarly } = await freshModule();
    startEarlyFetch('/data/');
    expect(requested).toEqual([]);
    expect(await (await fetchPreferringEarly('/data/manifest.json')).text()).toBe(MANIFEST);
    expect(await (await fetchPreferringEarly('/data/listings.json')).text()).toBe('[3]');
    expect(await (await fetchPreferringEarly('/data/first-rows.json')).text()).toBe('[5]');
  });

  it('passes the status of a missing manifest through', async () => {
    serve({});
    const { startEarlyFetch, fetchPreferringEarly } = await freshModule();
    startEarlyFetch('/data/');
    expect((await fetchPreferringEarly('/data/manifest.json')).status).toBe(404);
  });
});

describe('public/early-data.js', () => {
  it('asks for the files the app reads, under the base path it is served from', () => {
    const { requested, requests } = runEarlyScript('https://example.org/explorer/early-data.js');
    const urls = [
      `/explorer/data/${MANIFEST_PATH}`,
      `/explorer/data/${FIRST_ROWS_PATH}`,
      `/explorer/data/${LISTINGS_PATH}`,
    ];
    expect(requested).toEqual(urls.map((url) => ({ url, cache: 'no-cache' })));
    expect(Object.keys(requests ?? {})).toEqual(urls);
  });

  it('leaves its requests where startEarlyFetch finds them for the default base', async () => {
    const { requests } = runEarlyScript('http://127.0.0.1:5173/early-data.js');
    vi.stubGlobal('window', { __sanctionsEarlyRequests: requests });
    const { requested } = serve({});
    const { startEarlyFetch, fetchPreferringEarly } = await freshModule();
    startEarlyFetch('/data/');
    expect(requested).toEqual([]);
    expect(await (await fetchPreferringEarly('/data/listings.json')).text()).toBe(
      '/data/listings.json',
    );
  });

  it('starts the search worker the build names, as a module worker, on the search file', () => {
    const { workers, worker } = runEarlyScript(
      'https://example.org/explorer/early-data.js',
      '/assets/search-worker-abc123.js',
    );
    expect(workers).toEqual([
      {
        url: '/assets/search-worker-abc123.js',
        options: { type: 'module' },
        // Where the app's loader will say the manifest's search file is, for the default name.
        posted: [{ type: 'prefetch-search-file', url: `/explorer/data/${SEARCH_PATH}` }],
      },
    ]);
    expect(worker).toBeDefined();
  });

  it('downloads the search file for the worker and sends it the bytes, or says it failed', async () => {
    const searchUrl = `/explorer/data/${SEARCH_PATH}`;
    for (const [answer, expected] of [
      [(xhr: FakeXhr) => xhr.respond(200, 'the search file'), 'the search file'],
      [(xhr: FakeXhr) => xhr.respond(404, 'not found'), null],
      [(xhr: FakeXhr) => xhr.fail(), null],
    ] as const) {
      const { workers } = runEarlyScript(
        'https://example.org/explorer/early-data.js',
        '/assets/search-worker-abc123.js',
        true,
      );
      const xhr = FakeXhr.made.find((made) => made.url === searchUrl);
      expect(xhr?.requestHeaders['Cache-Control']).toBe('max-age=0');
      const posted = workers[0]?.posted ?? [];
      expect(posted).toEqual([{ type: 'prefetch-search-file', url: searchUrl, bytesFollow: true }]);
      answer(xhr!);
      await vi.waitFor(() => expect(posted).toHaveLength(2));
      const sent = posted[1] as { type: string; url: string; blob: Blob | null };
      expect([sent.type, sent.url]).toEqual(['search-file-bytes', searchUrl]);
      expect(sent.blob === null ? null : await sent.blob.text()).toBe(expected);
    }
  });

  it("keeps a copy of the manifest's text for the app's first module", async () => {
    const { requests } = runEarlyScript('https://example.org/explorer/early-data.js');
    const copy = lastWindow[
      '__sanctionsEarlyManifestText'
    ] as Window['__sanctionsEarlyManifestText'];
    expect(await copy).toBe(`/explorer/data/${MANIFEST_PATH}`);
    // The loader still reads the response itself.
    expect(await (await requests?.[`/explorer/data/${MANIFEST_PATH}`])?.text()).toBe(
      `/explorer/data/${MANIFEST_PATH}`,
    );
  });

  it('leaves the worker to the app where the build names none (the dev server)', () => {
    const { workers, worker } = runEarlyScript('http://127.0.0.1:5173/early-data.js');
    expect(workers).toEqual([]);
    expect(worker).toBeUndefined();
  });

  it('downloads the listings whole by XMLHttpRequest, revalidating any cached copy', async () => {
    const { requested, requests } = runEarlyScript('https://example.org/early-data.js', null, true);
    expect(requested.map((request) => request.url)).toEqual([
      `/data/${MANIFEST_PATH}`,
      `/data/${FIRST_ROWS_PATH}`,
    ]);
    const [xhr] = FakeXhr.made;
    expect(xhr?.url).toBe(`/data/${LISTINGS_PATH}`);
    expect(xhr?.responseType).toBe('blob');
    expect(xhr?.requestHeaders['Cache-Control']).toBe('max-age=0');
    xhr?.respond(200, '[4]', { 'Content-Type': 'application/json', 'X-Offline-Copy': '1' });
    const response = await requests?.[`/data/${LISTINGS_PATH}`];
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-type')).toBe('application/json');
    expect(response?.headers.get('x-offline-copy')).toBe('1');
    expect(await response?.text()).toBe('[4]');
  });

  it('answers a missing listings file with its status, and a failed download as fetch would', async () => {
    const missing = runEarlyScript('https://example.org/early-data.js', null, true);
    FakeXhr.made[0]?.respond(404, 'not found');
    expect((await missing.requests?.[`/data/${LISTINGS_PATH}`])?.status).toBe(404);
    const failed = runEarlyScript('https://example.org/early-data.js', null, true);
    FakeXhr.made[0]?.fail();
    await expect(failed.requests?.[`/data/${LISTINGS_PATH}`]).rejects.toThrow(TypeError);
  });

  it('passes the download progress to whoever takes the listings request', async () => {
    const { requests, progress } = runEarlyScript('http://127.0.0.1/early-data.js', null, true);
    const xhr = FakeXhr.made[0];
    xhr?.progress(100);
    vi.stubGlobal('window', {
      __sanctionsEarlyRequests: requests,
      __sanctionsEarlyProgress: progress,
    });
    serve({});
    const { startEarlyFetch, fetchPreferringEarly } = await freshModule();
    startEarlyFetch('/data/');
    const seen: number[] = [];
    const pending = fetchPreferringEarly(`/data/${LISTINGS_PATH}`, undefined, (loaded) =>
      seen.push(loaded),
    );
    xhr?.progress(250);
    xhr?.respond(200, '[5]');
    expect(await (await pending).text()).toBe('[5]');
    // What had arrived before it asked, then each report; none once the answer is in.
    expect(seen).toEqual([100, 250]);
    xhr?.progress(999);
    await Promise.resolve();
    expect(seen).toEqual([100, 250]);
  });

  it('does nothing where it cannot tell where it was served from', () => {
    const { requested, requests } = runEarlyScript(null);
    expect(requested).toEqual([]);
    expect(requests).toBeUndefined();
  });
});
