/**
 * The worker's logic without the worker: request in, response out, holding the index between
 * calls. `search-worker.ts` wires it to `self`; tests call it directly (Redoc's SearchWorker pattern).
 */
import { buildSearchIndex, searchDocCount, searchListings, type SearchIndex } from './engine';
import type { SearchWorkerRequest, SearchWorkerResponse } from './protocol';
import { firstInvalidListing, sha256Hex, workerValidationEnd } from '../data/validate-listings';
import { docsFromListings, parseSearchDocs, readListingsArray } from './search-docs';
import {
  readLeadingListings,
  readRemainingListings,
  type LeadingListings,
} from '../data/listings-lines';
import { SCHEMA_VERSION } from '../domain/listing';

/** Answers one request; reading a listings file is asynchronous (it waits for the hash), and the
 * worker entry answers requests strictly in order. */
export type SearchWorkerHandler = (
  request: SearchWorkerRequest,
) => SearchWorkerResponse | Promise<SearchWorkerResponse>;

export function createSearchWorkerHandler(): SearchWorkerHandler {
  let index: SearchIndex | null = null;
  /** The last file read, kept until its listings are indexed: its bytes, and the listings
   * parsed so far (all of them, or the leading part the worker checked). */
  let file: {
    bytes: Uint8Array;
    leading: LeadingListings | null;
    all: readonly unknown[] | null;
  } | null = null;
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
        const bytes = new Uint8Array(request.bytes);
        const share = workerValidationEnd(request.count);
        // Only the share is parsed now, where the file's layout allows (listings-lines.ts).
        const leading = readLeadingListings(bytes, SCHEMA_VERSION, share);
        const all = leading === null ? readListingsArray(request.bytes) : null;
        file = { bytes, leading, all };
        const read = leading?.listings ?? all ?? [];
        // A file with fewer listings than its manifest promises is refused by the page's count
        // check, which says so more plainly than "listing N is missing" would.
        const problem = firstInvalidListing(read, request.file, 0, Math.min(share, read.length));
        return hashing.then((sha256) => ({
          type: 'validated',
          problem,
          sha256,
          millis: performance.now() - started,
        }));
      }
      if (request.type === 'index-listings') {
        if (file === null) throw new Error('index-listings before load-listings-file');
        index = buildSearchIndex(docsFromListings(allListings(file)));
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

/** Every listing of a file read by `load-listings-file`: the leading part it parsed then, and the
 * rest now (or the whole file again, where the rest does not read as expected). */
function allListings(file: {
  readonly bytes: Uint8Array;
  readonly leading: LeadingListings | null;
  readonly all: readonly unknown[] | null;
}): readonly unknown[] {
  if (file.all !== null) return file.all;
  const rest = file.leading === null ? null : readRemainingListings(file.bytes, file.leading);
  if (file.leading === null || rest === null) {
    return readListingsArray(file.bytes.buffer as ArrayBuffer);
  }
  return [...file.leading.listings, ...rest];
}
