/**
 * Search made ready from the search file before the app has rendered: `public/early-data.js`
 * keeps a copy of the manifest's text, and the app's first module (`early.ts`) hands the search
 * file it names to the worker at once. Started by the loader instead, once the first render had
 * run its effects, the worker was asked ~0.25 s later (Chromium without DevTools, session 22).
 *
 * The copy is checked as the loader checks the manifest (the check compiled from its schema);
 * anything else it might be is left to the loader, which reads and reports the manifest itself.
 */
import { searchFileOf } from '../data/load-dataset';
import { matchesManifestSchema } from '../data/manifest-check.generated';
import type { SearchFileRef } from '../domain/data-files';
import { SCHEMA_VERSION } from '../domain/listing';
import type { Manifest } from '../domain/manifest';
import { startEarlySearch } from './use-search-client';

declare global {
  interface Window {
    /** Left by `public/early-data.js`: the manifest's text, null when its request failed. */
    __sanctionsEarlyManifestText?: Promise<string | null>;
  }
}

/** The manifest in `text`, checked as the loader checks it; null when the text is not a manifest
 * of the schema version this app reads. */
export function manifestOfText(text: string): Manifest | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (!matchesManifestSchema(json)) return null;
  const manifest = json as Manifest;
  return manifest.schemaVersion === SCHEMA_VERSION ? manifest : null;
}

/** The search file a manifest's text names, and the SHA-256 it gives the listings; null when the
 * text is not a manifest this app reads, or names no search file. */
export function searchFileOfManifest(
  text: string,
  dataUrl: string,
): { readonly searchFile: SearchFileRef; readonly listingsSha256: string } | null {
  const manifest = manifestOfText(text);
  const searchFile = manifest === null ? null : searchFileOf(manifest, dataUrl);
  if (manifest === null || searchFile === null) return null;
  return { searchFile, listingsSha256: manifest.listings.sha256 };
}

/** Starts search from the manifest `public/early-data.js` fetched, when it did. */
export function startSearchFromEarlyManifest(dataUrl: string): void {
  void globalThis.window?.__sanctionsEarlyManifestText?.then((text) => {
    const named = text === null ? null : searchFileOfManifest(text, dataUrl);
    if (named !== null) startEarlySearch(named.searchFile, named.listingsSha256);
  });
}
