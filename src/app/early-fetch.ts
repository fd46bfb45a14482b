/**
 * The first requests of the page. index.html names `early.ts` before the app's main module; Vite
 * bundles both into one script with this code first, so the manifest and then the listings file
 * are requested before React and the app are evaluated (and their first render done), not after.
 *
 * It decides nothing. The loader validates the manifest, checks the listings file's SHA-256 and
 * validates every listing exactly as before; it only takes these responses instead of asking
 * again (`fetchPreferringEarly`).
 */

import { MANIFEST_PATH } from '../domain/data-files';

/** Requests made before the app was ready for them, by URL; each is handed out once. */
const earlyResponses = new Map<string, Promise<Response>>();

/** A file name the pipeline could have written (`listings.json`); anything else is left to the
 * loader, which will refuse the manifest with a proper message. */
const PLAIN_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/;

function listingsPathOf(manifestText: string): string | null {
  try {
    const manifest: unknown = JSON.parse(manifestText);
    const path: unknown = (manifest as { listings?: { path?: unknown } } | null)?.listings?.path;
    return typeof path === 'string' && PLAIN_FILE_NAME.test(path) ? path : null;
  } catch {
    return null;
  }
}

function remember(url: string, response: Promise<Response>): void {
  // A failed request is reported by the loader when it takes the response; until then it must
  // not count as an unhandled rejection.
  response.catch(() => undefined);
  earlyResponses.set(url, response);
}

/** Starts the requests; called once, by `early.ts`, when the page starts. */
export function startEarlyFetch(dataUrl: string): void {
  performance.mark('data:request');
  const manifestUrl = dataUrl + MANIFEST_PATH;
  const manifest = fetch(manifestUrl, { cache: 'no-cache' }).then(async (response) => {
    const text = await response.text();
    const listingsPath = response.ok ? listingsPathOf(text) : null;
    if (listingsPath !== null) {
      remember(dataUrl + listingsPath, fetch(dataUrl + listingsPath, { cache: 'no-cache' }));
    }
    // The body was read here: the loader gets a fresh response with the same text and headers.
    return new Response(text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  });
  remember(manifestUrl, manifest);
}

/** `fetch`, except that a request this script already made is answered by its response. */
export const fetchPreferringEarly: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const early = earlyResponses.get(url);
  if (early === undefined) return fetch(input, init);
  earlyResponses.delete(url);
  return early;
};
