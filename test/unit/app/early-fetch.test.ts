import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LISTINGS_PATH, MANIFEST_PATH } from '../../../src/domain/data-files';
import { SEARCH_WORKER_META } from '../../../vite.config';

const EARLY_SCRIPT = readFileSync(
  join(import.meta.dirname, '../../../public/early-data.js'),
  'utf8',
);

/** Runs public/early-data.js as the browser would, served from `scriptUrl`, in a page whose
 * search-worker <meta> names `workerScript`. */
function runEarlyScript(scriptUrl: string | null, workerScript: string | null = null) {
  const requested: { url: string; cache: string | undefined }[] = [];
  const workers: { url: string; options: unknown }[] = [];
  const window: Record<string, unknown> = {};
  runInNewContext(EARLY_SCRIPT, {
    window,
    document: {
      currentScript: scriptUrl === null ? null : { src: scriptUrl },
      querySelector: (selector: string) =>
        selector === `meta[name="${SEARCH_WORKER_META}"]` && workerScript !== null
          ? { content: workerScript }
          : null,
    },
    Worker: class {
      constructor(url: string, options: unknown) {
        workers.push({ url, options });
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
  it('requests the manifest and the listings file at once, before anyone asks', async () => {
    const { requested } = serve({ '/data/manifest.json': MANIFEST, '/data/listings.json': '[1]' });
    const { startEarlyFetch } = await freshModule();
    startEarlyFetch('/data/');
    expect(requested).toEqual(['/data/manifest.json', '/data/listings.json']);
  });

  it('answers each early request once with its response, then fetches again', async () => {
    const { requested } = serve({ '/data/manifest.json': MANIFEST, '/data/listings.json': '[1]' });
    const { startEarlyFetch, fetchPreferringEarly } = await freshModule();
    startEarlyFetch('/data/');
    const manifest = await fetchPreferringEarly('/data/manifest.json');
    expect(await manifest.text()).toBe(MANIFEST);
    expect(manifest.headers.get('content-type')).toBe('application/json');
    expect(await (await fetchPreferringEarly('/data/listings.json')).text()).toBe('[1]');
    expect(requested).toHaveLength(2);
    await fetchPreferringEarly('/data/listings.json');
    expect(requested).toHaveLength(3);
  });

  it('leaves a file it did not ask for to a normal request', async () => {
    const { requested } = serve({ '/data/other.json': '[2]' });
    const { startEarlyFetch, fetchPreferringEarly } = await freshModule();
    startEarlyFetch('/data/');
    expect(await (await fetchPreferringEarly('/data/other.json')).text()).toBe('[2]');
    expect(requested).toEqual(['/data/manifest.json', '/data/listings.json', '/data/other.json']);
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
      '/data/listings.json': Promise.resolve(new Response('[3]')),
    };
    vi.stubGlobal('window', { __sanctionsEarlyRequests: early });
    const { startEarlyFetch, fetchPreferringEarly } = await freshModule();
    startEarlyFetch('/data/');
    expect(requested).toEqual([]);
    expect(await (await fetchPreferringEarly('/data/manifest.json')).text()).toBe(MANIFEST);
    expect(await (await fetchPreferringEarly('/data/listings.json')).text()).toBe('[3]');
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
    const urls = [`/explorer/data/${MANIFEST_PATH}`, `/explorer/data/${LISTINGS_PATH}`];
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

  it('starts the search worker the build names, as a module worker', () => {
    const { workers, worker } = runEarlyScript(
      'http://127.0.0.1:5173/early-data.js',
      '/assets/search-worker-abc123.js',
    );
    expect(workers).toEqual([
      { url: '/assets/search-worker-abc123.js', options: { type: 'module' } },
    ]);
    expect(worker).toBeDefined();
  });

  it('leaves the worker to the app where the build names none (the dev server)', () => {
    const { workers, worker } = runEarlyScript('http://127.0.0.1:5173/early-data.js');
    expect(workers).toEqual([]);
    expect(worker).toBeUndefined();
  });

  it('does nothing where it cannot tell where it was served from', () => {
    const { requested, requests } = runEarlyScript(null);
    expect(requested).toEqual([]);
    expect(requests).toBeUndefined();
  });
});
