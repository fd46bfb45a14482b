/**
 * The worker's logic without the worker: request in, response out, holding the index between
 * calls. `search-worker.ts` wires it to `self`; tests call it directly (Redoc's SearchWorker pattern).
 */
import {
  addMiniSearchInSlices,
  buildSearchIndex,
  NeedsMiniSearchError,
  nextTask,
  searchDocCount,
  searchListings,
  type SearchIndex,
} from './engine';
import type { SearchWorkerRequest, SearchWorkerResponse } from './protocol';
import { firstInvalidListing, sha256Hex, workerValidationEnd } from '../data/validate-listings';
import { docsFromListings, parseSearchDocs } from './search-docs';
import { readListingsInParts, type ListingsInParts } from '../data/listings-lines';
import { SCHEMA_VERSION } from '../domain/listing';

/** Answers one request; reading a listings file is asynchronous (it waits for the hash), and the
 * worker entry answers requests strictly in order. */
export type SearchWorkerHandler = (
  request: SearchWorkerRequest,
) => SearchWorkerResponse | Promise<SearchWorkerResponse>;

export function createSearchWorkerHandler(): SearchWorkerHandler {
  let index: SearchIndex | null = null;
  /** Settles once the index has MiniSearch, which the OR reading needs (see 'index-listings'). */
  let miniSearchAdded: Promise<void> = Promise.resolve();
  /** The last file read, kept until its listings are indexed. */
  let file: ListingsInParts | null = null;
  return (request) => {
    const started = performance.now();
    try {
      if (request.type === 'load') {
        index = buildSearchIndex(parseSearchDocs(request.docs));
        return {
          type: 'ready',
          docCount: searchDocCount(index),
          millis: performance.now() - started,
        };
      }
      if (request.type === 'load-listings-file') {
        // Hashed on the browser's crypto thread while this one parses and validates.
        const hashing = sha256Hex(request.bytes).catch(() => null);
        const share = workerValidationEnd(request.count);
        // Only the share is parsed now, where the file's layout allows (listings-lines.ts).
        file = readListingsInParts(new Uint8Array(request.bytes), SCHEMA_VERSION, share);
        const { leading } = file;
        // A file with fewer listings than its manifest promises is refused by the page's count
        // check, which says so more plainly than "listing N is missing" would.
        const problem = firstInvalidListing(
          leading,
          request.file,
          0,
          Math.min(share, leading.length),
        );
        return hashing.then((sha256) => ({
          type: 'validated',
          problem,
          sha256,
          millis: performance.now() - started,
        }));
      }
      if (request.type === 'index-listings') {
        if (file === null) throw new Error('index-listings before load-listings-file');
        const docs = docsFromListings([...file.leading, ...file.remaining()]);
        // Ready without MiniSearch, which follows in slices between searches: only a query that
        // no name matches all but one word of needs it, and it waits for it.
        const built = buildSearchIndex(docs, { miniSearch: false });
        index = built;
        miniSearchAdded = addMiniSearchInSlices(built, docs, nextTask);
        file = null;
        return {
          type: 'ready',
          docCount: searchDocCount(index),
          millis: performance.now() - started,
        };
      }
      if (index === null) {
        return { type: 'error', requestId: request.requestId, message: 'search before load' };
      }
      const searched = index;
      const search = () =>
        searchListings(searched, request.query, { candidateIds: request.candidateIds });
      const results = (hits: ReturnType<typeof searchListings>): SearchWorkerResponse => ({
        type: 'results',
        requestId: request.requestId,
        hits,
        millis: performance.now() - started,
      });
      try {
        return results(search());
      } catch (error) {
        if (!(error instanceof NeedsMiniSearchError)) throw error;
        return miniSearchAdded
          .then(() => results(search()))
          .catch((failure: unknown): SearchWorkerResponse => ({
            type: 'error',
            requestId: request.requestId,
            message: failure instanceof Error ? failure.message : String(failure),
          }));
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        type: 'error',
        requestId: request.type === 'search' ? request.requestId : null,
        message,
      };
    }
  };
}
