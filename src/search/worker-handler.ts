/**
 * The worker's logic without the worker: request in, response out, holding the index between
 * calls. `search-worker.ts` wires it to `self`; tests call it directly (Redoc's SearchWorker pattern).
 */
import { buildSearchIndex, searchDocCount, searchListings, type SearchIndex } from './engine';
import type { SearchWorkerRequest, SearchWorkerResponse } from './protocol';
import { firstInvalidListing, sha256Hex, workerValidationEnd } from '../data/validate-listings';
import { docsFromListings, parseSearchDocs, readListingsArray } from './search-docs';

/** Answers one request; reading a listings file is asynchronous (it waits for the hash), and the
 * worker entry answers requests strictly in order. */
export type SearchWorkerHandler = (
  request: SearchWorkerRequest,
) => SearchWorkerResponse | Promise<SearchWorkerResponse>;

export function createSearchWorkerHandler(): SearchWorkerHandler {
  let index: SearchIndex | null = null;
  /** The listings of the last file read, kept until they are indexed. */
  let listings: readonly unknown[] | null = null;
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
        listings = readListingsArray(request.bytes);
        const problem = firstInvalidListing(
          listings,
          request.file,
          0,
          workerValidationEnd(listings.length),
        );
        return hashing.then((sha256) => ({
          type: 'validated',
          problem,
          sha256,
          millis: performance.now() - started,
        }));
      }
      if (request.type === 'index-listings') {
        if (listings === null) throw new Error('index-listings before load-listings-file');
        index = buildSearchIndex(docsFromListings(listings));
        listings = null;
        return {
          type: 'ready',
          docCount: searchDocCount(index),
          millis: performance.now() - started,
        };
      }
      if (index === null) {
        return { type: 'error', requestId: request.requestId, message: 'search before load' };
      }
      const hits = searchListings(index, request.query, { candidateIds: request.candidateIds });
      return {
        type: 'results',
        requestId: request.requestId,
        hits,
        millis: performance.now() - started,
      };
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
