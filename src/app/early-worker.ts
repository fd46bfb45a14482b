/**
 * The search worker, started as early as the page can: by `public/early-data.js` in the built
 * app (its script then loads alongside the lists), else by the app's first module (`early.ts`).
 * Started later, from the app's first render, it was often still starting when the listings
 * arrived, and answered their check ~0.5 s late.
 */
import { spawnSearchWorker } from '../search/search-client';

declare global {
  interface Window {
    /** Left by `public/early-data.js`: the search worker it started, when the build named it. */
    __sanctionsEarlyWorker?: Worker;
  }
}

let earlyWorker: Worker | null = null;

export function startEarlyWorker(): void {
  const started = globalThis.window?.__sanctionsEarlyWorker;
  if (started !== undefined) earlyWorker = started;
  else if (typeof Worker !== 'undefined') earlyWorker = spawnSearchWorker();
}

/** The worker `startEarlyWorker` started, once; undefined when there is none (tests, or taken). */
export function takeEarlyWorker(): Worker | undefined {
  const worker = earlyWorker ?? undefined;
  earlyWorker = null;
  return worker;
}
