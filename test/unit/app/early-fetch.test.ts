import { afterEach, describe, expect, it, vi } from 'vitest';

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

  it('passes the status of a missing manifest through', async () => {
    serve({});
    const { startEarlyFetch, fetchPreferringEarly } = await freshModule();
    startEarlyFetch('/data/');
    expect((await fetchPreferringEarly('/data/manifest.json')).status).toBe(404);
  });
});
