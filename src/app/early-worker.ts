/**
 * The search worker, started by the page's first module (`early.ts`) so that its script loads and
 * compiles while the lists download. Started later, from the app's first render, it was often
 * still starting when the listings arrived, and answered their check ~0.5 s late.
 */
import { spawnSearchWorker } from '../search/search-client';

let earlyWorker: Worker | null = null;

export function startEarlyWorker(): void {
  if (typeof Worker !== 'undefined') earlyWorker = spawnSearchWorker();
}

/** The worker `startEarlyWorker` started, once; undefined when there is none (tests, or taken). */
export function takeEarlyWorker(): Worker | undefined {
  const worker = earlyWorker ?? undefined;
  earlyWorker = null;
  return worker;
}
