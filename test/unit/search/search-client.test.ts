import { createHash } from 'node:crypto';
import { SCHEMA_VERSION } from '../../../src/domain/listing';
import { listingsFileText } from '../../../src/domain/listings-file';
import { workerValidationEnd } from '../../../src/data/validate-listings';
import { toSearchDocs } from '../../../src/search/search-docs';
import {
  encodeSearchFile,
  searchFileBytes,
  searchFileParts,
} from '../../../src/search/search-file';
import { describe, expect, it } from 'vitest';
import type { SearchWorkerRequest, SearchWorkerResponse } from '../../../src/search/protocol';
import { unpackHit, unpackHits } from '../../../src/search/packed-hits';
import { explorerSearchPort, hitOrderOf } from '../../../src/features/explorer/search-port';
import { deriveFacts } from '../../../src/features/explorer/model/facts';
import {
  createSearchClient,
  SearchSupersededError,
  type SearchWorkerPort,
} from '../../../src/search/search-client';
import { buildSearchIndex } from '../../../src/search/engine';
import { createSearchWorkerHandler, positionsByListing } from '../../../src/search/worker-handler';
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
      previous = previous.then(nextTask).then(async () => {
        const response = await handle(request);
        if (response !== null) deliver(response);
      });
    },
    listen: (onResponse) => {
      deliver = onResponse;
    },
    terminate: () => undefined,
  };
}

/** A response with its packed hits read back, to match against. */
function unpacked(response: SearchWorkerResponse | null): unknown {
  if (response === null || response.type !== 'results') return response;
  return { ...response, hits: unpackHits(response.hits) };
}

/** The listing ids of a search's packed hits, best first. */
const idsOf = (hits: { readonly listingIds: readonly string[] | null }) => hits.listingIds;

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

  it.each([
    [
      'one JSON line',
      (listings: unknown[]) => JSON.stringify({ schemaVersion: SCHEMA_VERSION, listings }),
    ],
    [
      'one listing per line',
      (listings: unknown[]) =>
        listingsFileText(
          SCHEMA_VERSION,
          listings.map((listing) => JSON.stringify(listing)),
        ),
    ],
  ])(
    'hashes and reads a whole listings file (%s) from its bytes, then indexes it; refuses one it cannot search',
    async (_layout, layOut) => {
      const handle = createSearchWorkerHandler();
      const text = layOut(LISTINGS);
      const file = new TextEncoder().encode(text);
      expect(
        await handle({
          type: 'load-listings-file',
          bytes: file.buffer,
          file: 'listings.json',
          count: 2,
        }),
      ).toMatchObject({
        type: 'validated',
        problem: null,
        sha256: createHash('sha256').update(text).digest('hex'),
      });
      expect(handle({ type: 'index-listings' })).toMatchObject({ type: 'ready', docCount: 3 });
      expect(
        unpacked(await handle({ type: 'search', requestId: 1, query: 'dawning' })),
      ).toMatchObject({
        hits: [{ listingId: 'el-sugon' }],
      });
      const broken = new TextEncoder().encode(layOut([{ id: 'x' }]));
      expect(
        await handle({
          type: 'load-listings-file',
          bytes: broken.buffer,
          file: 'listings.json',
          count: 1,
        }),
      ).toMatchObject({
        type: 'validated',
        problem: expect.stringContaining('listing 1') as unknown,
      });
      expect(handle({ type: 'index-listings' })).toMatchObject({ type: 'error', requestId: null });
    },
  );

  it('adds MiniSearch only once searches have stopped coming for a while', async () => {
    const quietAfterSearchMs = 300;
    const handle = createSearchWorkerHandler({
      fetchBytes: () => Promise.reject(new Error('no downloads here')),
      quietAfterSearchMs,
    });
    const text = listingsFileText(
      SCHEMA_VERSION,
      LISTINGS.map((listing) => JSON.stringify(listing)),
    );
    const bytes = new TextEncoder().encode(text).buffer;
    await handle({ type: 'load-listings-file', bytes, file: 'listings.json', count: 2 });
    handle({ type: 'index-listings' });
    // Needs MiniSearch (no name has all but one of its words): answered once it is added.
    let answered = false;
    const orQuery = Promise.resolve(
      handle({ type: 'search', requestId: 1, query: 'megvii zzyzx qqqq' }),
    ).then((response) => {
      answered = true;
      return response;
    });
    // Typing: a search every 15 ms, for twice the quiet time, keeps MiniSearch waiting.
    const typingUntil = performance.now() + quietAfterSearchMs * 2;
    for (let requestId = 2; performance.now() < typingUntil; requestId += 1) {
      expect(unpacked(await handle({ type: 'search', requestId, query: 'sugon' }))).toMatchObject({
        hits: [{ listingId: 'el-sugon' }],
      });
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    expect(answered).toBe(false);
    // Once typing stops, MiniSearch is added and the waiting query answered.
    expect(unpacked(await orQuery)).toMatchObject({ hits: [{ listingId: 'el-megvii' }] });
  });

  it('answers ready before MiniSearch is in, and a query needing its OR reading once it is', async () => {
    const handle = createSearchWorkerHandler();
    const text = listingsFileText(
      SCHEMA_VERSION,
      LISTINGS.map((listing) => JSON.stringify(listing)),
    );
    const bytes = new TextEncoder().encode(text).buffer;
    await handle({ type: 'load-listings-file', bytes, file: 'listings.json', count: 2 });
    expect(handle({ type: 'index-listings' })).toMatchObject({ type: 'ready', docCount: 3 });
    // No name has all but one of these words: only MiniSearch's OR reading finds Megvii.
    const answer = handle({ type: 'search', requestId: 2, query: 'megvii zzyzx qqqq' });
    expect(answer).toBeInstanceOf(Promise);
    expect(unpacked(await answer)).toMatchObject({
      type: 'results',
      requestId: 2,
      hits: [{ listingId: 'el-megvii' }],
    });
    // Once it is in, the same query is answered at once.
    expect(
      unpacked(await handle({ type: 'search', requestId: 3, query: 'megvii zzyzx qqqq' })),
    ).toMatchObject({
      type: 'results',
      hits: [{ listingId: 'el-megvii' }],
    });
  });

  it('leaves a file with fewer listings than its manifest promises to the page to refuse', async () => {
    const handle = createSearchWorkerHandler();
    const text = listingsFileText(
      SCHEMA_VERSION,
      LISTINGS.map((listing) => JSON.stringify(listing)),
    );
    const bytes = new TextEncoder().encode(text).buffer;
    // The manifest promised 20: the share is 10, but only 2 listings exist, and both are valid.
    expect(
      await handle({ type: 'load-listings-file', bytes, file: 'listings.json', count: 20 }),
    ).toMatchObject({ type: 'validated', problem: null });
  });

  it('rejects documents that are not search documents', () => {
    const handle = createSearchWorkerHandler();
    expect(handle({ type: 'load', docs: '[{"id":1}]' })).toMatchObject({
      type: 'error',
      requestId: null,
    });
    expect(handle({ type: 'load', docs: '{' })).toMatchObject({ type: 'error', requestId: null });
  });

  it('builds the index on load and counts documents', async () => {
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
    expect(unpacked(await response)).toMatchObject({
      type: 'results',
      requestId: 7,
      hits: [{ listingId: 'el-sugon' }],
    });
  });
});

describe('search worker handler with a search file', () => {
  const text = listingsFileText(
    SCHEMA_VERSION,
    LISTINGS.map((listing) => JSON.stringify(listing)),
  );
  const sha256 = createHash('sha256').update(text).digest('hex');
  const URL = '/data/search.bin';
  /** The search file as the manifest names it: where, and the SHA-256 of `searchBytes`. */
  const refTo = (searchBytes: string | Uint8Array = '') => ({
    url: URL,
    sha256: createHash('sha256').update(searchBytes).digest('hex'),
  });

  /** A handler whose `fetch` serves `files` (a missing one is a 404) and counts what it asked. */
  function handlerServing(files: Record<string, string | Uint8Array>, quietAfterSearchMs?: number) {
    const asked: string[] = [];
    const handle = createSearchWorkerHandler({
      ...(quietAfterSearchMs === undefined ? {} : { quietAfterSearchMs }),
      fetchBytes: (url) => {
        asked.push(url);
        const file = files[url];
        return file === undefined
          ? Promise.reject(new Error('HTTP 404'))
          : Promise.resolve(bufferOf(file));
      },
    });
    const load = (searchFile?: { url: string; sha256: string }) =>
      handle({
        type: 'load-listings-file',
        bytes: new TextEncoder().encode(text).buffer,
        file: 'listings.json',
        count: 2,
        ...(searchFile === undefined ? {} : { searchFile }),
      });
    return { handle, asked, load };
  }

  it('indexes one written with these listings, downloaded while they are checked', async () => {
    const searchBytes = searchFileBytes(LISTINGS, sha256);
    const { handle, asked, load } = handlerServing({ [URL]: searchBytes });
    const loading = load(refTo(searchBytes));
    // Asked for with the listings, so it downloads while the worker checks them.
    expect(asked).toEqual([URL]);
    await loading;
    expect(await handle({ type: 'index-listings' })).toEqual({
      type: 'ready',
      docCount: 3,
      millis: expect.any(Number) as unknown,
    });
    expect(asked).toEqual([URL]); // once
    expect(
      unpacked(await handle({ type: 'search', requestId: 1, query: 'dawning' })),
    ).toMatchObject({
      // Which name matched; how it is written is the page's to say, from the listings.
      hits: [{ listingId: 'el-sugon', matchedName: '', matchedSlot: 1, matchedKind: 'aka' }],
    });
    // MiniSearch follows, for the OR reading.
    expect(
      unpacked(await handle({ type: 'search', requestId: 2, query: 'megvii zzyzx qqqq' })),
    ).toMatchObject({ hits: [{ listingId: 'el-megvii' }] });
    // A copy of the checked file, for the page's own index: handed over once.
    expect(copiedBytes(await handle({ type: 'search-file-copy', maxDocs: 3 }))).toEqual([
      ...searchBytes,
    ]);
    expect(await handle({ type: 'search-file-copy', maxDocs: 3 })).toEqual({
      type: 'search-file-copy',
      bytes: null,
    });
  });

  it('downloads the file asked for before the listings came, once, and indexes it', async () => {
    const searchBytes = searchFileBytes(LISTINGS, sha256);
    const { handle, asked, load } = handlerServing({ [URL]: searchBytes });
    // Not answered: the page's first script sends it, before the app could listen.
    expect(handle({ type: 'prefetch-search-file', url: URL })).toBeNull();
    expect(handle({ type: 'prefetch-search-file', url: URL })).toBeNull();
    expect(asked).toEqual([URL]);
    await load(refTo(searchBytes));
    expect(asked).toEqual([URL]); // not again: the manifest names the same file
    const ready = await handle({ type: 'index-listings' });
    expect(ready).toMatchObject({ type: 'ready', docCount: 3 });
    expect(ready).not.toHaveProperty('searchFileProblem');
    expect(copiedBytes(await handle({ type: 'search-file-copy', maxDocs: 3 }))).toEqual([
      ...searchBytes,
    ]);
  });

  it('downloads the file the manifest names when another was asked for early', async () => {
    const searchBytes = searchFileBytes(LISTINGS, sha256);
    const { handle, asked, load } = handlerServing({
      [URL]: searchBytes,
      '/data/old-search.bin': searchFileBytes(LISTINGS, 'b'.repeat(64)),
    });
    handle({ type: 'prefetch-search-file', url: '/data/old-search.bin' });
    await load(refTo(searchBytes));
    expect(asked).toEqual(['/data/old-search.bin', URL]);
    const ready = await handle({ type: 'index-listings' });
    expect(ready).toMatchObject({ type: 'ready', docCount: 3 });
    expect(ready).not.toHaveProperty('searchFileProblem');
  });

  /** Asks `handle` for the search file before the manifest, then to make search ready from it,
   * as the page does before the listings come: `ref` is the manifest's reference to the file. */
  function askEarly(
    handle: ReturnType<typeof handlerServing>['handle'],
    ref: { url: string; sha256: string },
    listingsSha256 = sha256,
  ) {
    handle({ type: 'prefetch-search-file', url: URL });
    return handle({ type: 'index-search-file', searchFile: ref, listingsSha256 });
  }

  it('is made ready from the search file before the listings come, and names its hits', async () => {
    const searchBytes = searchFileBytes(LISTINGS, sha256);
    const { handle, asked, load } = handlerServing({ [URL]: searchBytes });
    expect(await askEarly(handle, refTo(searchBytes))).toMatchObject({
      type: 'ready',
      docCount: 3,
    });
    // Named by the file's primary names: no listing needed.
    expect(await handle({ type: 'preview', requestId: 4, query: 'dawning', limit: 5 })).toEqual({
      type: 'preview',
      requestId: 4,
      total: 1,
      rows: [
        {
          listingId: 'el-sugon',
          name: 'Sugon',
          list: LISTINGS[1]!.list,
          matchedKind: 'aka',
          quality: expect.any(String) as unknown,
        },
      ],
      millis: expect.any(Number) as unknown,
    });
    // Counted in full, shown up to the limit.
    const limited = await handle({ type: 'preview', requestId: 5, query: 'megvii', limit: 0 });
    expect(limited).toMatchObject({ total: 1, rows: [] });
    // The listings it was written with: the same index, not made again, and the file not asked
    // for again.
    await load(refTo(searchBytes));
    const ready = await handle({ type: 'index-listings' });
    expect(ready).toMatchObject({ type: 'ready', docCount: 3 });
    expect(ready).not.toHaveProperty('searchFileProblem');
    expect(asked).toEqual([URL]);
    expect(unpacked(await handle({ type: 'search', requestId: 6, query: 'megvii' }))).toMatchObject(
      { hits: [{ listingId: 'el-megvii' }] },
    );
  });

  it('searches a file whose names as written are damaged, and says so when asked for them', async () => {
    const parts = searchFileParts(LISTINGS, sha256);
    parts.primaryNames[1] = '';
    const damaged = encodeSearchFile(parts);
    const { handle } = handlerServing({ [URL]: damaged });
    expect(await askEarly(handle, refTo(damaged))).toMatchObject({ type: 'ready', docCount: 3 });
    // Given time for what follows "ready": the text is decoded then, its problem kept for later.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await handle({ type: 'preview', requestId: 1, query: 'megvii', limit: 5 })).toEqual({
      type: 'error',
      requestId: 1,
      message: expect.stringMatching(
        /^search\.bin: listing 2 \(el-sugon\): field "primaryNames": expected a non-empty string/,
      ) as unknown,
    });
    expect(unpacked(await handle({ type: 'search', requestId: 2, query: 'megvii' }))).toMatchObject(
      { hits: [{ listingId: 'el-megvii' }] },
    );
  });

  it('takes the bytes the page downloaded, and asks for them itself when the page could not', async () => {
    const searchBytes = searchFileBytes(LISTINGS, sha256);
    for (const blob of [new Blob([searchBytes]), null]) {
      const { handle, asked } = handlerServing({ [URL]: searchBytes });
      handle({ type: 'prefetch-search-file', url: URL, bytesFollow: true });
      const ready = handle({
        type: 'index-search-file',
        searchFile: refTo(searchBytes),
        listingsSha256: sha256,
      });
      expect(asked).toEqual([]);
      // Sent while `index-search-file` waits for them (the worker entry takes them at once).
      expect(handle({ type: 'search-file-bytes', url: URL, blob })).toBeNull();
      expect(await ready).toMatchObject({ type: 'ready', docCount: 3 });
      expect(asked).toEqual(blob === null ? [URL] : []);
    }
  });

  it.each([
    [
      'is not the one the manifest names',
      (text: Uint8Array) => ({ ...refTo(text), sha256: 'c'.repeat(64) }),
      sha256,
      /does not match the manifest/,
    ],
    [
      'was written with other listings than the manifest names',
      refTo,
      'd'.repeat(64),
      /other listings than the manifest's/,
    ],
  ])(
    'is not made ready before the listings from a file that %s, and indexes them when they come',
    async (_case, ref, listingsSha256, problem) => {
      const searchBytes = searchFileBytes(LISTINGS, sha256);
      const { handle, load } = handlerServing({ [URL]: searchBytes });
      const early = await askEarly(handle, ref(searchBytes), listingsSha256);
      expect(early).toMatchObject({ type: 'error', requestId: null });
      expect(early !== null && 'message' in early ? early.message : '').toMatch(problem);
      expect(
        await handle({ type: 'preview', requestId: 1, query: 'megvii', limit: 5 }),
      ).toMatchObject({
        type: 'error',
        requestId: 1,
      });
      await load(ref(searchBytes));
      const ready = await handle({ type: 'index-listings' });
      expect(ready).toMatchObject({ type: 'ready', docCount: 3 });
      expect(
        unpacked(await handle({ type: 'search', requestId: 2, query: 'megvii' })),
      ).toMatchObject({ hits: [{ listingId: 'el-megvii' }] });
    },
  );

  it('does not keep an index read early when the listings that come are not those it was written with', async () => {
    const searchBytes = searchFileBytes(LISTINGS, sha256);
    const { handle } = handlerServing({ [URL]: searchBytes });
    expect(await askEarly(handle, refTo(searchBytes))).toMatchObject({ type: 'ready' });
    const other = [makeListing('el-other', 'Other Trading'), ...LISTINGS];
    const otherText = listingsFileText(
      SCHEMA_VERSION,
      other.map((listing) => JSON.stringify(listing)),
    );
    await handle({
      type: 'load-listings-file',
      bytes: new TextEncoder().encode(otherText).buffer,
      file: 'listings.json',
      count: 3,
      searchFile: refTo(searchBytes),
    });
    const ready = await handle({ type: 'index-listings' });
    expect(ready).toMatchObject({ type: 'ready', docCount: 4 });
    expect(ready !== null && 'searchFileProblem' in ready ? ready.searchFileProblem : '').toMatch(
      /other listings/,
    );
    // Searches the listings that came, no longer the file's.
    expect(await handle({ type: 'preview', requestId: 1, query: 'other', limit: 5 })).toMatchObject(
      {
        type: 'error',
      },
    );
    expect(
      unpacked(await handle({ type: 'search', requestId: 2, query: 'other trading' })),
    ).toMatchObject({ hits: [{ listingId: 'el-other' }] });
  });

  it.each([
    [3, 'the page takes the text (it answers the keystrokes)', true],
    [2, 'the page keeps no copy (this worker answers every keystroke)', false],
  ])(
    'adds MiniSearch before a query needs it only when, asked with a limit of %i documents, %s',
    async (maxDocs, _case, addedAhead) => {
      const searchBytes = searchFileBytes(LISTINGS, sha256);
      const { handle, load } = handlerServing({ [URL]: searchBytes }, 0);
      await load(refTo(searchBytes));
      expect(await handle({ type: 'index-listings' })).toMatchObject({ type: 'ready' });
      await handle({ type: 'search-file-copy', maxDocs });
      // Time enough for its slices, had they begun: an answer without waiting is not a Promise.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const answer = handle({ type: 'search', requestId: 1, query: 'megvii zzyzx qqqq' });
      expect(answer instanceof Promise).toBe(!addedAhead);
      expect(unpacked(await answer)).toMatchObject({ hits: [{ listingId: 'el-megvii' }] });
    },
  );

  it('keeps the text from a page that keeps no copy of an index that large', async () => {
    const searchBytes = searchFileBytes(LISTINGS, sha256);
    const { handle, load } = handlerServing({ [URL]: searchBytes });
    await load(refTo(searchBytes));
    expect(await handle({ type: 'index-listings' })).toMatchObject({ docCount: 3 });
    expect(await handle({ type: 'search-file-copy', maxDocs: 2 })).toEqual({
      type: 'search-file-copy',
      bytes: null,
    });
  });

  const written = () => searchFileBytes(LISTINGS, sha256);
  it.each([
    [
      'was written with other listings',
      searchFileBytes(LISTINGS, 'b'.repeat(64)),
      undefined,
      /other listings/,
    ],
    ['is missing', undefined, undefined, /^search\.bin: HTTP 404$/],
    [
      'is not a search file',
      '{"format":',
      undefined,
      /^search\.bin: the file: is not a search file/,
    ],
    // Its last byte changed: not the file the manifest vouches for, whatever it holds.
    [
      'is not the one the manifest names',
      (() => {
        const changed = written();
        changed[changed.length - 1] = 1;
        return changed;
      })(),
      written(),
      /does not match the manifest/,
    ],
  ])(
    'indexes the listings instead, and says why, when it %s',
    async (_case, searchBytes, manifestText, problem) => {
      const { handle, load } = handlerServing(
        searchBytes === undefined ? {} : { [URL]: searchBytes },
      );
      await load(refTo(manifestText ?? searchBytes));
      const ready = await handle({ type: 'index-listings' });
      expect(ready).toMatchObject({ type: 'ready', docCount: 3 });
      expect(ready !== null && 'searchFileProblem' in ready ? ready.searchFileProblem : '').toMatch(
        problem,
      );
      expect(
        unpacked(await handle({ type: 'search', requestId: 1, query: 'megvii' })),
      ).toMatchObject({
        hits: [{ listingId: 'el-megvii' }],
      });
      // Nothing for the page to read its index from: it builds it from the listings.
      expect(await handle({ type: 'search-file-copy', maxDocs: 3 })).toMatchObject({ bytes: null });
    },
  );
});

/** The bytes a `search-file-copy` answer holds, as numbers (an ArrayBuffer's `toEqual` does not
 * compare its bytes). */
function copiedBytes(response: unknown): number[] | null {
  const { type, bytes } = response as { type: string; bytes: ArrayBuffer | null };
  if (type !== 'search-file-copy') throw new Error(`expected a copy, got "${type}"`);
  return bytes === null ? null : [...new Uint8Array(bytes)];
}

/** A fresh buffer of `file` for each download: the worker reads its numbers over it. */
function bufferOf(file: string | Uint8Array): ArrayBuffer {
  return typeof file === 'string' ? new TextEncoder().encode(file).buffer : file.slice().buffer;
}

describe('search client', () => {
  it('loads, then searches through the worker', async () => {
    const client = createSearchClient(inThreadPort());
    await expect(client.load(LISTINGS)).resolves.toMatchObject({ docCount: 3 });
    const hits = await client.search('megvii');
    expect(idsOf(hits)).toEqual(['el-megvii']);
    // Indexed from the listings: no search file for the page to read.
    await expect(client.searchFileCopy(3)).resolves.toBeNull();
  });

  it('supersedes an older search: it rejects and its late result is dropped', async () => {
    const port = inThreadPort();
    const client = createSearchClient(port);
    await client.load(LISTINGS);
    const older = client.search('meg');
    const newer = client.search('sugon');
    await expect(older).rejects.toBeInstanceOf(SearchSupersededError);
    const hits = await newer;
    expect(idsOf(hits)).toEqual(['el-sugon']);
    expect(port.posted.filter((request) => request.type === 'search')).toHaveLength(2);
  });

  it.each([
    ['one JSON line', false],
    ['one listing per line', true],
  ])(
    'validates a listings file (%s) in the worker, naming the first bad listing of its share, then indexes it',
    async (_layout, byLine) => {
      const client = createSearchClient(inThreadPort());
      const encode = (listings: unknown[]) =>
        new TextEncoder().encode(
          byLine
            ? listingsFileText(
                SCHEMA_VERSION,
                listings.map((listing) => JSON.stringify(listing)),
              )
            : JSON.stringify({ schemaVersion: SCHEMA_VERSION, listings }),
        ).buffer;
      // Enough listings that the worker's share is neither none nor all of them.
      const many = Array.from({ length: 10 }, (_, index) =>
        makeListing(`sdn-${index}`, `Company Number ${index}`),
      );
      const share = workerValidationEnd(many.length);
      expect(share).toBeGreaterThan(0);
      expect(share).toBeLessThan(many.length);
      await expect(
        client.loadListingsFile(encode(many), 'listings.json', many.length),
      ).resolves.toMatchObject({
        problem: null,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      });

      // The worker judges its share, the first listings (the page validates the rest).
      const breakAt = (index: number) =>
        many.map((listing, at) =>
          at === index ? { ...listing, sector: { sector: 'nope' } } : listing,
        );
      const { problem } = await client.loadListingsFile(
        encode(breakAt(share - 1)),
        'listings.json',
        many.length,
      );
      expect(problem).toMatch(
        new RegExp(`^listings\\.json, listing ${share}: field "sector\\.sector"`),
      );
      const after = await client.loadListingsFile(
        encode(breakAt(share)),
        'listings.json',
        many.length,
      );
      expect(after.problem).toBeNull();
      // Every listing is indexed, the worker's share and the rest.
      await expect(client.indexListings()).resolves.toMatchObject({ docCount: many.length });
      expect(idsOf(await client.search('number 9'))).toEqual(['sdn-9']);
      expect(idsOf(await client.search('number 0'))).toEqual(['sdn-0']);
    },
  );

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
    expect(idsOf(await again)).toEqual(['el-sugon']);
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

describe('hits in the page order', () => {
  it("answer with each listing's position in the order the page gave, from then on", async () => {
    const port = inThreadPort();
    const client = createSearchClient(port);
    await client.load(LISTINGS);
    expect(idsOf(await client.search('sugon'))).toEqual(['el-sugon']);
    // Not the index's order (and naming a listing it lacks): looked up id by id.
    const order = client.setHitOrder({
      ids: ['sdn-x', 'el-sugon', 'el-megvii'].join('\n'),
      positions: Int32Array.of(7, 4, 9),
    });
    const hits = await client.search('sugon');
    expect(hits.order).toBe(order);
    expect(hits.listingIds).toBeNull();
    expect(Array.from(hits.positions)).toEqual([4]);
    expect(unpackHit(hits, 0, 'el-sugon')).toMatchObject({ matchedSlot: 0, quality: 'exact' });
    // The index's own order: taken as it comes.
    client.setHitOrder({ ids: 'el-megvii\nel-sugon', positions: Int32Array.of(3, 2) });
    expect(Array.from((await client.search('sugon')).positions)).toEqual([2]);
    expect(Array.from((await client.search('megvii')).positions)).toEqual([3]);
  });

  it("are asked for by the explorer's port, telling the worker each facts array's order once", async () => {
    const port = inThreadPort();
    const client = createSearchClient(port);
    await client.load(LISTINGS);
    const explorer = explorerSearchPort(client);
    const facts = LISTINGS.map(deriveFacts);
    explorer.prepare(facts);
    expect(port.posted.at(-1)).toMatchObject({ type: 'hit-order' });
    const hits = await explorer.search('megvii', facts);
    expect(Array.from(hits.positions)).toEqual([0]);
    expect(Array.from((await explorer.search('sugon', facts)).positions)).toEqual([1]);
    const reversed = [...facts].reverse();
    expect(Array.from((await explorer.search('sugon', reversed)).positions)).toEqual([0]);
    const orders = port.posted.filter((request) => request.type === 'hit-order');
    // Both told in the listings' order, each with where its facts keep them.
    expect(orders.map((request) => [request.ids, Array.from(request.positions)])).toEqual([
      ['el-megvii\nel-sugon', [0, 1]],
      ['el-megvii\nel-sugon', [1, 0]],
    ]);
  });
});

describe('hitOrderOf', () => {
  const facts = [
    makeListing('el-c', 'Charlie'),
    makeListing('el-a', 'Alpha'),
    makeListing('el-b', 'Bravo'),
  ].map(deriveFacts);
  const byName = [facts[1]!, facts[2]!, facts[0]!];

  it("tells the facts' positions in the order of the listings they came from", () => {
    const { ids, positions } = hitOrderOf(byName);
    expect(ids).toBe('el-c\nel-a\nel-b');
    expect(Array.from(positions)).toEqual([2, 0, 1]);
  });

  it('tells facts that are not one each of a whole listings array in their own order', () => {
    for (const some of [byName.slice(1), [facts[0]!, facts[0]!, facts[1]!]]) {
      const { ids, positions } = hitOrderOf(some);
      expect(ids).toBe(some.map((fact) => fact.listing.id).join('\n'));
      expect(Array.from(positions)).toEqual(some.map((_, position) => position));
    }
  });
});

describe('positionsByListing', () => {
  const index = buildSearchIndex(LISTINGS.flatMap(toSearchDocs));

  it("takes the positions as they come when the ids are the index's own, in order", () => {
    expect(index.listingIds).toEqual(['el-megvii', 'el-sugon']);
    const positions = Int32Array.of(1, 0);
    expect(positionsByListing(index, { ids: 'el-megvii\nel-sugon', positions })).toBe(positions);
  });

  it('looks up other orders id by id, -1 for a listing they lack', () => {
    const byListing = (ids: string[], positions: number[]) =>
      Array.from(
        positionsByListing(index, { ids: ids.join('\n'), positions: Int32Array.from(positions) }),
      );
    expect(byListing(['el-sugon', 'el-megvii'], [5, 6])).toEqual([6, 5]);
    expect(byListing(['el-x', 'el-sugon'], [5, 6])).toEqual([-1, 6]);
    expect(byListing([], [])).toEqual([-1, -1]);
  });
});
