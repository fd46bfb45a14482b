/**
 * The worker's logic without the worker: request in, response out, holding the index between
 * calls. `search-worker.ts` wires it to `self`; tests call it directly (Redoc's SearchWorker pattern).
 */
import {
  addMiniSearchInSlices,
  buildSearchIndex,
  indexFromSearchFile,
  NeedsMiniSearchError,
  nextTask,
  type SearchFileIndex,
  searchDocCount,
  searchListings,
  searchListingsRanked,
  type SearchIndex,
} from './engine';
import type { HitOrder, SearchWorkerRequest, SearchWorkerResponse } from './protocol';
import { packRankedHits } from './packed-hits';
import type { SearchFileRef } from '../domain/data-files';
import { firstInvalidListing, sha256Hex, workerValidationEnd } from '../data/validate-listings';
import { docsFromListings, parseSearchDocs } from './search-docs';
import { normalizerFingerprint, readSearchFile, type SearchFile } from './search-file';
import { readListingsInParts, type ListingsInParts } from '../data/listings-lines';
import { SCHEMA_VERSION } from '../domain/listing';

/** Answers one request (null: one that is not answered); reading a listings file is asynchronous
 * (it waits for the hash), and the worker entry answers requests strictly in order. */
export type SearchWorkerHandler = (
  request: SearchWorkerRequest,
) => SearchWorkerResponse | Promise<SearchWorkerResponse> | null;

/** What the handler needs of its surroundings; tests pass their own. */
export interface SearchWorkerEnvironment {
  /** The bytes of a same-origin URL (the worker's download). */
  readonly fetchBytes: (url: string) => Promise<ArrayBuffer>;
  /** How long after a search MiniSearch's slices wait to resume (`pauseWhileTyping`). */
  readonly quietAfterSearchMs?: number;
}

/**
 * The bytes at `url`. By XMLHttpRequest as a Blob where there is one: the browser gathers the
 * body off this thread, which meanwhile parses and validates its share of the listings; read by
 * `fetch`, the body waited for those long tasks and arrived ~0.9 s after it was asked for.
 */
function fetchBytes(url: string): Promise<ArrayBuffer> {
  if (typeof XMLHttpRequest !== 'function') {
    // As the page's own requests: a cached copy is used only once the server confirms it.
    return fetch(url, { cache: 'no-cache' }).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.arrayBuffer();
    });
  }
  return new Promise<Blob>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('GET', url);
    request.responseType = 'blob';
    request.setRequestHeader('Cache-Control', 'max-age=0');
    request.onload = () =>
      request.status === 200
        ? resolve(request.response as Blob)
        : reject(new Error(`HTTP ${request.status}`));
    request.onerror =
      request.ontimeout =
      request.onabort =
        () => reject(new Error('the request failed'));
    request.send();
  }).then((blob) => blob.arrayBuffer());
}

/** How long after a search MiniSearch's slices wait to resume (see `pauseWhileTyping`). */
const QUIET_AFTER_SEARCH_MS = 300;

/** A search file on its way: the SHA-256 of its bytes (null: this worker cannot hash), and its
 * bytes, read and checked (`readSearchFile`); used only once both hashes are checked. */
interface SearchFileDownload {
  readonly url: string;
  /** Its file name, for messages. */
  readonly name: string;
  readonly sha256: Promise<string | null>;
  readonly read: Promise<{ readonly bytes: ArrayBuffer; readonly file: SearchFile }>;
  /** Its index, made as soon as it is read, before anything says it may be used: only for the
   * file asked for before the manifest (`prefetch-search-file`), read while this thread has
   * nothing else to do. Used only once the hashes match (`indexSearchFileEarly`). */
  readonly index?: Promise<SearchFileIndex>;
}

export function createSearchWorkerHandler(
  environment: SearchWorkerEnvironment = { fetchBytes },
): SearchWorkerHandler {
  const quietMs = environment.quietAfterSearchMs ?? QUIET_AFTER_SEARCH_MS;
  let index: SearchIndex | null = null;
  /** Adds MiniSearch to `index`, a slice at a time between searches (see `miniSearchFor`). */
  let addMiniSearch: (() => Promise<void>) | null = null;
  /** Settles once the index has MiniSearch, which the OR reading needs; null until begun. */
  let miniSearchAdded: Promise<void> | null = null;

  /**
   * MiniSearch for the OR reading, begun once: when the page says it searches on its own (it
   * takes a copy of the search file, `search-file-copy`), or when a query first needs it. While
   * this worker answers every keystroke (an index above the page's limit), it is left out of the
   * way: its build begins by making every name's objects (0.6 s in one task at 10× the lists, in
   * Node), and their collections followed. At 10×, a first keystroke typed half a second after
   * "Search ready" took 0.9–1.2 s, and 52–74 ms without it and the whole-names Map
   * (`engine.ts`).
   */
  function miniSearchFor(): Promise<void> {
    miniSearchAdded ??= addMiniSearch?.() ?? Promise.resolve();
    return miniSearchAdded;
  }

  /** Searches `built` from now on; `add` adds MiniSearch to it, null when it has it already. */
  function searchFrom(built: SearchIndex, add: (() => Promise<void>) | null): void {
    index = built;
    addMiniSearch = add;
    miniSearchAdded = null;
  }
  /** The last file read, kept until its listings are indexed, and its SHA-256 (null: none). */
  let listingsFile: ListingsInParts | null = null;
  let fileSha256: Promise<string | null> = Promise.resolve(null);
  /** The search file sent with the listings file, downloading since, for `index-listings`. */
  let searchDownload: {
    readonly ref: SearchFileRef;
    readonly download: SearchFileDownload;
  } | null = null;
  /** The search file asked for before the manifest (`prefetch-search-file`), until the listings
   * file comes with the manifest's reference to it. */
  let prefetched: SearchFileDownload | null = null;
  /** Takes the bytes the page downloaded of the prefetched file (`search-file-bytes`). */
  let receiveBytes: { readonly url: string; readonly take: (blob: Blob | null) => void } | null =
    null;

  /**
   * Downloads the search file at `url` (as a Blob, off this thread), then hashes it and reads
   * it, both on this thread: Chromium computes SubtleCrypto's digest on the calling thread
   * (6–40 ms for the real lists' 1.5 MB file in a worker). Asked for before the listings came
   * (`prefetch-search-file`), it is read while this thread has nothing else to do: read after
   * their check, it held "ready" back ~0.1 s. What reading it found wrong is told only once the
   * hashes say it is the file the manifest names, for these listings.
   */
  function download(url: string, sent?: Promise<Blob | null>): SearchFileDownload {
    const name = new URL(url, 'http://localhost/').pathname.split('/').pop() ?? url;
    const fetched =
      sent === undefined
        ? environment.fetchBytes(url)
        : sent.then((blob) => (blob === null ? environment.fetchBytes(url) : blob.arrayBuffer()));
    const bytes = fetched.catch((error: unknown) => {
      throw new Error(`${name}: ${messageOf(error)}`);
    });
    const sha256 = bytes.then((downloaded) => sha256Hex(downloaded));
    const read = bytes.then((downloaded) => ({
      bytes: downloaded,
      file: readSearchFile(new Uint8Array(downloaded), name),
    }));
    // Reported by the `index-listings` that uses them.
    sha256.catch(() => undefined);
    read.catch(() => undefined);
    return { url, name, sha256, read };
  }
  /** The bytes of the search file indexed, until the page asks for a copy (`search-file-copy`). */
  let indexedSearchFileBytes: ArrayBuffer | null = null;
  /** The search file the index was read from, for `preview` to name its hits; null when the
   * listings were indexed instead. */
  let indexedSearchFile: SearchFile | null = null;
  /** The index read from the search file before the listings came (`index-search-file`): the
   * file it was read from, and the SHA-256 of the listings it was written with. */
  let earlyIndex: {
    readonly url: string;
    readonly sha256: string;
    readonly listingsSha256: string;
  } | null = null;
  /** When the last search came, on `performance.now()`'s clock. */
  let lastSearchAt = -Infinity;

  /**
   * What MiniSearch's slices await: the next task, and then, while the reader is typing, until
   * no search has come for `quietMs`. At 10× the lists the slices run for seconds; a search amid
   * them waited for the slice under way and for the young-generation collections of MiniSearch's
   * new objects (170–290 ms in a trace). Only a query that needs MiniSearch waits for it, and it
   * comes once the typing stops.
   */
  async function pauseWhileTyping(): Promise<void> {
    await nextTask();
    for (;;) {
      const wait = lastSearchAt + quietMs - performance.now();
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** The page's last `hit-order`, with its tag. */
  let hitOrder: ({ readonly order: number } & HitOrder) | null = null;
  /** Its positions by the listing numbers of the index they were made for. */
  let listingPositions: { readonly index: SearchIndex; readonly positions: Int32Array } | null =
    null;

  /** `hitOrder`'s positions by the listing numbers of `searched` (made once per order). */
  function positionsFor(searched: SearchIndex): Int32Array | undefined {
    if (hitOrder === null) return undefined;
    if (listingPositions?.index !== searched)
      listingPositions = { index: searched, positions: positionsByListing(searched, hitOrder) };
    return listingPositions.positions;
  }

  /** Indexes the listings themselves. Ready without MiniSearch (`miniSearchFor`): only a query
   * that no name matches all but one word of needs it, and it waits. */
  function indexListings(listings: ListingsInParts, started: number) {
    const docs = docsFromListings([...listings.leading, ...listings.remaining()]);
    const built = buildSearchIndex(docs, { miniSearch: false });
    searchFrom(built, () => addMiniSearchInSlices(built, docs, pauseWhileTyping));
    indexedSearchFile = null;
    indexedSearchFileBytes = null;
    earlyIndex = null;
    listingsFile = null;
    return { type: 'ready', docCount: searchDocCount(built), millis: since(started) } as const;
  }

  /** Searches the index read from `file` (its bytes checked already) from now on: `made`, when
   * it was made already. */
  function searchFromFile(bytes: ArrayBuffer, file: SearchFile, made?: SearchFileIndex): number {
    const { index: built, allDocs, laterTables } = made ?? indexFromSearchFile(file);
    searchFrom(built, () =>
      nextTask().then(() => addMiniSearchInSlices(built, allDocs(), pauseWhileTyping)),
    );
    // Made once "ready" is posted, each in a task of its own, so that a search that comes
    // meanwhile waits for one at most (and finds the others made when it needs them).
    // The file's text as the lists write it (names, identifiers' values) is decoded first.
    void (async () => {
      for (const make of [() => void file.written(), ...laterTables]) {
        await nextTask();
        try {
          make();
        } catch {
          // That text damaged: said by the preview or search that needs it, which throws too.
        }
      }
    })();
    indexedSearchFileBytes = bytes;
    indexedSearchFile = file;
    return searchDocCount(built);
  }

  /**
   * The search file's bytes and reading, once they have the manifest's SHA-256
   * (`searchFile.sha256`) and it was written with listings of `listingsSha256`, which `whose`
   * names in the message when not. The hashes first: a damaged file is reported as damaged,
   * whatever reading it found.
   */
  async function checkedSearchFile(
    searchFile: SearchFileRef,
    downloaded: SearchFileDownload,
    listingsSha256: Promise<string | null>,
    whose: 'these' | "the manifest's",
  ): Promise<{ readonly bytes: ArrayBuffer; readonly file: SearchFile }> {
    const { name } = downloaded;
    const [sha256, listings] = await Promise.all([downloaded.sha256, listingsSha256]);
    if (sha256 === null || listings === null)
      throw new Error(
        `${name}: no SHA-256 here to check it against the manifest${whose === 'these' ? ' and listings' : ''}`,
      );
    if (sha256 !== searchFile.sha256)
      throw new Error(`${name} does not match the manifest (SHA-256 differs): damaged or stale`);
    const read = await downloaded.read;
    if (read.file.listingsSha256 !== listings)
      throw new Error(`${name}: written with other listings than ${whose} (SHA-256 differs)`);
    return read;
  }

  /**
   * Indexes the search file the manifest names before the listings have come: its bytes must
   * have the manifest's SHA-256, and it must have been written with listings of the manifest's
   * SHA-256 (`listingsSha256`). The page checks the listings file against that same SHA-256, so
   * once it arrives the two are known to belong together without indexing again.
   */
  async function indexSearchFileEarly(
    searchFile: SearchFileRef,
    downloaded: SearchFileDownload,
    listingsSha256: string,
    started: number,
  ): Promise<SearchWorkerResponse> {
    const { bytes, file } = await checkedSearchFile(
      searchFile,
      downloaded,
      Promise.resolve(listingsSha256),
      "the manifest's",
    );
    const docCount = searchFromFile(bytes, file, await downloaded.index);
    earlyIndex = { url: searchFile.url, sha256: searchFile.sha256, listingsSha256 };
    return { type: 'ready', docCount, millis: since(started) };
  }

  /**
   * Indexes the search file `searchFile` when its bytes have the manifest's SHA-256 and it was
   * written with these very listings (its `listingsSha256` is theirs): ~0.1 s of lookup tables
   * (`indexFromSearchFile`) instead of ~0.9 s of building from the listings. Otherwise the
   * listings are indexed, and the answer says why the file was not used.
   */
  async function indexSearchFile(
    searchFile: SearchFileRef,
    downloaded: SearchFileDownload,
    listings: ListingsInParts,
    started: number,
  ): Promise<SearchWorkerResponse> {
    let problem: string;
    try {
      const early = earlyIndex;
      if (early !== null && early.url === searchFile.url && early.sha256 === searchFile.sha256) {
        // Read already, before the listings came: kept when they are the ones it was written with.
        const listingsSha256 = await fileSha256;
        if (listingsSha256 === early.listingsSha256 && index !== null) {
          listingsFile = null;
          return { type: 'ready', docCount: searchDocCount(index), millis: since(started) };
        }
      }
      earlyIndex = null;
      const { bytes, file } = await checkedSearchFile(searchFile, downloaded, fileSha256, 'these');
      const docCount = searchFromFile(bytes, file, await downloaded.index);
      listingsFile = null;
      return { type: 'ready', docCount, millis: since(started) };
    } catch (error) {
      problem = messageOf(error);
    }
    return { ...indexListings(listings, started), searchFileProblem: problem };
  }

  /** `answer` of `search()`; a query that needs MiniSearch (the OR reading) waits for it. */
  function withMiniSearch<Hits>(
    requestId: number,
    search: () => Hits,
    answer: (hits: Hits) => SearchWorkerResponse,
  ): SearchWorkerResponse | Promise<SearchWorkerResponse> {
    try {
      return answer(search());
    } catch (error) {
      if (!(error instanceof NeedsMiniSearchError)) throw error;
      return miniSearchFor()
        .then(() => answer(search()))
        .catch((failure: unknown): SearchWorkerResponse => ({
          type: 'error',
          requestId,
          message: messageOf(failure),
        }));
    }
  }

  return (request) => {
    const started = performance.now();
    try {
      if (request.type === 'load') {
        const built = buildSearchIndex(parseSearchDocs(request.docs));
        searchFrom(built, null);
        return { type: 'ready', docCount: searchDocCount(built), millis: since(started) };
      }
      if (request.type === 'prefetch-search-file') {
        if (prefetched === null) {
          const { url } = request;
          const sent = request.bytesFollow
            ? new Promise<Blob | null>((take) => {
                receiveBytes = { url, take };
              })
            : undefined;
          const downloaded = download(url, sent);
          const index = downloaded.read.then(({ file }) => indexFromSearchFile(file));
          index.catch(() => undefined); // reported by `index-search-file`, when asked
          prefetched = { ...downloaded, index };
        }
        return null;
      }
      if (request.type === 'search-file-bytes') {
        if (receiveBytes?.url === request.url) {
          receiveBytes.take(request.blob);
          // While the Blob is read (~60 ms in a cold load, this thread idle): the fingerprint the
          // file's header is checked against, ~5 ms in Node the first time.
          setTimeout(normalizerFingerprint, 0);
        }
        receiveBytes = null;
        return null;
      }
      if (request.type === 'index-search-file') {
        const { searchFile, listingsSha256 } = request;
        // Kept for `load-listings-file`, which names the same file: downloaded once.
        prefetched = prefetched?.url === searchFile.url ? prefetched : download(searchFile.url);
        return indexSearchFileEarly(searchFile, prefetched, listingsSha256, started).catch(
          (error: unknown): SearchWorkerResponse => ({
            type: 'error',
            requestId: null,
            message: messageOf(error),
          }),
        );
      }
      if (request.type === 'load-listings-file') {
        // Downloaded while this thread checks its share of the listings, or since it started
        // (`prefetch-search-file`), when the manifest names the file asked for then.
        const { searchFile } = request;
        const early = prefetched;
        prefetched = null;
        searchDownload =
          searchFile === undefined
            ? null
            : {
                ref: searchFile,
                download: early?.url === searchFile.url ? early : download(searchFile.url),
              };
        // Hashed first, on this thread: Chromium computes the digest on the calling thread (the
        // real lists' 18 MB: 80–140 ms in an idle worker). Then the share is parsed and checked.
        const hashing = sha256Hex(request.bytes).catch(() => null);
        fileSha256 = hashing;
        const share = workerValidationEnd(request.count);
        // Only the share is parsed now, where the file's layout allows (listings-lines.ts).
        listingsFile = readListingsInParts(new Uint8Array(request.bytes), SCHEMA_VERSION, share);
        const { leading } = listingsFile;
        // A file with fewer listings than its manifest promises is refused by the page's count
        // check, which says so more plainly than "listing N is missing" would.
        const checking = firstInvalidListing(
          leading,
          request.file,
          0,
          Math.min(share, leading.length),
        );
        return Promise.all([checking, hashing]).then(([problem, sha256]) => ({
          type: 'validated',
          problem,
          sha256,
          millis: since(started),
        }));
      }
      if (request.type === 'index-listings') {
        const listings = listingsFile;
        if (listings === null) throw new Error('index-listings before load-listings-file');
        const offered = searchDownload;
        searchDownload = null;
        if (offered === null) return indexListings(listings, started);
        return indexSearchFile(offered.ref, offered.download, listings, started).catch(
          (error: unknown): SearchWorkerResponse => ({
            type: 'error',
            requestId: null,
            message: messageOf(error),
          }),
        );
      }
      if (request.type === 'hit-order') {
        hitOrder = request;
        listingPositions = null;
        // Made now, between searches, not in the first search.
        if (index !== null) positionsFor(index);
        return null;
      }
      if (request.type === 'search-file-copy') {
        const searchesOnItsOwn = index !== null && searchDocCount(index) <= request.maxDocs;
        const bytes = searchesOnItsOwn ? indexedSearchFileBytes : null;
        indexedSearchFileBytes = null;
        // The page answers the keystrokes now: MiniSearch's slices no longer come between them.
        if (searchesOnItsOwn) void miniSearchFor();
        // A copy: the index here reads its numbers over these very bytes.
        return { type: 'search-file-copy', bytes: bytes?.slice(0) ?? null };
      }
      if (index === null) {
        return { type: 'error', requestId: request.requestId, message: 'search before load' };
      }
      lastSearchAt = started;
      const searched = index;
      if (request.type === 'preview') {
        const named = indexedSearchFile;
        if (named === null)
          return { type: 'error', requestId: request.requestId, message: 'no names to preview' };
        const { requestId, query, limit } = request;
        // Decoded on the first preview (or after "ready", below), not on the way to "ready".
        const { primaryNames } = named.written();
        return withMiniSearch(
          requestId,
          () => searchListings(searched, query),
          (hits) => ({
            type: 'preview',
            requestId,
            total: hits.length,
            rows: hits.slice(0, limit).map((hit) => {
              const listing = searched.listingNumbers.get(hit.listingId) ?? -1;
              return {
                listingId: hit.listingId,
                name: primaryNames[listing] ?? hit.listingId,
                list: named.lists[listing] ?? '',
                matchedKind: hit.matchedKind,
                quality: hit.quality,
              };
            }),
            millis: since(started),
          }),
        );
      }
      const positions = positionsFor(searched);
      const search = () =>
        searchListingsRanked(searched, request.query, {
          candidateIds: request.candidateIds,
          listingPositions: positions,
        });
      return withMiniSearch(request.requestId, search, (hits) => ({
        type: 'results',
        requestId: request.requestId,
        hits: packRankedHits(hits, hitOrder?.order),
        millis: since(started),
      }));
    } catch (error) {
      return {
        type: 'error',
        requestId:
          request.type === 'search' || request.type === 'preview' ? request.requestId : null,
        message: messageOf(error),
      };
    }
  };
}

/**
 * `hitOrder`'s positions by `index`'s listing numbers, -1 for a listing it lacks. When its ids are
 * the index's own, in order (the page sends them in the listings file's order, which the index
 * keeps), they are its positions as they came: one comparison of two strings, no lookup per id.
 */
export function positionsByListing(index: SearchIndex, hitOrder: HitOrder): Int32Array {
  const { listingIds, listingNumbers } = index;
  const { ids, positions } = hitOrder;
  if (listingIds.length === positions.length && listingIds.join('\n') === ids) return positions;
  const byListing = new Int32Array(listingIds.length).fill(-1);
  if (ids === '') return byListing;
  ids.split('\n').forEach((id, at) => {
    const listing = listingNumbers.get(id);
    if (listing !== undefined) byListing[listing] = positions[at] ?? -1;
  });
  return byListing;
}

function since(started: number): number {
  return performance.now() - started;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
