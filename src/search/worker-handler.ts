/**
 * The worker's logic without the worker: request in, response out, holding the index between
 * calls. `worker.ts` wires it to `self`; tests call it directly (Redoc's SearchWorker pattern).
 */
import { buildSearchIndex, searchDocCount, searchListings, type SearchIndex } from './engine';
import type { SearchWorkerRequest, SearchWorkerResponse } from './protocol';
import { docsFromListingsFile, parseSearchDocs } from './search-docs';

export type SearchWorkerHandler = (request: SearchWorkerRequest) => SearchWorkerResponse;

export function createSearchWorkerHandler(): SearchWorkerHandler {
  let index: SearchIndex | null = null;
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
        index = buildSearchIndex(docsFromListingsFile(request.bytes));
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
