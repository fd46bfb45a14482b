/**
 * The first requests of the page. index.html names `early.ts` before the app's main module; Vite
 * bundles both into one script with this code first, so the manifest and the listings file are
 * requested before React and the app are evaluated (and their first render done), not after.
 *
 * It decides nothing. The loader validates the manifest, checks the listings file's SHA-256 and
 * validates every listing exactly as before; it only takes these responses instead of asking
 * again (`fetchPreferringEarly`).
 */

import { LISTINGS_PATH, MANIFEST_PATH } from '../domain/data-files';

/** Requests made before the app was ready for them, by URL; each is handed out once. */
const earlyResponses = new Map<string, Promise<Response>>();

function remember(url: string, response: Promise<Response>): void {
  // A failed request is reported by the loader when it takes the response; until then it must
  // not count as an unhandled rejection.
  response.catch(() => undefined);
  earlyResponses.set(url, response);
}

/** Starts the requests; called once, by `early.ts`, when the page starts. Both at once: the
 * pipeline always writes the listings as `LISTINGS_PATH`, and the loader takes this response only
 * if the manifest names that file. */
export function startEarlyFetch(dataUrl: string): void {
  performance.mark('data:request');
  for (const file of [MANIFEST_PATH, LISTINGS_PATH]) {
    remember(dataUrl + file, fetch(dataUrl + file, { cache: 'no-cache' }));
  }
}

/** `fetch`, except that a request this script already made is answered by its response. */
export const fetchPreferringEarly: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const early = earlyResponses.get(url);
  if (early === undefined) return fetch(input, init);
  earlyResponses.delete(url);
  return early;
};
