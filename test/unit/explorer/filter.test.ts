import { describe, expect, it } from 'vitest';
import { deriveFacts, factsOf } from '../../../src/features/explorer/model/facts';
import {
  factPositions,
  filterListings,
  hitPositions,
  sortFactsByName,
  unfilteredResult,
} from '../../../src/features/explorer/model/filter';
import {
  cycleSort,
  DEFAULT_VIEW,
  FACET_KEYS,
  type ExplorerView,
} from '../../../src/features/explorer/model/view';
import { address, buildListing, listedOn } from '../build-listing';
import type { Listing } from '../../../src/domain/listing';

const LISTINGS = [
  buildListing({
    id: 'el-1',
    name: 'Megvii Technology',
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
    addresses: [address('KY'), address('CN')],
    events: [listedOn('2021-12-16')],
  }),
  buildListing({
    id: 'sdn-3',
    name: 'Zeta Shipping',
    programs: ['IRAN'],
    addresses: [address('IR')],
    type: 'vessel',
  }),
  buildListing({
    id: 'sdn-4',
    name: 'Alpha Person',
    type: 'individual',
    programs: ['SDGT'],
    nationalities: ['SY'],
  }),
  buildListing({
    id: 'el-5',
    name: 'Nowhere Labs',
    list: 'EL',
    type: null,
    events: [listedOn('2021-12-17')],
  }),
];
const FACTS = LISTINGS.map(deriveFacts);

/** Runs the filter with the search's hits given as listing ids, best first. */
function run(view: Partial<ExplorerView>, hitIds: readonly string[] | null = null) {
  const hits = hitIds === null ? null : hitPositions(FACTS, hitIds);
  return filterListings(FACTS, { ...DEFAULT_VIEW, ...view }, hits);
}
const ids = (result: ReturnType<typeof run>) => result.rows.map((fact) => fact.listing.id);

describe('deriveFacts', () => {
  it("lists each facet's values in FACET_KEYS order, countries once each and sorted", () => {
    const fact = deriveFacts(
      buildListing({
        id: 'sdn-9',
        name: 'Two Flags Trading',
        list: 'SDN',
        type: 'entity',
        programs: ['IRAN', 'SDGT'],
        addresses: [address('IR'), address('AE'), address('IR')],
        nationalities: ['AE'],
      }),
      0,
    );
    const byKey = Object.fromEntries(FACET_KEYS.map((key, index) => [key, fact.facetLists[index]]));
    expect(byKey).toEqual({
      agency: [fact.agency],
      list: ['SDN'],
      country: ['AE', 'IR'],
      rationale: fact.rationales,
      program: ['IRAN', 'SDGT'],
      sector: fact.sectors,
      type: ['entity'],
    });
    expect(fact.countries).toEqual(['AE', 'IR']);
    expect(deriveFacts(buildListing({ id: 'sdn-10', name: 'Nowhere' }), 0).facetLists[2]).toEqual([
      'none',
    ]);
  });

  it('shares one array among the listings of one country, and of one list and program', () => {
    const russian = (id: string, overrides: Partial<Listing>) =>
      deriveFacts(
        buildListing({ id, name: id, list: 'SDN', programs: ['RUSSIA-EO14024'], ...overrides }),
        0,
      );
    const first = russian('sdn-11', { addresses: [address('RU')], nationalities: ['RU'] });
    const second = russian('sdn-12', { citizenships: ['RU'] });
    expect(first.countries).toEqual(['RU']);
    expect(second.countries).toBe(first.countries);
    expect(second.rationales).toBe(first.rationales);
    expect(
      russian('sdn-13', { programs: ['RUSSIA-EO14024', 'UKRAINE-EO13660'] }).rationales,
    ).not.toBe(first.rationales);
  });
});

describe('filterListings', () => {
  it('keeps everything in name order without filters', () => {
    expect(ids(run({}))).toEqual(['sdn-4', 'el-1', 'cmic-2', 'el-5', 'sdn-3']);
  });

  it('gives the same rows from facts sorted once at load, with or without a sort or query', () => {
    const presorted = sortFactsByName(FACTS);
    expect(presorted.map((fact) => fact.listing.id)).toEqual([
      'sdn-4',
      'el-1',
      'cmic-2',
      'el-5',
      'sdn-3',
    ]);
    const views: Partial<ExplorerView>[] = [
      {},
      { list: ['EL'] },
      { sort: { column: 'listed', desc: true } },
      { sort: { column: 'name', desc: true } },
    ];
    for (const view of views) {
      const full = { ...DEFAULT_VIEW, ...view };
      expect(filterListings(presorted, full, null)).toEqual(filterListings(FACTS, full, null));
    }
    const hits = hitPositions(presorted, ['el-5', 'sdn-3']);
    expect(ids(filterListings(presorted, DEFAULT_VIEW, hits))).toEqual(['el-5', 'sdn-3']);
    // An array that was not sorted by `sortFactsByName` is sorted, whatever its order.
    expect(ids(filterListings([...FACTS].reverse(), DEFAULT_VIEW, null))).toEqual(ids(run({})));
  });

  it('derives the facts of a listings array once, in name order', () => {
    const first = factsOf(LISTINGS);
    expect(factsOf(LISTINGS)).toBe(first);
    expect(first.map((fact) => fact.listing.id)).toEqual(ids(run({})));
    expect(filterListings(first, DEFAULT_VIEW, null).rows).toEqual(run({}).rows);
    expect(factsOf([...LISTINGS])).not.toBe(first);
  });

  it('filters by list, agency, country (any address, nationality) and type', () => {
    expect(ids(run({ list: ['EL'] }))).toEqual(['el-1', 'el-5']);
    expect(ids(run({ agency: ['treasury'] })).sort()).toEqual(['cmic-2', 'sdn-3', 'sdn-4']);
    expect(ids(run({ country: ['KY'] }))).toEqual(['cmic-2']);
    expect(ids(run({ country: ['SY'] }))).toEqual(['sdn-4']);
    expect(ids(run({ country: ['none'] }))).toEqual(['el-5']);
    expect(ids(run({ type: ['none'] }))).toEqual(['el-1', 'el-5']);
  });

  it('counts each facet with the other filters applied but not its own', () => {
    const result = run({ list: ['EL'], country: ['CN'] });
    expect(ids(result)).toEqual(['el-1']);
    // List counts ignore the list filter: CN listings are on EL (1) and CMIC (1).
    expect(Object.fromEntries(result.facets.list)).toEqual({ EL: 1, CMIC: 1 });
    // Country counts ignore the country filter: EL listings are in CN (1) or nowhere (1).
    expect(Object.fromEntries(result.facets.country)).toEqual({ CN: 1, none: 1 });
  });

  it('applies the date range to dated listings and counts undated ones apart', () => {
    const result = run({ listedFrom: '2021-12-16', listedTo: '2021-12-17' });
    expect(ids(result)).toEqual(['cmic-2', 'el-5']);
    expect(result.dated).toBe(3);
    expect(result.undated).toBe(2);
  });

  it('keeps only search hits, in rank order, and filters before ranking', () => {
    expect(ids(run({}, ['cmic-2', 'el-1']))).toEqual(['cmic-2', 'el-1']);
    expect(ids(run({}, ['el-1', 'cmic-2']))).toEqual(['el-1', 'cmic-2']);
    expect(ids(run({ list: ['EL'] }, ['cmic-2', 'el-1']))).toEqual(['el-1']);
    expect(Object.fromEntries(run({}, ['cmic-2', 'el-1']).facets.list)).toEqual({
      EL: 1,
      CMIC: 1,
    });
    // A hit the facts do not have is left out.
    expect(ids(run({}, ['gone-9', 'el-1']))).toEqual(['el-1']);
  });

  it('filters and counts the hits as it does every listing', () => {
    const hitIds = ['el-1', 'cmic-2', 'sdn-4'];
    const views: Partial<ExplorerView>[] = [
      {},
      { list: ['EL'] },
      { country: ['CN'] },
      { country: ['CN', 'SY'], type: ['none'] },
      { listedFrom: '2020-01-01' },
      { program: ['NOT-A-PROGRAM'] },
    ];
    for (const view of views) {
      const everyListing = run(view);
      const hits = run(view, hitIds);
      // The hits' rows are the rows of the same view without a query, less the listings not hit.
      expect(ids(hits).sort()).toEqual(
        ids(everyListing)
          .filter((id) => hitIds.includes(id))
          .sort(),
      );
      // Counting every listing by hand, with the usual rule (a facet ignores its own filter).
      for (const key of FACET_KEYS) {
        const others = { ...DEFAULT_VIEW, ...view, [key]: [] };
        const counted = new Map<string, number>();
        for (const fact of run(others, hitIds).rows) {
          for (const value of fact.facetLists[FACET_KEYS.indexOf(key)]!)
            counted.set(value, (counted.get(value) ?? 0) + 1);
        }
        expect(Object.fromEntries(hits.facets[key])).toEqual(Object.fromEntries(counted));
      }
    }
  });

  it('knows each listing by its position in the facts', () => {
    const positions = factPositions(FACTS);
    for (const [index, fact] of FACTS.entries()) expect(positions.get(fact.listing.id)).toBe(index);
    expect(Array.from(hitPositions(FACTS, ['sdn-4', 'el-1', 'nope']))).toEqual([
      FACTS.findIndex((fact) => fact.listing.id === 'sdn-4'),
      0,
    ]);
  });

  it('sorts by a column when asked, undated last in both directions', () => {
    expect(ids(run({ sort: { column: 'listed', desc: false } }))).toEqual([
      'el-1',
      'cmic-2',
      'el-5',
      'sdn-4',
      'sdn-3',
    ]);
    expect(ids(run({ sort: { column: 'listed', desc: true } }))).toEqual([
      'el-5',
      'cmic-2',
      'el-1',
      'sdn-4',
      'sdn-3',
    ]);
    expect(ids(run({ sort: { column: 'list', desc: false } }, ['cmic-2', 'el-1']))).toEqual([
      'el-1',
      'cmic-2',
    ]);
  });
});

describe('the unfiltered result', () => {
  const toPlain = (result: ReturnType<typeof unfilteredResult>) => ({
    rows: result.rows.map((fact) => fact.listing.id),
    facets: Object.fromEntries(
      Object.entries(result.facets).map(([key, counts]) => [key, Object.fromEntries(counts)]),
    ),
    dated: result.dated,
    undated: result.undated,
  });

  it('counts presorted facts as the general filter does, and is computed once', () => {
    const unsorted = LISTINGS.map(deriveFacts);
    const presorted = sortFactsByName(unsorted);
    // The general loop (facts in no known order) and the counting shortcut (presorted) agree.
    expect(toPlain(unfilteredResult(presorted))).toEqual(toPlain(unfilteredResult(unsorted)));
    const undated = unsorted.filter((fact) => fact.listed === null).length;
    expect(unfilteredResult(presorted).undated).toBe(undated);
    expect(unfilteredResult(presorted).dated).toBe(LISTINGS.length - undated);
    const onEntityList = LISTINGS.filter((listing) => listing.list === 'EL').length;
    expect(unfilteredResult(presorted).facets.list.get('EL')).toBe(onEntityList);
    // A view with no query, filter or sort is answered by the same object.
    expect(filterListings(presorted, DEFAULT_VIEW, null)).toBe(unfilteredResult(presorted));
  });
});

describe('cycleSort', () => {
  it('sorts a column ascending, then descending, then back to the default order', () => {
    const ascending = cycleSort(DEFAULT_VIEW, 'name');
    expect(ascending.sort).toEqual({ column: 'name', desc: false });
    const descending = cycleSort(ascending, 'name');
    expect(descending.sort).toEqual({ column: 'name', desc: true });
    expect(cycleSort(descending, 'name').sort).toBeNull();
    // Another column starts ascending again.
    expect(cycleSort(descending, 'listed').sort).toEqual({ column: 'listed', desc: false });
  });
});
