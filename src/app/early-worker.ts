/**
 * The search worker, started as early as the page can: by `public/early-data.js` in the built
 * app (its script then loads alongside the lists), else by the app's first module (`early.ts`);
 * either asks it at once for the search file, which it downloads while the lists do.
 * Started later, from the app's first render, it was often still starting when the listings
 * arrived, and answered their check ~0.5 s late.
 */
import { spawnSearchWorker } from '../search/search-client';
import type { SearchWorkerRequest } from '../search/protocol';

declare global {
  interface Window {
    /** Left by `public/early-data.js`: the search worker it started, when the build named it. */
    __sanctionsEarlyWorker?: Worker;
  }
}

let earlyWorker: Worker | null = null;

/** Adopts the worker `public/early-data.js` started, which it has asked for the search file
 * already, else starts one and asks it for the search file at `searchFileUrl`. */
export function startEarlyWorker(searchFileUrl: string): void {
  const started = globalThis.window?.__sanctionsEarlyWorker;
  if (started !== undefined) earlyWorker = started;
  else if (typeof Worker !== 'undefined') {
    earlyWorker = spawnSearchWorker();
    const prefetch: SearchWorkerRequest = { type: 'prefetch-search-file', url: searchFileUrl };
    earlyWorker.postMessage(prefetch);
  }
}

/** The worker `startEarlyWorker` started, once; undefined when there is none (tests, or taken). */
export function takeEarlyWorker(): Worker | undefined {
  const worker = earlyWorker ?? undefined;
  earlyWorker = null;
  return worker;
}
