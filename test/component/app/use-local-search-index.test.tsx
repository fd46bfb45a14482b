import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLocalSearchIndex } from '../../../src/app/use-local-search-index';
import { searchListings } from '../../../src/search/engine';
import { searchFileBytes } from '../../../src/search/search-file';
import { buildListing } from '../../unit/build-listing';

describe('useLocalSearchIndex', () => {
  it('is null until started, then an index of the listings built in slices, without MiniSearch', async () => {
    const listings = Array.from({ length: 4000 }, (_, index) =>
      buildListing({ id: `sdn-${index}`, name: `TRADING COMPANY NUMBER ${index}` }),
    );
    const { result, rerender } = renderHook(({ start }) => useLocalSearchIndex(listings, start), {
      initialProps: { start: false },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current).toBeNull();
    rerender({ start: true });
    await waitFor(() => expect(result.current).not.toBeNull(), { timeout: 10_000 });
    const index = result.current;
    if (index === null) throw new Error('no index');
    expect(index.engine).toBeNull();
    // "1234" is also a prefix of, and one typo from, other numbers: the exact one ranks first.
    expect(searchListings(index, 'number 1234')[0]?.listingId).toBe('sdn-1234');
  });

  it("reads the worker's search file instead of building from the listings, when it had one", async () => {
    const listings = Array.from({ length: 3000 }, (_, index) =>
      buildListing({
        id: `sdn-${index}`,
        name: `TRADING COMPANY NUMBER ${index}`,
        aliases: [{ name: `VESSEL ${index}`, kind: 'aka' }],
      }),
    );
    const bytes = searchFileBytes(listings, 'a'.repeat(64)).buffer;
    let asked = 0;
    const { result } = renderHook(() =>
      useLocalSearchIndex(listings, true, () => {
        asked += 1;
        return Promise.resolve(bytes);
      }),
    );
    await waitFor(() => expect(result.current).not.toBeNull(), { timeout: 10_000 });
    expect(asked).toBe(1);
    // Names as written are the listings' (the file has none): the hit says which one matched.
    expect(searchListings(result.current!, 'vessel 1234')[0]).toMatchObject({
      listingId: 'sdn-1234',
      matchedName: '',
      matchedSlot: 1,
    });
  });

  it('builds from the listings when the worker had no search file', async () => {
    const listings = [buildListing({ id: 'sdn-1', name: 'TRADING COMPANY' })];
    const { result } = renderHook(() =>
      useLocalSearchIndex(listings, true, () => Promise.resolve(null)),
    );
    await waitFor(() => expect(result.current).not.toBeNull(), { timeout: 10_000 });
    expect(searchListings(result.current!, 'trading')[0]?.matchedName).toBe('TRADING COMPANY');
  });
});
