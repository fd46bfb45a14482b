import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  createBrowserWorkerPort,
  createSearchClient,
  type SearchClient,
  type SearchPreview,
} from '../search/search-client';
import { takeEarlyWorker } from './early-worker';
import { markStartupSettled } from './startup';
import type { ListingsVerdict } from '../data/load-dataset';
import type { SearchFileRef } from '../domain/data-files';
import type { SearchPort } from '../features/explorer/use-search-ranks';
import { explorerSearchPort } from '../features/explorer/search-port';
import { formatCount } from '../ui/format-count';
import { LOCAL_SEARCH_MAX_DOCS } from './use-local-search-index';

export type SearchStatus =
  | { readonly status: 'indexing' }
  | { readonly status: 'ready'; readonly docCount: number; readonly millis: number }
  | { readonly status: 'error'; readonly message: string };

/**
 * The page's one search worker. It starts indexing as soon as the listings file has arrived
 * (`startSearchIndex`, called by the data loader), in parallel with the page checking and drawing
 * the same data, and lives as long as the page.
 */
let client: SearchClient | null = null;
let indexing: Promise<{ docCount: number; millis: number }> | null = null;
/** How `indexing` settled, once it has: the explorer's first render then shows "Search ready" at
 * once, rather than in a second render after its effect has heard (when the index was read
 * while the listings downloaded, it is ready before the first rows are drawn). */
let settled: SearchStatus | null = null;
/** Whether the worker has been asked for a copy of the search file (`takeSearchFileCopy`). */
let searchFileCopyAsked = false;
/** The index read from the search file before the listings arrived (`startEarlySearch`). */
let earlyIndexing: Promise<{ docCount: number; millis: number }> | null = null;
/** How `earlyIndexing` settled, once it has. */
let earlySettled: SearchStatus | null = null;

/** The page's client, on the worker the page's first module started (`early-worker.ts`). */
function pageClient(): SearchClient {
  client ??= createSearchClient(createBrowserWorkerPort(takeEarlyWorker()));
  return client;
}

/** The explorer's port on the page's client: one, so that the worker is told each facts array's
 * order once (`explorerSearchPort`). */
let pagePort: SearchPort | null = null;

/** Starts the worker while the data downloads, so its script is loaded and compiled by the time
 * the listings arrive rather than after. */
export function prepareSearchWorker(): void {
  pageClient();
}

/**
 * Asks the worker to make search ready from the search file the manifest names
 * (`searchFile`), before the listings have arrived: it checks the file against the manifest's
 * SHA-256s (its own, and the listings' it was written with, `listingsSha256`). Until the listings
 * come, its answers are named by the file's primary names (`useEarlySearch`). Called by the data
 * loader once the manifest is read; without a search file, search waits for the listings.
 */
export function startEarlySearch(searchFile: SearchFileRef | null, listingsSha256: string): void {
  if (searchFile === null || earlyIndexing !== null) return;
  performance.mark('search:early-asked');
  earlyIndexing = pageClient().indexSearchFile(searchFile, listingsSha256);
  earlyIndexing.then(
    ({ docCount, millis }) => {
      performance.mark('search:early-ready');
      settleEarly({ status: 'ready', docCount, millis });
    },
    // Nothing to say here: search waits for the listings, as without the file, and the worker
    // checks the same file again then, and says why it indexed the listings instead.
    () => undefined,
  );
}

/** Search before the listings have arrived: its status, and `preview` once the worker's index,
 * read from the search file, is ready (null until then, and without a search file). */
export function useEarlySearch(): {
  status: SearchStatus;
  preview: ((query: string, limit: number) => Promise<SearchPreview>) | null;
} {
  // Subscribed to rather than read once: the box shows before the manifest has been read.
  const status = useSyncExternalStore(listenForEarlySearch, () => earlySettled ?? INDEXING);
  return { status, preview: status.status === 'ready' ? previewOnPage : null };
}

const INDEXING: SearchStatus = { status: 'indexing' };
const earlyListeners = new Set<() => void>();

function listenForEarlySearch(listener: () => void): () => void {
  earlyListeners.add(listener);
  return () => earlyListeners.delete(listener);
}

function settleEarly(status: SearchStatus): void {
  earlySettled = status;
  for (const listener of earlyListeners) listener();
  // React draws the new status at once; the frame that shows it comes after the page's task.
  earlyPaint =
    typeof requestAnimationFrame === 'function'
      ? new Promise((resolve) =>
          requestAnimationFrame(() => {
            earlyPaint = null;
            setTimeout(resolve, 0);
          }),
        )
      : null;
}

/** Until the frame that shows search's new status has been painted; null once it has. */
let earlyPaint: Promise<void> | null = null;

/**
 * For the data loader, between its long steps (`LoadOptions.betweenSteps`): a turn of the event
 * loop, in which the worker's answer is taken, and the frame that shows "Search ready", when
 * search has just become ready. Without them, an answer that came while the listings were being
 * parsed was shown only with the first rows, ~0.4 s later (Chromium without DevTools).
 */
export function showEarlySearchBetweenSteps(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => earlyPaint ?? undefined);
}

function previewOnPage(query: string, limit: number): Promise<SearchPreview> {
  return pageClient().preview(query, limit);
}

/**
 * Hands the listings file to the worker (transferred: the loader has decoded its own text
 * already), which hashes it and validates its share of the `count` listings the manifest promises
 * (`workerValidationEnd`), then indexes them all: by the search file's names, written with them
 * (`searchFile`), when it has one. Returns that verdict; the loader validates the rest on the
 * page.
 */
export function startSearchIndex(
  listingsFile: Uint8Array<ArrayBuffer>,
  file: string,
  count: number,
  searchFile: SearchFileRef | null,
): ListingsVerdict {
  const verdict = pageClient().loadListingsFile(
    listingsFile.buffer,
    file,
    count,
    searchFile ?? undefined,
  );
  indexing = pageClient().indexListings();
  indexing.then(
    ({ docCount, millis }) => {
      settled = { status: 'ready', docCount, millis };
    },
    (error: unknown) => {
      settled = {
        status: 'error',
        message: error instanceof Error ? error.message : String(error),
      };
    },
  );
  // When the data is damaged the page shows the error page and never asks for the search; its
  // rejection is handled here so that it is not reported as an uncaught error.
  indexing.then(markStartupSettled, markStartupSettled);
  return verdict;
}

/** A copy of the search file the worker indexed (checked there), for the page's own index;
 * null when there was none, or when the index is above the size the page keeps a copy of (at 10×
 * the lists it would hold ~17 MB idle). Asked of the worker once, when the page wants it: asked
 * with the index, its 1.5 MB followed "ready" and came before the frame that showed it. */
export function takeSearchFileCopy(): Promise<ArrayBuffer | null> {
  if (client === null || indexing === null || searchFileCopyAsked) return Promise.resolve(null);
  searchFileCopyAsked = true;
  return client.searchFileCopy(LOCAL_SEARCH_MAX_DOCS);
}

/** The search port and status, once the index that `startSearchIndex` began is ready. */
export function useSearchClient(): { port: SearchPort | null; status: SearchStatus } {
  const [status, setStatus] = useState<SearchStatus>(
    () =>
      settled ??
      // Read from the search file before the listings came: the same index, kept once the
      // worker has their SHA-256 (which the loader has checked already, for this page to exist).
      (earlySettled?.status === 'ready' ? earlySettled : null) ??
      (indexing === null
        ? { status: 'error', message: 'the search index was never started' }
        : { status: 'indexing' }),
  );

  useEffect(() => {
    if (indexing === null) return;
    let active = true;
    // `settled` is set first (its callbacks were added first). No render follows when it says
    // what the first status said already (it was that, or the early index's, the same index).
    const show = () => {
      const now = settled;
      if (!active || now === null) return;
      setStatus((shown) =>
        shown.status === 'ready' && now.status === 'ready' && shown.docCount === now.docCount
          ? shown
          : now,
      );
    };
    indexing.then(show, show);
    return () => {
      active = false;
    };
  }, []);

  if (client !== null) pagePort ??= explorerSearchPort(client);
  const port: SearchPort | null = status.status === 'ready' ? pagePort : null;
  return { port, status };
}

export function describeSearchStatus(status: SearchStatus): string {
  switch (status.status) {
    case 'indexing':
      return 'Preparing search…';
    case 'ready':
      return `Search ready: ${formatCount(status.docCount)} names indexed.`;
    case 'error':
      return `Search is unavailable (${status.message}).`;
  }
}
