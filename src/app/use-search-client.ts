import { useEffect, useMemo, useState } from 'react';
import type { Listing } from '../domain/listing';
import { createSearchClient, type SearchClient } from '../search/search-client';
import type { SearchPort } from '../features/explorer/use-search-ranks';

export type SearchStatus =
  | { readonly status: 'idle' }
  | { readonly status: 'indexing' }
  | { readonly status: 'ready'; readonly docCount: number; readonly millis: number }
  | { readonly status: 'error'; readonly message: string };

/** Owns the search worker: starts it, indexes the listings once, stops it on unmount. */
export function useSearchClient(listings: readonly Listing[] | null): {
  port: SearchPort | null;
  status: SearchStatus;
} {
  const [client, setClient] = useState<SearchClient | null>(null);
  // The dataset is loaded once, so the worker starts indexing as soon as this hook first runs.
  const [status, setStatus] = useState<SearchStatus>({ status: 'indexing' });

  useEffect(() => {
    if (listings === null) return;
    const created = createSearchClient();
    let active = true;
    created.load(listings).then(
      ({ docCount, millis }) => {
        if (!active) return;
        setClient(created);
        setStatus({ status: 'ready', docCount, millis });
      },
      (error: unknown) => {
        if (active)
          setStatus({
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
          });
      },
    );
    return () => {
      active = false;
      created.dispose();
      setClient(null);
    };
  }, [listings]);

  const port = useMemo<SearchPort | null>(
    () => (client ? { search: (query) => client.search(query) } : null),
    [client],
  );
  return { port, status };
}

export function describeSearchStatus(status: SearchStatus): string {
  switch (status.status) {
    case 'idle':
    case 'indexing':
      return 'Preparing search…';
    case 'ready':
      return `Search ready: ${status.docCount.toLocaleString('en-US')} names indexed.`;
    case 'error':
      return `Search is unavailable (${status.message}).`;
  }
}
