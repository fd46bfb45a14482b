import { useEffect, useMemo, useState } from 'react';
import { createSearchClient, type SearchClient } from '../search/search-client';
import type { SearchPort } from '../features/explorer/use-search-ranks';

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

export function startSearchIndex(listingsFile: Uint8Array<ArrayBuffer>): void {
  client ??= createSearchClient();
  // A copy goes to the worker (transferred, so no second copy); the page keeps its own bytes.
  indexing = client.loadListingsFile(listingsFile.slice().buffer);
  // When the data is damaged the page shows the error page and never asks for the search; the
  // rejection is handled here so it is not reported as an uncaught error.
  indexing.catch(() => undefined);
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

  const port = useMemo<SearchPort | null>(() => {
    const ready = status.status === 'ready' ? client : null;
    return ready ? { search: (query) => ready.search(query) } : null;
  }, [status]);
  return { port, status };
}

export function describeSearchStatus(status: SearchStatus): string {
  switch (status.status) {
    case 'indexing':
      return 'Preparing search…';
    case 'ready':
      return `Search ready: ${status.docCount.toLocaleString('en-US')} names indexed.`;
    case 'error':
      return `Search is unavailable (${status.message}).`;
  }
}
