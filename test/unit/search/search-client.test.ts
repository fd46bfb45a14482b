import { createHash } from 'node:crypto';
import { SCHEMA_VERSION } from '../../../src/domain/listing';
import { toSearchDocs } from '../../../src/search/search-docs';
import { describe, expect, it } from 'vitest';
import type { SearchWorkerRequest } from '../../../src/search/protocol';
import {
  createSearchClient,
  SearchSupersededError,
  type SearchWorkerPort,
} from '../../../src/search/search-client';
import { createSearchWorkerHandler } from '../../../src/search/worker-handler';
import { makeListing } from './listing-factory';

/** A worker port that runs the real handler in-thread, answering asynchronously and in order,
 * like the worker entry (src/search/search-worker.ts). */
function inThreadPort(): SearchWorkerPort & { posted: SearchWorkerRequest[] } {
  const handle = createSearchWorkerHandler();
  let deliver: (response: unknown) => void = () => undefined;
  let previous: Promise<unknown> = Promise.resolve();
  const posted: SearchWorkerRequest[] = [];
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    posted,
    post: (request) => {
      posted.push(request);
      previous = previous.then(nextTask).then(async () => deliver(await handle(request)));
    },
    listen: (onResponse) => {
      deliver = onResponse;
    },
    terminate: () => undefined,
  };
}

const LISTINGS = [
  makeListing('el-megvii', 'Megvii Technology'),
  makeListing('el-sugon', 'Sugon', [{ name: 'Dawning Information Industry', kind: 'aka' }]),
];

describe('search worker handler', () => {
  it('refuses a search before load', () => {
    const handle = createSearchWorkerHandler();
    expect(handle({ type: 'search', requestId: 1, query: 'x' })).toMatchObject({
      type: 'error',
      requestId: 1,
    });
  });

  it('hashes and reads a whole listings file from its bytes, then indexes it; refuses one it cannot search', async () => {
    const handle = createSearchWorkerHandler();
    const text = JSON.stringify({ schemaVersion: SCHEMA_VERSION, listings: LISTINGS });
    const file = new TextEncoder().encode(text);
    expect(
      await handle({ type: 'load-listings-file', bytes: file.buffer, file: 'listings.json' }),
    ).toMatchObject({
      type: 'validated',
      problem: null,
      sha256: createHash('sha256').update(text).digest('hex'),
    });
    expect(handle({ type: 'index-listings' })).toMatchObject({ type: 'ready', docCount: 3 });
    const broken = new TextEncoder().encode(JSON.stringify({ listings: [{ id: 'x' }] }));
    expect(
      await handle({ type: 'load-listings-file', bytes: broken.buffer, file: 'listings.json' }),
    ).toMatchObject({
      type: 'validated',
      problem: expect.stringContaining('listing 1') as unknown,
    });
    expect(handle({ type: 'index-listings' })).toMatchObject({ type: 'error', requestId: null });
  });

  it('rejects documents that are not search documents', () => {
    const handle = createSearchWorkerHandler();
    expect(handle({ type: 'load', docs: '[{"id":1}]' })).toMatchObject({
      type: 'error',
      requestId: null,
    });
    expect(handle({ type: 'load', docs: '{' })).toMatchObject({ type: 'error', requestId: null });
  });

  it('builds the index on load and counts documents', () => {
    const handle = createSearchWorkerHandler();
    expect(
      handle({ type: 'load', docs: JSON.stringify(LISTINGS.flatMap(toSearchDocs)) }),
    ).toMatchObject({
      type: 'ready',
      docCount: 3,
    });
    const response = handle({
      type: 'search',
      requestId: 7,
      query: 'dawning',
      candidateIds: new Set(['el-sugon']),
    });
    expect(response).toMatchObject({
      type: 'results',
      requestId: 7,
      hits: [{ listingId: 'el-sugon' }],
    });
  });
});

describe('search client', () => {
  it('loads, then searches through the worker', async () => {
    const client = createSearchClient(inThreadPort());
    await expect(client.load(LISTINGS)).resolves.toMatchObject({ docCount: 3 });
    const hits = await client.search('megvii');
    expect(hits.map((hit) => hit.listingId)).toEqual(['el-megvii']);
  });

  it('supersedes an older search: it rejects and its late result is dropped', async () => {
    const port = inThreadPort();
    const client = createSearchClient(port);
    await client.load(LISTINGS);
    const older = client.search('meg');
    const newer = client.search('sugon');
    await expect(older).rejects.toBeInstanceOf(SearchSupersededError);
    const hits = await newer;
    expect(hits.map((hit) => hit.listingId)).toEqual(['el-sugon']);
    expect(port.posted.filter((request) => request.type === 'search')).toHaveLength(2);
  });

  it('validates a listings file in the worker, naming the first bad listing, then indexes it', async () => {
    const client = createSearchClient(inThreadPort());
    const encode = (listings: unknown[]) =>
      new TextEncoder().encode(JSON.stringify({ schemaVersion: SCHEMA_VERSION, listings })).buffer;
    await expect(client.loadListingsFile(encode(LISTINGS), 'listings.json')).resolves.toMatchObject(
      { problem: null, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown },
    );

    // The worker judges its share, the first half (the page validates the rest).
    const broken = [{ ...LISTINGS[0], sector: { sector: 'nope' } }, LISTINGS[1]];
    const { problem } = await client.loadListingsFile(encode(broken), 'listings.json');
    expect(problem).toMatch(/^listings\.json, listing 1: field "sector\.sector"/);
    const brokenAfter = [LISTINGS[0], { ...LISTINGS[1], sector: { sector: 'nope' } }];
    const after = await client.loadListingsFile(encode(brokenAfter), 'listings.json');
    expect(after.problem).toBeNull();
    await expect(client.indexListings()).resolves.toMatchObject({ docCount: 3 });
    expect((await client.search('sugon')).map((hit) => hit.listingId)).toEqual(['el-sugon']);
  });

  it('answers an index request before any file was read with an error', async () => {
    const client = createSearchClient(inThreadPort());
    await expect(client.indexListings()).rejects.toThrow(/before load-listings-file/);
  });

  it('joins a request for the query already being answered instead of asking again', async () => {
    const port = inThreadPort();
    const client = createSearchClient(port);
    await client.load(LISTINGS);
    const early = client.search('sugon');
    const again = client.search('sugon');
    expect(again).toBe(early);
    expect((await again).map((hit) => hit.listingId)).toEqual(['el-sugon']);
    expect(port.posted.filter((request) => request.type === 'search')).toHaveLength(1);
    // Once answered, the same query is asked afresh (the facets may have changed since).
    await client.search('sugon');
    expect(port.posted.filter((request) => request.type === 'search')).toHaveLength(2);
  });

  it('rejects pending work when disposed', async () => {
    const client = createSearchClient(inThreadPort());
    const load = client.load(LISTINGS);
    client.dispose();
    await expect(load).rejects.toThrow('disposed');
  });
});
