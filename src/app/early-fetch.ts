/**
 * The first requests of the page. `public/early-data.js`, a plain script in index.html's <head>,
 * asks for the manifest and the listings file while the app's bundle is still downloading; the
 * app's first module (`early.ts`) takes those requests over, or makes them itself where that
 * script did not run (the unit tests, a page without it).
 *
 * It decides nothing. The loader validates the manifest, checks the listings file's SHA-256 and
 * validates every listing exactly as before; it only takes these responses instead of asking
 * again (`fetchPreferringEarly`).
 */

import { FIRST_ROWS_PATH, LISTINGS_PATH, MANIFEST_PATH } from '../domain/data-files';
import type { FetchWithProgress } from '../data/load-dataset';

/** How far `public/early-data.js` has downloaded a file it asked for, and who to tell next. */
interface EarlyProgress {
  loaded: number;
  listener: ((loaded: number) => void) | null;
}

declare global {
  interface Window {
    /** Left by `public/early-data.js`: its requests, keyed by URL (`${DATA_URL}${file}`). */
    __sanctionsEarlyRequests?: Readonly<Record<string, Promise<Response> | undefined>>;
    /** Left by `public/early-data.js`: the progress of those it downloads whole (the listings). */
    __sanctionsEarlyProgress?: Readonly<Record<string, EarlyProgress | undefined>>;
  }
}

/** The files asked for at once. The pipeline always writes the listings as `LISTINGS_PATH` (and
 * the first rows as `FIRST_ROWS_PATH`), and the loader takes that response only if the manifest
 * names that file. */
export const EARLY_FILES: readonly string[] = [MANIFEST_PATH, FIRST_ROWS_PATH, LISTINGS_PATH];

/** Requests made before the app was ready for them, by URL; each is handed out once. */
const earlyResponses = new Map<string, { response: Promise<Response>; progress?: EarlyProgress }>();

function remember(url: string, response: Promise<Response>, progress?: EarlyProgress): void {
  // A failed request is reported by the loader when it takes the response; until then it must
  // not count as an unhandled rejection.
  response.catch(() => undefined);
  earlyResponses.set(url, progress === undefined ? { response } : { response, progress });
}

/** Starts the requests (or adopts those `public/early-data.js` started); called once, by
 * `early.ts`, when the app's bundle starts. */
export function startEarlyFetch(dataUrl: string): void {
  const started = globalThis.window?.__sanctionsEarlyRequests;
  const progress = globalThis.window?.__sanctionsEarlyProgress;
  if (started === undefined) performance.mark('data:request');
  for (const file of EARLY_FILES) {
    const url = dataUrl + file;
    const early = started?.[url];
    if (early === undefined) remember(url, fetch(url, { cache: 'no-cache' }));
    else remember(url, early, progress?.[url]);
  }
}

/**
 * `fetch`, except that a request this script already made is answered by its response, and
 * the download's progress, where early-data.js follows it, goes to `onBytes` meanwhile.
 */
export const fetchPreferringEarly: FetchWithProgress = (url, init, onBytes) => {
  const early = earlyResponses.get(url);
  if (early === undefined) return fetch(url, init);
  earlyResponses.delete(url);
  const { progress } = early;
  if (progress !== undefined && onBytes !== undefined) {
    onBytes(progress.loaded);
    progress.listener = onBytes;
    const stop = () => {
      progress.listener = null;
    };
    early.response.then(stop, stop);
  }
  return early.response;
};
