import { createHash } from 'node:crypto';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/domain/listing';
import { listingsFileText } from '../../../src/domain/listings-file';
import { searchFileBytes } from '../../../src/search/search-file';
import { inThreadPort } from './in-thread-port';
import { buildListing } from '../../unit/build-listing';

const HOSTILE = '<img src=x onerror="alert(1)"> Trading';
const LISTINGS = [
  buildListing({ id: 'el-megvii', name: 'Megvii Technology', list: 'EL' }),
  buildListing({
    id: 'sdn-sugon',
    name: 'Sugon',
    list: 'SDN',
    aliases: [{ name: 'Dawning Information Industry', kind: 'aka' }],
  }),
  buildListing({ id: 'sdn-hostile', name: HOSTILE, list: 'SDN' }),
];
const LISTINGS_TEXT = listingsFileText(
  SCHEMA_VERSION,
  LISTINGS.map((listing) => JSON.stringify(listing)),
);
const LISTINGS_SHA256 = createHash('sha256').update(LISTINGS_TEXT).digest('hex');
const SEARCH_BYTES = searchFileBytes(LISTINGS, LISTINGS_SHA256);
const SEARCH_FILE = {
  url: '/data/search.bin',
  sha256: createHash('sha256').update(SEARCH_BYTES).digest('hex'),
};

vi.mock('../../../src/search/search-client', async (original) => ({
  ...(await original<typeof import('../../../src/search/search-client')>()),
  createBrowserWorkerPort: () => inThreadPort({ [SEARCH_FILE.url]: SEARCH_BYTES }),
}));

/** The modules afresh (the page's one client is module state), at `address`. */
async function freshPage(address: string) {
  vi.resetModules();
  window.history.replaceState(null, '', address);
  const { EarlySearch } = await import('../../../src/app/EarlySearch');
  const { startEarlySearch } = await import('../../../src/app/use-search-client');
  return { EarlySearch, startEarlySearch };
}

const hint = () => document.querySelector('.search-hint')?.textContent ?? '';

beforeEach(() => {
  vi.useRealTimers();
});
afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('EarlySearch', () => {
  it('searches before the listings have come, by the names in the search file', async () => {
    const { EarlySearch, startEarlySearch } = await freshPage('/?q=dawning&list=SDN');
    render(<EarlySearch />);
    const box = screen.getByLabelText('Search names, aliases and identifiers');
    expect(box).toHaveProperty('value', 'dawning');
    expect(hint()).toMatch(/^Preparing search…/);
    act(() => startEarlySearch(SEARCH_FILE, LISTINGS_SHA256));
    await waitFor(() => expect(hint()).toMatch(/^Search ready: 4 names indexed\./));
    // The query the address had, answered: the listing by its primary name, found by its alias.
    const link = await screen.findByRole('link', { name: 'Sugon' });
    expect(link.getAttribute('href')).toBe('/entity/sdn-sugon');
    expect(link.closest('li')?.textContent).toBe(
      'Sugon SDN · Specially Designated Nationals · found by another of its names',
    );
    expect(screen.getByRole('status').textContent).toMatch(/^1 listing found\. /);

    // Typed here, the query goes to the address, keeping the filters, for the explorer to open on.
    fireEvent.change(box, { target: { value: 'megvii' } });
    await screen.findByRole('link', { name: 'Megvii Technology' });
    await waitFor(() => expect(window.location.search).toMatch(/q=megvii/));
    expect(window.location.search).toMatch(/list=SDN/);
    expect(screen.queryByRole('link', { name: 'Sugon' })).toBeNull();
  });

  it('shows a name from the data as text, never as markup', async () => {
    const { EarlySearch, startEarlySearch } = await freshPage('/?q=trading');
    render(<EarlySearch />);
    act(() => startEarlySearch(SEARCH_FILE, LISTINGS_SHA256));
    const link = await screen.findByRole('link', { name: HOSTILE });
    expect(link.textContent).toBe(HOSTILE);
    expect(document.querySelector('.early-results img')).toBeNull();
  });

  it('shows no results for an empty query, and nothing at all off the explorer', async () => {
    const { EarlySearch, startEarlySearch } = await freshPage('/');
    const { container, unmount } = render(<EarlySearch />);
    act(() => startEarlySearch(SEARCH_FILE, LISTINGS_SHA256));
    await waitFor(() => expect(hint()).toMatch(/^Search ready/));
    expect(container.querySelector('.early-results')).toBeNull();
    unmount();
    window.history.replaceState(null, '', '/entity/el-megvii');
    const { EarlySearch: OnEntityPage } = await freshPage('/entity/el-megvii');
    const entity = render(<OnEntityPage />);
    expect(entity.container.innerHTML).toBe('');
  });

  it("shows the first rows on the default view, in the explorer's table, until the listings come", async () => {
    const { EarlySearch } = await freshPage('/');
    const { publishFirstRows } = await import('../../../src/app/first-rows');
    const { factsOf } = await import('../../../src/features/explorer/model/facts');
    const loading = <p className="loading-marker">Loading the listings…</p>;
    const { container } = render(<EarlySearch loading={loading} />);
    // Until the first rows are read, the search box and the loading state.
    expect(container.querySelector('.results-table')).toBeNull();
    expect(container.querySelector('.early-search .loading-marker')).not.toBeNull();
    act(() => publishFirstRows({ listingCount: 15_204, rows: factsOf(LISTINGS) }));
    const section = container.querySelector('.explorer-results[data-preview]');
    expect(section?.getAttribute('aria-busy')).toBe('true');
    expect(section?.querySelector('.result-count')?.textContent).toBe(
      '15,204 listings · the first 3 shown while the rest load',
    );
    expect(section?.querySelector('.loading-marker')).not.toBeNull();
    const names = [...container.querySelectorAll('.results-table tbody .col-name a')];
    expect(names.map((name) => name.textContent)).toEqual(
      factsOf(LISTINGS).map((f) => f.listing.name),
    );
    expect(names[0]?.getAttribute('href')).toBe(`/entity/${factsOf(LISTINGS)[0]!.listing.id}`);
    // A name from the data is text there too.
    expect(container.querySelector('.results-table img')).toBeNull();
    expect(screen.getByLabelText('Search names, aliases and identifiers')).toHaveProperty(
      'value',
      '',
    );
    // Sorting waits for the listings: the click asks for the sorted view in the address.
    fireEvent.click(screen.getByRole('button', { name: /^Name/ }));
    await waitFor(() => expect(window.location.search).toMatch(/^\?sort=name(&|$)/));
    expect(container.querySelector('.results-table')).toBeNull();
    expect(container.querySelector('.early-search .loading-marker')).not.toBeNull();
  });

  it('shows no first rows for a query or a filter, which they would not answer', async () => {
    for (const address of ['/?q=sugon', '/?list=EL']) {
      const { EarlySearch } = await freshPage(address);
      const { publishFirstRows } = await import('../../../src/app/first-rows');
      const { factsOf } = await import('../../../src/features/explorer/model/facts');
      const { container, unmount } = render(
        <EarlySearch loading={<p className="loading-marker">Loading</p>} />,
      );
      act(() => publishFirstRows({ listingCount: 15_204, rows: factsOf(LISTINGS) }));
      expect(container.querySelector('.results-table')).toBeNull();
      expect(container.querySelector('.early-search .loading-marker')).not.toBeNull();
      unmount();
    }
  });
});
