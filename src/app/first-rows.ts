/**
 * The first rows: while the 18 MB listings file downloads and is checked, the explorer's default
 * view (no query, no filter, no sort) shows the listings it starts with, from the small file the
 * pipeline writes beside it (`src/domain/first-rows.ts`), checked as the loader checks the
 * listings: the SHA-256 the manifest gives, the schema version, every listing against the schema.
 * The full table replaces them once the listings are in.
 *
 * The app's first module (`early.ts`) starts this from the manifest `public/early-data.js`
 * fetched, with the file that script asked for alongside it; nothing here decides anything for
 * the loader, which reads and reports the data itself.
 */
import { useSyncExternalStore } from 'react';
import { firstInvalidListing, sha256Hex } from '../data/validate-listings';
import { SCHEMA_VERSION, type Listing } from '../domain/listing';
import type { Manifest } from '../domain/manifest';
import { factsOf, type ListingFacts } from '../features/explorer/model/facts';
import { fetchPreferringEarly } from './early-fetch';
import { manifestOfText } from './early-search';

export interface FirstRows {
  /** How many listings the full table has (the manifest's count). */
  readonly listingCount: number;
  /** The first listings' facts, in the explorer's default order. */
  readonly rows: readonly ListingFacts[];
}

/**
 * The first rows the manifest names, checked; null when it names none (data built before the
 * file existed). A file that fails a check is an Error naming the file and what is wrong.
 */
export async function readFirstRows(
  manifest: Manifest,
  dataUrl: string,
  fetchFile: (url: string, init?: RequestInit) => Promise<Response> = fetchPreferringEarly,
): Promise<FirstRows | null> {
  const named = manifest.firstRows;
  if (named === undefined) return null;
  const file = named.path;
  const response = await fetchFile(`${dataUrl}${file}`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${file}: the server answered HTTP ${response.status}.`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const digest = await sha256Hex(bytes);
  // As the loader: without SubtleCrypto (plain-http pages on a LAN address), the schema checks
  // still run.
  if (digest !== null && digest !== named.sha256) {
    throw new Error(`${file}: its SHA-256 is ${digest}, not the manifest's ${named.sha256}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new Error(
      `${file}: not JSON (${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
  const { schemaVersion, listings } = (json ?? {}) as Record<string, unknown>;
  if (schemaVersion !== SCHEMA_VERSION || !Array.isArray(listings)) {
    throw new Error(`${file}: not a listings file of schema version ${SCHEMA_VERSION}.`);
  }
  if (listings.length !== named.count || named.count > manifest.listingCount) {
    throw new Error(
      `${file}: ${listings.length} listings, where the manifest says ${named.count} of ${manifest.listingCount}.`,
    );
  }
  const problem = await firstInvalidListing(listings, file);
  if (problem !== null) throw new Error(problem);
  return { listingCount: manifest.listingCount, rows: factsOf(listings as Listing[]) };
}

let firstRows: FirstRows | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Shows `rows` to whoever renders the first rows (`useFirstRows`). */
export function publishFirstRows(rows: FirstRows | null): void {
  firstRows = rows;
  for (const listener of listeners) listener();
}

/** The first rows once read and checked, null until then (or when there are none to show). */
export function useFirstRows(): FirstRows | null {
  return useSyncExternalStore(
    subscribe,
    () => firstRows,
    () => null,
  );
}

/** Reads the first rows the manifest `public/early-data.js` fetched names, when it did. A file
 * that fails its checks is only left unshown: the loader reports whatever is wrong with the data. */
export function startFirstRowsFromEarlyManifest(dataUrl: string): void {
  void globalThis.window?.__sanctionsEarlyManifestText
    ?.then((text) => {
      const manifest = text === null ? null : manifestOfText(text);
      return manifest === null ? null : readFirstRows(manifest, dataUrl);
    })
    .then(
      (rows) => {
        // For the benchmark's account of a load (bench/report.ts).
        if (rows !== null) performance.mark('first-rows:ready');
        publishFirstRows(rows);
      },
      (error: unknown) => console.warn('First rows not shown:', error),
    );
}
