import { createHash } from 'node:crypto';
import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/domain/listing';
import { listingsFileText } from '../../../src/domain/listings-file';
import type { SearchWorkerRequest } from '../../../src/search/protocol';
import { searchFileBytes } from '../../../src/search/search-file';
import { inThreadPort } from './in-thread-port';
import type { useSearchClient as UseSearchClient } from '../../../src/app/use-search-client';
import { buildListing } from '../../unit/build-listing';

const LISTINGS = [
  buildListing({ id: 'el-megvii', name: 'Megvii Technology' }),
  buildListing({ id: 'el-sugon', name: 'Sugon' }),
];
const LISTINGS_TEXT = listingsFileText(
  SCHEMA_VERSION,
  LISTINGS.map((listing) => JSON.stringify(listing)),
);
const SEARCH_BYTES = searchFileBytes(
  LISTINGS,
  createHash('sha256').update(LISTINGS_TEXT).digest('hex'),
);
const SEARCH_FILE = {
  url: '/data/search.bin',
  sha256: createHash('sha256').update(SEARCH_BYTES).digest('hex'),
};

/** What the page's worker was asked, in order. */
let posted: SearchWorkerRequest['type'][] = [];

vi.mock('../../../src/search/search-client', async (original) => ({
  ...(await original<typeof import('../../../src/search/search-client')>()),
  createBrowserWorkerPort: () =>
    inThreadPort({ [SEARCH_FILE.url]: SEARCH_BYTES }, (request) => posted.push(request.type)),
}));

/** The module afresh (it keeps the page's one client), its index started on `LISTINGS`. */
async function startedModule() {
  vi.resetModules();
  posted = [];
  const module = await import('../../../src/app/use-search-client');
  const verdict = module.startSearchIndex(
    new TextEncoder().encode(LISTINGS_TEXT),
    'listings.json',
    LISTINGS.length,
    SEARCH_FILE,
  );
  await expect(verdict).resolves.toMatchObject({ problem: null });
  return module;
}

/** Renders `useSearchClient`, keeping the status of every render. */
function renderStatuses(useSearchClient: () => ReturnType<typeof UseSearchClient>) {
  const statuses: string[] = [];
  const rendered = renderHook(() => {
    const client = useSearchClient();
    statuses.push(client.status.status);
    return client;
  });
  return { statuses, ...rendered };
}

afterEach(() => {
  vi.resetModules();
});

describe('useSearchClient', () => {
  it('shows "ready" in its first render when the index was ready before the page drew', async () => {
    const { useSearchClient, describeSearchStatus } = await startedModule();
    // The index is ready once the worker has answered everything asked so far.
    await waitFor(() => expect(posted).toContain('index-listings'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { statuses, result } = renderStatuses(useSearchClient);
    expect(statuses[0]).toBe('ready');
    expect(result.current.port).not.toBeNull();
    expect(describeSearchStatus(result.current.status)).toBe('Search ready: 2 names indexed.');
    // Nothing to say afterwards: no second render for the same status.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(new Set(statuses)).toEqual(new Set(['ready']));
  });

  it('shows "indexing", then "ready", when the page drew first', async () => {
    const { useSearchClient } = await startedModule();
    const { statuses, result } = renderStatuses(useSearchClient);
    expect(statuses[0]).toBe('indexing');
    expect(result.current.port).toBeNull();
    await waitFor(() => expect(result.current.status.status).toBe('ready'));
    expect(result.current.port).not.toBeNull();
  });

  it('shows "ready" from its first render when search was made ready before the listings came', async () => {
    vi.resetModules();
    posted = [];
    const module = await import('../../../src/app/use-search-client');
    module.startEarlySearch(SEARCH_FILE, createHash('sha256').update(LISTINGS_TEXT).digest('hex'));
    const early = renderHook(() => module.useEarlySearch());
    expect(early.result.current.status.status).toBe('indexing');
    expect(early.result.current.preview).toBeNull();
    await waitFor(() => expect(early.result.current.status.status).toBe('ready'));
    await expect(early.result.current.preview?.('sugon', 5)).resolves.toMatchObject({
      total: 1,
      rows: [{ listingId: 'el-sugon', name: 'Sugon' }],
    });
    // The listings come: the explorer is ready with them, from its first render to its last.
    module.startSearchIndex(
      new TextEncoder().encode(LISTINGS_TEXT),
      'listings.json',
      LISTINGS.length,
      SEARCH_FILE,
    );
    const { statuses, result } = renderStatuses(module.useSearchClient);
    expect(result.current.port).not.toBeNull();
    await waitFor(() => expect(posted).toContain('index-listings'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(new Set(statuses)).toEqual(new Set(['ready']));
    expect(posted.filter((type) => type === 'index-search-file')).toHaveLength(1);
  });

  it('holds the loader, once search has just become ready, until the frame that shows it', async () => {
    vi.resetModules();
    const frames: FrameRequestCallback[] = [];
    const requestFrame = vi
      .spyOn(window, 'requestAnimationFrame')
      .mockImplementation((callback) => frames.push(callback));
    try {
      const module = await import('../../../src/app/use-search-client');
      // Nothing to show: a turn of the event loop only.
      await module.showEarlySearchBetweenSteps();
      module.startEarlySearch(
        SEARCH_FILE,
        createHash('sha256').update(LISTINGS_TEXT).digest('hex'),
      );
      await waitFor(() => expect(frames).toHaveLength(1));
      let passed = false;
      const pause = module.showEarlySearchBetweenSteps().then(() => (passed = true));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(passed).toBe(false);
      frames[0]!(performance.now());
      await pause;
      expect(passed).toBe(true);
      // Shown: the next pause does not wait for a frame.
      await module.showEarlySearchBetweenSteps();
    } finally {
      requestFrame.mockRestore();
    }
  });

  it('asks the worker for a copy of the search file only when the page takes it, once', async () => {
    const { takeSearchFileCopy } = await startedModule();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(posted).not.toContain('search-file-copy');
    const copy = await takeSearchFileCopy();
    expect(copy === null ? null : [...new Uint8Array(copy)]).toEqual([...SEARCH_BYTES]);
    expect(posted.filter((type) => type === 'search-file-copy')).toHaveLength(1);
    await expect(takeSearchFileCopy()).resolves.toBeNull();
    expect(posted.filter((type) => type === 'search-file-copy')).toHaveLength(1);
  });
});
