import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { DataLoadError, loadDataset, OFFLINE_COPY_HEADER } from '../../../src/data/load-dataset';
import { SCHEMA_VERSION } from '../../../src/domain/listing';
import { buildListing } from '../build-listing';

function makeFiles(listings = [buildListing({ id: 'sdn-1', name: 'Alpha' })]) {
  const listingsJson = JSON.stringify({ schemaVersion: SCHEMA_VERSION, listings });
  const manifest = {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: '2026-01-01T00:00:00.000Z',
    sample: false,
    listingCount: listings.length,
    listings: {
      path: 'listings.json',
      sha256: createHash('sha256').update(listingsJson).digest('hex'),
      bytes: Buffer.byteLength(listingsJson),
    },
    sources: [],
    lists: [],
  };
  return { 'manifest.json': JSON.stringify(manifest), 'listings.json': listingsJson };
}

function fakeFetch(files: Record<string, string>): typeof fetch {
  return (async (input: string | URL | Request) => {
    const name = String(input).split('/').pop() ?? '';
    const body = files[name];
    if (body === undefined) return new Response('not found', { status: 404 });
    return new Response(body, { status: 200 });
  }) as typeof fetch;
}

async function loadError(files: Record<string, string>): Promise<DataLoadError> {
  try {
    await loadDataset({ baseUrl: '/data/', fetch: fakeFetch(files) });
  } catch (error) {
    if (error instanceof DataLoadError) return error;
    throw error;
  }
  throw new Error('expected the load to fail');
}

describe('loadDataset', () => {
  it('loads, checks and indexes the listings', async () => {
    const progress: string[] = [];
    const dataset = await loadDataset({
      baseUrl: '/data/',
      fetch: fakeFetch(makeFiles()),
      onProgress: (step) => progress.push(step.stage),
    });
    expect(dataset.listings.map((listing) => listing.id)).toEqual(['sdn-1']);
    expect(dataset.byId.get('sdn-1')?.name).toBe('Alpha');
    expect(progress).toContain('listings');
    expect(progress[progress.length - 1]).toBe('checking');
  });

  it('says when the offline service worker answered from its cache', async () => {
    const files = makeFiles();
    const online = await loadDataset({ baseUrl: '/data/', fetch: fakeFetch(files) });
    expect(online.isOfflineCopy).toBe(false);
    const fromCache = (async (input: string | URL | Request) => {
      const response = await fakeFetch(files)(input);
      return new Response(response.body, { headers: { [OFFLINE_COPY_HEADER]: '1' } });
    }) as typeof fetch;
    const offline = await loadDataset({ baseUrl: '/data/', fetch: fromCache });
    expect(offline.isOfflineCopy).toBe(true);
    expect(offline.listings).toHaveLength(1);
  });

  it('says a missing manifest is missing and how to rebuild', async () => {
    const error = await loadError({});
    expect(error.kind).toBe('missing');
    expect(error.file).toBe('manifest.json');
    expect(error.remedy).toContain('npm run data');
  });

  it('says a missing file is missing when the host answers with its index.html', async () => {
    // SPA hosts (and the e2e static server) serve index.html, status 200, for any unknown path.
    const spaFetch = (async () =>
      new Response('<!doctype html><html></html>', {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
      })) as typeof fetch;
    const error = await loadDataset({ baseUrl: '/data/', fetch: spaFetch }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DataLoadError);
    expect((error as DataLoadError).kind).toBe('missing');
    expect((error as DataLoadError).message).toContain('manifest.json was not found');
  });

  it('decodes a body that arrives in chunks, characters split between two chunks included', async () => {
    const files = makeFiles([buildListing({ id: 'sdn-1', name: 'Société Générale — 中国' })]);
    const bytes = new TextEncoder().encode(files['listings.json']);
    // Chunks of 7 bytes: the two- and three-byte characters fall across chunk boundaries.
    const chunked = (async (input: string | URL | Request) => {
      if (!String(input).endsWith('listings.json')) return fakeFetch(files)(input);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.slice(at, at + 7));
          controller.close();
        },
      });
      return new Response(body, { status: 200 });
    }) as typeof fetch;
    const dataset = await loadDataset({ baseUrl: '/data/', fetch: chunked });
    expect(dataset.listings[0]?.name).toBe('Société Générale — 中国');
  });

  it('names the file whose download broke off midway', async () => {
    const files = makeFiles();
    const broken = (async (input: string | URL | Request) => {
      if (!String(input).endsWith('listings.json')) return fakeFetch(files)(input);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"schemaVersion"'));
          controller.error(new TypeError('network error'));
        },
      });
      return new Response(body, { status: 200 });
    }) as typeof fetch;
    const error = await loadDataset({ baseUrl: '/data/', fetch: broken }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DataLoadError);
    expect((error as DataLoadError).kind).toBe('network');
    expect((error as DataLoadError).message).toContain('listings.json broke off');
  });

  it('reports the bytes its fetch says have arrived while the listings download', async () => {
    const files = makeFiles();
    const size = new TextEncoder().encode(files['listings.json']).length;
    const reporting = async (url: string, init?: RequestInit, onBytes?: (n: number) => void) => {
      if (url.endsWith('listings.json')) {
        onBytes?.(10);
        onBytes?.(size);
      }
      return fakeFetch(files)(url, init);
    };
    const seen: string[] = [];
    await loadDataset({
      baseUrl: '/data/',
      fetch: reporting,
      onProgress: (step) => seen.push(`${step.stage}:${step.loadedBytes}/${step.totalBytes}`),
    });
    expect(seen).toContain(`listings:10/${size}`);
    expect(seen).toContain(`listings:${size}/${size}`);
    expect(seen[seen.length - 1]).toBe(`checking:${size}/${size}`);
  });

  it('detects a partly downloaded listings file', async () => {
    const files = makeFiles();
    const error = await loadError({
      ...files,
      'listings.json': files['listings.json'].slice(0, 40),
    });
    expect(error.kind).toBe('corrupt');
    expect(error.message).toContain('listings.json');
  });

  it('detects a listings file from another build (checksum differs)', async () => {
    const files = makeFiles();
    const other = makeFiles([buildListing({ id: 'sdn-2', name: 'Beta' })]);
    const error = await loadError({ ...files, 'listings.json': other['listings.json'] });
    expect(error.kind).toBe('corrupt');
    expect(error.message).toContain('checksum');
  });

  it('refuses another schema version', async () => {
    const files = makeFiles();
    const manifest = JSON.parse(files['manifest.json']) as Record<string, unknown>;
    const error = await loadError({
      ...files,
      'manifest.json': JSON.stringify({ ...manifest, schemaVersion: 99 }),
    });
    expect(error.kind).toBe('incompatible');
  });

  it('words a manifest that breaks its schema, naming the field', async () => {
    const files = makeFiles();
    const manifest = JSON.parse(files['manifest.json']) as Record<string, unknown>;
    const error = await loadError({
      ...files,
      'manifest.json': JSON.stringify({ ...manifest, listingCount: -1 }),
    });
    expect(error.kind).toBe('invalid');
    expect(error.file).toBe('manifest.json');
    expect(error.message).toMatch(/^manifest\.json is not a valid manifest: field "listingCount" /);
  });

  it('words the first listing that breaks the schema, naming its number and field', async () => {
    const listings = [
      buildListing({ id: 'sdn-1', name: 'Alpha' }),
      { ...buildListing({ id: 'sdn-2', name: 'Beta' }), aliases: [{ name: '', kind: 'aka' }] },
    ];
    const error = await loadError(makeFiles(listings as never));
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(/^listings\.json, listing 2: field "aliases\.0\.name" /);
  });

  it('leaves validation to whoever returns a verdict, and refuses the data it condemns', async () => {
    const broken = { ...buildListing({ id: 'sdn-1', name: 'Alpha' }), list: 'NOPE' };
    const handedOver: string[] = [];
    const problems = [null, 'listings.json, listing 1: field "list" is not a list.'];
    const loads = problems.map((problem) =>
      loadDataset({
        baseUrl: '/data/',
        fetch: fakeFetch(makeFiles([broken as never])),
        onListingsBytes: (_bytes, file) => {
          handedOver.push(file);
          return Promise.resolve({ problem, sha256: null });
        },
      }),
    );
    expect(handedOver).toEqual([]);
    // Both settle before either is inspected: the refused load must never reject unobserved.
    const [trusted, refused] = await Promise.allSettled(loads);
    // A verdict of "valid" is trusted: the loader did not validate the broken listing itself.
    expect(trusted?.status === 'fulfilled' ? trusted.value.listings : null).toHaveLength(1);
    expect(refused?.status === 'rejected' ? refused.reason : null).toMatchObject({
      kind: 'invalid',
      file: 'listings.json',
      message: 'listings.json, listing 1: field "list" is not a list.',
    });
    expect(handedOver).toEqual(['listings.json', 'listings.json']);
  });

  it('names the search file and the listings SHA-256 as soon as the manifest is read', async () => {
    const files = makeFiles();
    const manifest = JSON.parse(files['manifest.json']) as { listings: { sha256: string } };
    const search = { path: 'search.bin', sha256: 'e'.repeat(64), bytes: 10 };
    const told: unknown[] = [];
    let listingsAsked = false;
    const fetched = fakeFetch({
      ...files,
      'manifest.json': JSON.stringify({ ...manifest, search }),
    });
    await loadDataset({
      baseUrl: '/data/',
      fetch: (url, init) => {
        if (String(url).endsWith('listings.json')) {
          listingsAsked = true;
          // Told before the listings have come.
          expect(told).toHaveLength(1);
        }
        return fetched(url, init);
      },
      onManifest: (searchFile, listingsSha256) => told.push({ searchFile, listingsSha256 }),
    });
    expect(listingsAsked).toBe(true);
    expect(told).toEqual([
      {
        searchFile: { url: '/data/search.bin', sha256: search.sha256 },
        listingsSha256: manifest.listings.sha256,
      },
    ]);
    // A manifest without a search file says so.
    const without: unknown[] = [];
    await loadDataset({
      baseUrl: '/data/',
      fetch: fakeFetch(files),
      onManifest: (searchFile) => without.push(searchFile),
    });
    expect(without).toEqual([null]);
  });

  it('waits for the caller between its long steps after the download', async () => {
    const steps: string[] = [];
    let letGo: () => void = () => undefined;
    const loading = loadDataset({
      baseUrl: '/data/',
      fetch: fakeFetch(makeFiles()),
      onListingsBytes: () => Promise.resolve({ problem: null, sha256: null }),
      whileValidating: () => steps.push('derived'),
      betweenSteps: () => {
        steps.push('between');
        // The second pause is held until the test lets it go: nothing is derived meanwhile.
        return steps.length === 2 ? new Promise((resolve) => (letGo = resolve)) : Promise.resolve();
      },
    });
    await vi.waitFor(() => expect(steps).toEqual(['between', 'between']));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps).toEqual(['between', 'between']);
    letGo();
    await loading;
    expect(steps).toEqual(['between', 'between', 'derived', 'between']);
  });

  it('lets the caller derive from the listings while the verdict is pending, and only then', async () => {
    const seen: number[] = [];
    const dataset = await loadDataset({
      baseUrl: '/data/',
      fetch: fakeFetch(makeFiles()),
      onListingsBytes: () => Promise.resolve({ problem: null, sha256: null }),
      whileValidating: (listings) => seen.push(listings.length),
    });
    expect(seen).toEqual([1]);
    expect(dataset.listings).toHaveLength(1);
    // Without a verdict to wait for, the loader validates itself and has no idle time to lend.
    await loadDataset({
      baseUrl: '/data/',
      fetch: fakeFetch(makeFiles()),
      whileValidating: (listings) => seen.push(listings.length),
    });
    expect(seen).toEqual([1]);
    // A derivation that throws on bad data does not decide the outcome: the verdict does.
    const broken = { ...buildListing({ id: 'sdn-1', name: 'Alpha' }), list: 'NOPE' };
    await expect(
      loadDataset({
        baseUrl: '/data/',
        fetch: fakeFetch(makeFiles([broken as never])),
        onListingsBytes: () =>
          Promise.resolve({ problem: 'listings.json, listing 1: field "list" bad.', sha256: null }),
        whileValidating: () => {
          throw new TypeError('cannot read properties of undefined');
        },
      }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      message: 'listings.json, listing 1: field "list" bad.',
    });
  });

  it('validates on its own thread when the verdict never comes', async () => {
    const broken = { ...buildListing({ id: 'sdn-1', name: 'Alpha' }), list: 'NOPE' };
    const failedWorker = () => Promise.reject(new Error('search worker failed'));
    const error = await loadDataset({
      baseUrl: '/data/',
      fetch: fakeFetch(makeFiles([broken as never])),
      onListingsBytes: failedWorker,
    }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(DataLoadError);
    expect(error).toMatchObject({ kind: 'invalid' });
    expect((error as DataLoadError).message).toContain('listing 1: field "list"');
    const good = await loadDataset({
      baseUrl: '/data/',
      fetch: fakeFetch(makeFiles()),
      onListingsBytes: failedWorker,
    });
    expect(good.listings).toHaveLength(1);
  });

  it("validates the listings after the checker's share itself, and names the first problem", async () => {
    const listings = Array.from({ length: 10 }, (_, index) =>
      buildListing({ id: `sdn-${index + 1}`, name: `Name ${index + 1}` }),
    );
    const withBroken = (index: number) =>
      listings.map((listing, at) => (at === index ? { ...listing, list: 'NOPE' } : listing));
    const trusting = () => Promise.resolve({ problem: null, sha256: null });
    // Listing 10 is past the checker's share (the first 5): the page finds it.
    await expect(
      loadDataset({
        baseUrl: '/data/',
        fetch: fakeFetch(makeFiles(withBroken(9) as never)),
        onListingsBytes: trusting,
      }),
    ).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('listing 10:') });
    // Listing 2 is the checker's to judge: its verdict of "valid" is trusted.
    const trusted = await loadDataset({
      baseUrl: '/data/',
      fetch: fakeFetch(makeFiles(withBroken(1) as never)),
      onListingsBytes: trusting,
    });
    expect(trusted.listings).toHaveLength(10);
    // Problems on both sides: the earlier listing is named.
    await expect(
      loadDataset({
        baseUrl: '/data/',
        fetch: fakeFetch(makeFiles(withBroken(9) as never)),
        onListingsBytes: () =>
          Promise.resolve({ problem: 'listings.json, listing 3: field "x" bad.', sha256: null }),
      }),
    ).rejects.toMatchObject({ message: 'listings.json, listing 3: field "x" bad.' });
  });

  it("trusts the checker's hash when it has one, and hashes its own copy when it has none", async () => {
    const files = makeFiles();
    const manifest = JSON.parse(files['manifest.json']) as { listings: { sha256: string } };
    const withHash = (sha256: string | null) =>
      loadDataset({
        baseUrl: '/data/',
        fetch: fakeFetch(files),
        onListingsBytes: () => Promise.resolve({ problem: null, sha256 }),
      });
    await expect(withHash(manifest.listings.sha256)).resolves.toMatchObject({ manifest: {} });
    await expect(withHash('0'.repeat(64))).rejects.toMatchObject({ kind: 'corrupt' });
    await expect(withHash(null)).resolves.toMatchObject({ manifest: {} });
    const tampered = {
      ...files,
      'listings.json': files['listings.json'].replace('Alpha', 'Alphb'),
    };
    await expect(
      loadDataset({
        baseUrl: '/data/',
        fetch: fakeFetch(tampered),
        onListingsBytes: () => Promise.resolve({ problem: null, sha256: null }),
      }),
    ).rejects.toMatchObject({ kind: 'corrupt' });
  });

  it('hands the checker the bytes first, and reads its own copy of them', async () => {
    const dataset = await loadDataset({
      baseUrl: '/data/',
      fetch: fakeFetch(makeFiles()),
      onListingsBytes: (bytes) => {
        // What a transfer to a worker does to the buffer: the page must not read it afterwards.
        structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
        return Promise.resolve({ problem: null, sha256: null });
      },
    });
    expect(dataset.listings.map((listing) => listing.name)).toEqual(['Alpha']);
  });

  it('names the listing and field that fail validation', async () => {
    const broken = { ...buildListing({ id: 'sdn-1', name: 'Alpha' }), list: 'NOPE' };
    const files = makeFiles([broken as never]);
    const error = await loadError(files);
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain('listing 1');
    expect(error.message).toContain('"list"');
  });
});
