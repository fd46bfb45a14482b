import { useEffect, useState } from 'react';
import {
  createBrowserWorkerPort,
  createSearchClient,
  type SearchClient,
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
/** Asked for right after the index (the worker answers in order), so it follows "ready" at once
 * rather than behind the worker's later slices of work. */
let searchFileText: Promise<string | null> | null = null;

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
  // Only where the page keeps a copy of the index: at 10× the lists it would hold ~17 MB idle.
  searchFileText = pageClient().searchFileText(LOCAL_SEARCH_MAX_DOCS);
  // When the data is damaged the page shows the error page and never asks for the search or the
  // search file; their rejections are handled here so they are not reported as uncaught errors.
  indexing.then(markStartupSettled, markStartupSettled);
  searchFileText.catch(() => undefined);
  return verdict;
}

/** The text of the search file the worker indexed (checked there), for the page's own index;
 * null when there was none. Once: the page then holds it only as long as it reads it. */
export function takeSearchFileText(): Promise<string | null> {
  const text = searchFileText ?? Promise.resolve(null);
  searchFileText = null;
  return text;
}

/** The search port and status, once the index that `startSearchIndex` began is ready. */
export function useSearchClient(): { port: SearchPort | null; status: SearchStatus } {
  const [status, setStatus] = useState<SearchStatus>(() =>
    indexing === null
      ? { status: 'error', message: 'the search index was never started' }
      : { status: 'indexing' },
  );

  useEffect(() => {
    if (indexing === null) return;
    let active = true;
    indexing.then(
      ({ docCount, millis }) => {
        if (active) setStatus({ status: 'ready', docCount, millis });
      },
      (error: unknown) => {
        if (active) {
          setStatus({
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
          });
        }
      },
    );
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
