/**
 * The page's handle on the search worker. A newer search supersedes older ones: their promises
 * reject with `SearchSupersededError` and late results for them are dropped, so the list never
 * flickers back to the answer for a shorter prefix of what the user typed.
 */
import type { ListingsCheck } from '../data/validate-listings';
import type { Listing } from '../domain/listing';
import { toSearchDocs } from './search-docs';
import type { PackedHits } from './packed-hits';
import type { SearchFileRef } from '../domain/data-files';
import {
  isSearchWorkerResponse,
  type HitOrder,
  type PreviewRow,
  type SearchWorkerRequest,
  type SearchWorkerResponse,
} from './protocol';

/** The little a client needs of a worker; tests pass one backed by the handler in-thread. */
export interface SearchWorkerPort {
  post(request: SearchWorkerRequest, transfer?: Transferable[]): void;
  listen(onResponse: (response: unknown) => void, onFailure: (message: string) => void): void;
  terminate(): void;
}

export interface SearchClient {
  load(listings: readonly Listing[]): Promise<{ docCount: number; millis: number }>;
  /** Sends a `listings.json` file's bytes, transferred (the buffer becomes unusable here), to be
   * hashed, read and validated (the worker's share) in the worker, with the search file written
   * with them, if any, which the worker downloads meanwhile. */
  loadListingsFile(
    bytes: ArrayBuffer,
    file: string,
    count: number,
    searchFile?: SearchFileRef,
  ): Promise<ListingsCheck>;
  /** Indexes the search file the manifest names (`searchFile`) before the listings arrive, when
   * it has the manifest's SHA-256 and was written with listings of `listingsSha256`; rejects,
   * saying why, when it cannot. */
  indexSearchFile(
    searchFile: SearchFileRef,
    listingsSha256: string,
  ): Promise<{ docCount: number; millis: number }>;
  /** The first `limit` listings `query` finds, named from the search file alone (while the
   * listings are still arriving). A newer preview supersedes older ones, as `search` does. */
  preview(query: string, limit: number): Promise<SearchPreview>;
  /** Indexes the listings of the file `loadListingsFile` sent: from its search file when that
   * matches them, else from the listings. */
  indexListings(): Promise<{ docCount: number; millis: number }>;
  /** A copy of the search file the worker's index was read from, checked there; null when it
   * indexed the listings, or when its index has more than `maxDocs` documents. Once: the worker
   * keeps it only until asked. */
  searchFileCopy(maxDocs: number): Promise<ArrayBuffer | null>;
  /** Each hit's listing goes as its position in `hitOrder` from now on (`PackedHits.positions`),
   * in answers tagged with the returned order number, instead of as its id. Its positions are
   * transferred: the caller can no longer read them. */
  setHitOrder(hitOrder: HitOrder): number;
  /** The query's hits, best first, packed (`packed-hits.ts`). */
  search(query: string, candidateIds?: ReadonlySet<string>): Promise<PackedHits>;
  dispose(): void;
}

/** What `preview` finds: how many listings, and the first of them, best first. */
export interface SearchPreview {
  readonly total: number;
  readonly rows: readonly PreviewRow[];
}

export class SearchSupersededError extends Error {
  constructor(readonly query: string) {
    super(`search "${query}" was superseded by a newer one`);
    this.name = 'SearchSupersededError';
  }
}

/** Vite bundles `./search-worker.ts` (as `assets/search-worker-[hash].js`) from this exact `new Worker(new URL(...))` form. */
export function spawnSearchWorker(): Worker {
  return new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
}

export function createBrowserWorkerPort(worker: Worker = spawnSearchWorker()): SearchWorkerPort {
  return {
    post: (request, transfer) => worker.postMessage(request, transfer ?? []),
    listen: (onResponse, onFailure) => {
      worker.onmessage = (event: MessageEvent<unknown>) => onResponse(event.data);
      worker.onerror = (event: ErrorEvent) => onFailure(event.message);
    },
    terminate: () => worker.terminate(),
  };
}

interface Pending<T> {
  readonly resolve: (value: T) => void;
  readonly reject: (error: Error) => void;
}

interface PendingSearch extends Pending<PackedHits> {
  readonly query: string;
}

export function createSearchClient(
  port: SearchWorkerPort = createBrowserWorkerPort(),
): SearchClient {
  // Loads and validations answer in order (the worker handles messages one by one), so a FIFO
  // matches them; an error without a request id belongs to the oldest.
  const ordered: {
    readonly settle: (response: SearchWorkerResponse) => void;
    readonly reject: (error: Error) => void;
  }[] = [];
  const searches = new Map<number, PendingSearch>();
  const previews = new Map<number, Pending<SearchPreview> & { readonly query: string }>();
  let lastRequestId = 0;
  let lastOrder = 0;
  /** The newest search while it is unanswered: asking again for the same query joins it. */
  let inFlight: {
    readonly query: string;
    readonly candidateIds: ReadonlySet<string> | undefined;
    readonly answer: Promise<PackedHits>;
  } | null = null;

  function failAll(message: string): void {
    for (const pending of ordered.splice(0)) pending.reject(new Error(message));
    for (const search of searches.values()) search.reject(new Error(message));
    searches.clear();
    for (const preview of previews.values()) preview.reject(new Error(message));
    previews.clear();
  }

  function settle(response: SearchWorkerResponse): void {
    if (
      response.type === 'ready' ||
      response.type === 'validated' ||
      response.type === 'search-file-copy'
    ) {
      ordered.shift()?.settle(response);
    } else if (response.type === 'results') {
      searches.get(response.requestId)?.resolve(response.hits); // absent: stale, dropped
      searches.delete(response.requestId);
    } else if (response.type === 'preview') {
      previews.get(response.requestId)?.resolve(response);
      previews.delete(response.requestId);
    } else if (response.requestId === null) {
      ordered.shift()?.reject(new Error(response.message));
    } else {
      const error = new Error(response.message);
      searches.get(response.requestId)?.reject(error);
      searches.delete(response.requestId);
      previews.get(response.requestId)?.reject(error);
      previews.delete(response.requestId);
    }
  }

  port.listen(
    (response) => {
      if (isSearchWorkerResponse(response)) settle(response);
    },
    (message) => failAll(`search worker failed: ${message}`),
  );

  return {
    load: (listings) =>
      new Promise((resolve, reject) => {
        ordered.push({ settle: readyOrFail(resolve, reject), reject });
        port.post({ type: 'load', docs: JSON.stringify(listings.flatMap(toSearchDocs)) });
      }),
    loadListingsFile: (bytes, file, count, searchFile) =>
      new Promise((resolve, reject) => {
        ordered.push({
          settle: (response) =>
            response.type === 'validated'
              ? resolve({ problem: response.problem, sha256: response.sha256 })
              : reject(new Error(`expected "validated", the worker answered "${response.type}"`)),
          reject,
        });
        port.post(
          searchFile === undefined
            ? { type: 'load-listings-file', bytes, file, count }
            : { type: 'load-listings-file', bytes, file, count, searchFile },
          [bytes],
        );
      }),
    indexSearchFile: (searchFile, listingsSha256) =>
      new Promise((resolve, reject) => {
        ordered.push({ settle: readyOrFail(resolve, reject), reject });
        port.post({ type: 'index-search-file', searchFile, listingsSha256 });
      }),
    preview: (query, limit) =>
      new Promise((resolve, reject) => {
        for (const older of previews.values()) older.reject(new SearchSupersededError(older.query));
        previews.clear();
        lastRequestId += 1;
        previews.set(lastRequestId, { resolve, reject, query });
        port.post({ type: 'preview', requestId: lastRequestId, query, limit });
      }),
    indexListings: () =>
      new Promise((resolve, reject) => {
        ordered.push({ settle: readyOrFail(resolve, reject), reject });
        port.post({ type: 'index-listings' });
      }),
    searchFileCopy: (maxDocs) =>
      new Promise((resolve, reject) => {
        ordered.push({
          settle: (response) =>
            response.type === 'search-file-copy'
              ? resolve(response.bytes)
              : reject(
                  new Error(`expected the search file, the worker answered "${response.type}"`),
                ),
          reject,
        });
        port.post({ type: 'search-file-copy', maxDocs });
      }),
    setHitOrder: ({ ids, positions }) => {
      lastOrder += 1;
      // A search asked before is answered in the old order: not one to join.
      inFlight = null;
      port.post({ type: 'hit-order', order: lastOrder, ids, positions }, [positions.buffer]);
      return lastOrder;
    },
    search: (query, candidateIds) => {
      if (inFlight && inFlight.query === query && inFlight.candidateIds === candidateIds)
        return inFlight.answer;
      const answer = new Promise<PackedHits>((resolve, reject) => {
        for (const older of searches.values()) older.reject(new SearchSupersededError(older.query));
        searches.clear();
        lastRequestId += 1;
        searches.set(lastRequestId, { resolve, reject, query });
        port.post({ type: 'search', requestId: lastRequestId, query, candidateIds });
      });
      const current = { query, candidateIds, answer };
      inFlight = current;
      const settled = () => {
        if (inFlight === current) inFlight = null;
      };
      answer.then(settled, settled);
      return answer;
    },
    dispose: () => {
      failAll('search client disposed');
      port.terminate();
    },
  };
}

function readyOrFail(
  resolve: (value: { docCount: number; millis: number }) => void,
  reject: (error: Error) => void,
): (response: SearchWorkerResponse) => void {
  return (response) => {
    if (response.type !== 'ready') {
      reject(new Error(`expected "ready", the worker answered "${response.type}"`));
      return;
    }
    // Search works all the same (from the listings), a little later: worth a line for whoever
    // maintains the data, not a notice for the reader.
    if (response.searchFileProblem !== undefined)
      console.warn(`Search indexed the listings instead: ${response.searchFileProblem}`);
    resolve({ docCount: response.docCount, millis: response.millis });
  };
}
