/**
 * Web Worker entry: runs the same engine module as the tests, off the main thread, so typing in
 * the search box never waits for a 30k-name index. Loaded by `search-client.ts`.
 */
import type { SearchWorkerRequest } from './protocol';
import { createSearchWorkerHandler } from './worker-handler';
import { packedBuffers } from './packed-hits';

// The DOM lib types `self` as a Window; in this file it is a dedicated worker scope.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createSearchWorkerHandler();

/** Requests are answered in the order they came: the page matches loads to answers in order. */
let previous: Promise<void> = Promise.resolve();

scope.addEventListener('message', (event: MessageEvent<SearchWorkerRequest>) => {
  const request = event.data;
  // Not a request to answer but bytes that a queued request may be waiting for (the search file
  // the page downloaded): taken at once, or the queue would wait for itself.
  if (request.type === 'search-file-bytes') {
    void handle(request);
    return;
  }
  previous = previous
    .then(async () => {
      const response = await handle(request);
      if (response === null) return;
      // A search's hits are typed arrays: moved to the page, not copied.
      scope.postMessage(response, response.type === 'results' ? packedBuffers(response.hits) : []);
    })
    .catch((error: unknown) => {
      // Thrown again in a task of its own, it reaches the page as the worker's `error` event
      // (the client then fails every pending request) and the queue goes on.
      setTimeout(() => {
        throw error;
      });
    });
});
