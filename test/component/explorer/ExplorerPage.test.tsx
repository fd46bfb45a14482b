import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ExplorerPage } from '../../../src/features/explorer/ExplorerPage';
import { deriveFacts, type ListingFacts } from '../../../src/features/explorer/model/facts';
import { DEFAULT_VIEW, type ExplorerView } from '../../../src/features/explorer/model/view';
import type { SearchPort } from '../../../src/features/explorer/use-search-ranks';
import { buildSearchIndex, type SearchHit } from '../../../src/search/engine';
import { packHits, type PackedHits } from '../../../src/search/packed-hits';
import { factPositions } from '../../../src/features/explorer/model/filter';
import { toSearchDocs } from '../../../src/search/search-docs';
import { address, buildListing, listedOn } from '../../unit/build-listing';
import { expectNoSeriousA11yViolations } from '../axe';

const HOSTILE = '<img src=x onerror="alert(1)">\u202Egnp.exe';
const FACTS = [
  buildListing({
    id: 'el-1',
    name: 'Megvii Technology',
    aliases: [{ name: 'Megvii', kind: 'aka' }],
    list: 'EL',
    type: null,
    addresses: [address('CN')],
    events: [listedOn('2019-10-09')],
  }),
  buildListing({
    id: 'cmic-2',
    name: 'MEGVII TECHNOLOGY LIMITED',
    list: 'CMIC',
    programs: ['CMIC-EO13959'],
    events: [listedOn('2021-12-16')],
  }),
  buildListing({ id: 'sdn-3', name: HOSTILE, programs: ['SDGT'] }),
].map(deriveFacts);

/** `hits` with their listings' positions in `facts`, as the worker's search gives them. */
function inFactsOrder(hits: readonly SearchHit[], facts: readonly ListingFacts[]): SearchHit[] {
  const positionOf = factPositions(facts);
  return hits.map((hit) => ({ ...hit, position: positionOf.get(hit.listingId) ?? -1 }));
}

/** As the worker answers: packed, in the positions of the facts the page filters. */
const searchPort: SearchPort = {
  prepare: () => undefined,
  search: async (query, facts) =>
    packHits(inFactsOrder(query.toLowerCase().startsWith('meg') ? MEGVII_HITS : [], facts), 1),
};

const MEGVII_HITS: SearchHit[] = [
  {
    listingId: 'cmic-2',
    matchedName: 'MEGVII',
    matchedKind: 'primary',
    matchedSlot: 0,
    score: 1000,
    isPartial: false,
    quality: 'exact',
    match: {
      quality: 'exact',
      isFullName: true,
      matchedTerms: 1,
      totalTerms: 1,
      typos: 0,
      prefixTerm: null,
    },
    variantNote: null,
  },
  {
    listingId: 'el-1',
    // As from an index read from search.bin: the table names it from the listing.
    matchedName: '',
    matchedKind: 'aka',
    matchedSlot: 1,
    score: 20,
    isPartial: false,
    quality: 'fuzzy',
    match: {
      quality: 'fuzzy',
      isFullName: false,
      matchedTerms: 1,
      totalTerms: 1,
      typos: 1,
      prefixTerm: null,
    },
    variantNote: null,
  },
];

function renderExplorer(view: Partial<ExplorerView> = {}, onViewChange = vi.fn()) {
  const result = render(
    <ExplorerPage
      facts={FACTS}
      view={{ ...DEFAULT_VIEW, ...view }}
      searchPort={searchPort}
      searchStatus="Search ready."
      onViewChange={onViewChange}
      entityHref={(id) => `/entity/${id}`}
    />,
  );
  return { ...result, onViewChange };
}

describe('ExplorerPage', () => {
  it('announces the count in a live region', () => {
    renderExplorer();
    expect(screen.getByRole('status')).toHaveTextContent('3 listings');
  });

  it('has a labelled search box of type search that writes the query to the view', async () => {
    const { onViewChange } = renderExplorer();
    const box = screen.getByLabelText('Search names, aliases and identifiers');
    expect(box).toHaveAttribute('type', 'search');
    await userEvent.type(box, 'M');
    expect(onViewChange).toHaveBeenLastCalledWith(expect.objectContaining({ q: 'M' }), 'replace');
  });

  it('shows search hits in rank order with the name that matched', async () => {
    renderExplorer({ q: 'megvii' });
    // The table words the hit's explanation; the matched name sits in its own <bdi>, so match
    // on the whole label's text.
    const label = await screen.findByLabelText('Fuzzy match (1 typo) on alias "Megvii" (a.k.a.)');
    expect(label).toHaveTextContent('matched alias “Megvii”');
    expect(screen.getByRole('status')).toHaveTextContent('2 listings');
  });

  it('keeps the rows on screen while the worker answers, and shows none before it is ready', async () => {
    let answer: (hits: PackedHits) => void = () => undefined;
    const slowPort: SearchPort = {
      prepare: () => undefined,
      search: () =>
        new Promise<PackedHits>((resolve) => {
          answer = resolve;
        }),
    };
    const page = (q: string, port: SearchPort | null) => (
      <ExplorerPage
        facts={FACTS}
        view={{ ...DEFAULT_VIEW, q }}
        searchPort={port}
        searchStatus="Search ready."
        onViewChange={vi.fn()}
        entityHref={(id) => `/entity/${id}`}
      />
    );
    const { rerender } = render(page('', slowPort));
    const results = screen.getByRole('region', { name: 'Results' });
    expect(screen.getByRole('status')).toHaveTextContent('3 listings');
    // A first letter: every listing stays until its answer comes, marked unsettled.
    rerender(page('m', slowPort));
    expect(screen.getByRole('status')).toHaveTextContent('3 listings');
    expect(results).toHaveAttribute('data-settled', 'false');
    answer(packHits(inFactsOrder(MEGVII_HITS, FACTS), 1));
    expect(await screen.findByText('2 listings')).toBeInTheDocument();
    expect(results).toHaveAttribute('data-settled', 'true');
    // The next letter keeps those two hits on screen, not every listing.
    rerender(page('me', slowPort));
    expect(screen.getByRole('status')).toHaveTextContent('2 listings');
    expect(results).toHaveAttribute('data-settled', 'false');
    // Emptied, then a new query: every listing again while it is answered, not the old hits.
    rerender(page('', slowPort));
    rerender(page('s', slowPort));
    expect(screen.getByRole('status')).toHaveTextContent('3 listings');
    // Before the search is ready, a query shows no rows rather than rows it may not match.
    rerender(page('megvii', null));
    expect(screen.getByRole('status')).toHaveTextContent('0 listings');
  });

  it("answers from the page's own index in the same render, without the worker", () => {
    const search = vi.fn(async () => packHits([]));
    const localSearchIndex = buildSearchIndex(FACTS.flatMap((fact) => toSearchDocs(fact.listing)));
    render(
      <ExplorerPage
        facts={FACTS}
        view={{ ...DEFAULT_VIEW, q: 'megvi tech' }}
        searchPort={{ prepare: () => undefined, search }}
        localSearchIndex={localSearchIndex}
        searchStatus="Search ready."
        onViewChange={vi.fn()}
        entityHref={(id) => `/entity/${id}`}
      />,
    );
    // Synchronously: no await between the render and the rows.
    expect(screen.getByRole('status')).toHaveTextContent('2 listings');
    const results = screen.getByRole('region', { name: 'Results' });
    expect(results).toHaveAttribute('data-settled', 'true');
    expect(results).toHaveAttribute('data-query', 'megvi tech');
    expect(search).not.toHaveBeenCalled();
  });

  it('rewrites the rows in view in place when the results change, each linking to its listing', () => {
    const localSearchIndex = buildSearchIndex(FACTS.flatMap((fact) => toSearchDocs(fact.listing)));
    const page = (q: string) => (
      <ExplorerPage
        facts={FACTS}
        view={{ ...DEFAULT_VIEW, q }}
        searchPort={searchPort}
        localSearchIndex={localSearchIndex}
        searchStatus="Search ready."
        onViewChange={vi.fn()}
        entityHref={(id) => `/entity/${id}`}
      />
    );
    const { container, rerender } = render(page(''));
    const firstRow = () => container.querySelector('tbody tr');
    const rowBefore = firstRow();
    const linkOf = (row: Element | null) => row?.querySelector('a')?.getAttribute('href');
    expect(linkOf(rowBefore)).not.toBe('/entity/cmic-2');
    rerender(page('MEGVII TECHNOLOGY LIMITED'));
    expect(screen.getByRole('status')).toHaveTextContent('2 listings');
    // The same element, now showing (and linking to) the best hit.
    expect(firstRow()).toBe(rowBefore);
    expect(linkOf(firstRow())).toBe('/entity/cmic-2');
    expect(firstRow()).toHaveTextContent('MEGVII TECHNOLOGY LIMITED');
  });

  it('applies a facet as a new history entry', async () => {
    const { onViewChange } = renderExplorer();
    const lists = screen.getByRole('group', { name: 'List' });
    await userEvent.click(within(lists).getByLabelText(/CMIC/));
    expect(onViewChange).toHaveBeenCalledWith(expect.objectContaining({ list: ['CMIC'] }), 'push');
  });

  it('renders hostile names as inert text', async () => {
    const { container } = renderExplorer();
    expect(await screen.findByText(HOSTILE)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderExplorer();
    await expectNoSeriousA11yViolations(container);
  });
});
