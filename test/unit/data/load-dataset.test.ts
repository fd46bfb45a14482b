import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DataLoadError, loadDataset } from '../../../src/data/load-dataset';
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

  it('leaves validation to whoever returns a verdict, and refuses the data it condemns', async () => {
    const broken = { ...buildListing({ id: 'sdn-1', name: 'Alpha' }), list: 'NOPE' };
    const handedOver: string[] = [];
    const verdicts = [null, 'listings.json, listing 1: field "list" is not a list.'];
    const loads = verdicts.map((verdict) =>
      loadDataset({
        baseUrl: '/data/',
        fetch: fakeFetch(makeFiles([broken as never])),
        onListingsBytes: (_bytes, file) => {
          handedOver.push(file);
          return Promise.resolve(verdict);
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

  it('lets the caller derive from the listings while the verdict is pending, and only then', async () => {
    const seen: number[] = [];
    const dataset = await loadDataset({
      baseUrl: '/data/',
      fetch: fakeFetch(makeFiles()),
      onListingsBytes: () => Promise.resolve(null),
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
        onListingsBytes: () => Promise.resolve('listings.json, listing 1: field "list" bad.'),
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

  it('names the listing and field that fail validation', async () => {
    const broken = { ...buildListing({ id: 'sdn-1', name: 'Alpha' }), list: 'NOPE' };
    const files = makeFiles([broken as never]);
    const error = await loadError(files);
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain('listing 1');
    expect(error.message).toContain('"list"');
  });
});
