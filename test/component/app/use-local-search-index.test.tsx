import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLocalSearchIndex } from '../../../src/app/use-local-search-index';
import { searchListings } from '../../../src/search/engine';
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
});
