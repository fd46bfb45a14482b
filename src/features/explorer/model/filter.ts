import { LIST_CODES } from '../../../domain/lists';
import type { ListingFacts } from './facts';
import { DEFAULT_VIEW, FACET_KEYS, type ExplorerView, type FacetKey, type SortState } from './view';

/**
 * Filtering, facet counting and ordering of the explorer table, in one pass over the listings.
 * Facet counts follow the usual faceted-search rule: the counts of a facet reflect every other
 * active filter (and the query) but not its own, so choosing a second value shows what it adds.
 * Filters apply before ranking and before any limit: the search supplies its hits best first,
 * and every matching listing is kept.
 */

export interface FacetCounts {
  readonly values: ReadonlyMap<string, number>;
}

export interface FilterResult {
  /** Every matching listing, in display order. */
  readonly rows: readonly ListingFacts[];
  readonly facets: Readonly<Record<FacetKey, ReadonlyMap<string, number>>>;
  /** Among listings matching everything but the date range: how many have an official listed
   * date and how many have none published. */
  readonly dated: number;
  readonly undated: number;
}

/** The search's hits as positions in the facts array, best first (`hitPositions`); null when
 * there is no query (every listing is a candidate). */
export type SearchHitPositions = Int32Array | null;

/** Fact arrays already in the default (name) order, from `sortFactsByName`. */
const SORTED_BY_NAME = new WeakSet<readonly ListingFacts[]>();

/** The facts in name order, remembered as such: filtering keeps the order, so with no query and no
 * sort chosen the rows need no sorting (7 ms of every facet click on the full lists). */
export function sortFactsByName(facts: readonly ListingFacts[]): readonly ListingFacts[] {
  const sorted = [...facts].sort(compareNames);
  SORTED_BY_NAME.add(sorted);
  return sorted;
}

/** The result with no query, no filter and no sort, per facts array: the table every visit starts
 * on and "Clear all filters" returns to. Computed once, while the data is validated (~0.14 s of
 * the first render on the full lists, where the filter code has not been compiled yet). */
const UNFILTERED = new WeakMap<readonly ListingFacts[], FilterResult>();

export function unfilteredResult(facts: readonly ListingFacts[]): FilterResult {
  let result = UNFILTERED.get(facts);
  if (result === undefined) {
    result = SORTED_BY_NAME.has(facts) ? countEvery(facts) : filterEvery(facts, DEFAULT_VIEW, null);
    UNFILTERED.set(facts, result);
  }
  return result;
}

/** `filterEvery` with nothing to filter, for facts already in name order: every listing is a row
 * and counts once per value; the general loop's bookkeeping cost ~0.1 s here on a cold page.
 * Counted from the facts themselves, not from the facet columns (`facetColumnsOf`): this runs
 * before the first rows, and making the columns there cost them ~0.2 s in the browser. */
function countEvery(facts: readonly ListingFacts[]): FilterResult {
  const counters = FACET_KEYS.map(() => new Map<string, number>());
  let dated = 0;
  for (const fact of facts) {
    if (fact.listed !== null) dated += 1;
    for (let index = 0; index < FACET_KEYS.length; index += 1) {
      const counter = counters[index]!;
      for (const value of fact.facetLists[index]!)
        counter.set(value, (counter.get(value) ?? 0) + 1);
    }
  }
  const facets = Object.fromEntries(
    FACET_KEYS.map((key, index) => [key, counters[index]!]),
  ) as Record<FacetKey, Map<string, number>>;
  return { rows: facts, facets, dated, undated: facts.length - dated };
}

function isUnfiltered(view: ExplorerView, hits: SearchHitPositions): boolean {
  return (
    hits === null &&
    view.sort === null &&
    view.listedFrom === null &&
    view.listedTo === null &&
    FACET_KEYS.every((key) => view[key].length === 0)
  );
}

const DATE_BIT = 1 << FACET_KEYS.length;

export function filterListings(
  facts: readonly ListingFacts[],
  view: ExplorerView,
  hits: SearchHitPositions,
): FilterResult {
  return isUnfiltered(view, hits) ? unfilteredResult(facts) : filterEvery(facts, view, hits);
}

/**
 * The facets of every listing as integer codes in typed arrays, made once per facts array. A
 * keystroke's filtering and counting then reads no listing object and updates no Map: at 10× the
 * lists, counting into Maps was ~40% of a two-letter query's filtering, and reading each
 * listing's facts another ~11% (a profile of 14 keystrokes).
 */
interface FacetColumns {
  /** Per facet (`FACET_KEYS` order): the values, each one's code being its index. */
  readonly values: readonly (readonly string[])[];
  readonly codeOf: readonly ReadonlyMap<string, number>[];
  /** Per facet: the codes of the listing at position p are `codes[starts[p] .. starts[p + 1])`. */
  readonly starts: readonly Int32Array[];
  readonly codes: readonly Int32Array[];
  /** 1 where the listing has an official listed date. */
  readonly dated: Uint8Array;
  /** Each listing's position in the facts array, by id. */
  readonly positionOf: ReadonlyMap<string, number>;
}

const COLUMNS = new WeakMap<readonly ListingFacts[], FacetColumns>();

function facetColumnsOf(facts: readonly ListingFacts[]): FacetColumns {
  let columns = COLUMNS.get(facts);
  if (columns === undefined) {
    columns = buildFacetColumns(facts);
    COLUMNS.set(facts, columns);
  }
  return columns;
}

/** In one pass over the facts, all facets at once: a pass per facet took 78 ms cold in Node, this
 * 40–53 ms. */
function buildFacetColumns(facts: readonly ListingFacts[]): FacetColumns {
  const size = facts.length;
  const facetCount = FACET_KEYS.length;
  const values: string[][] = [];
  const codeOf: Map<string, number>[] = [];
  const starts: Int32Array[] = [];
  const codeLists: number[][] = [];
  for (let facet = 0; facet < facetCount; facet += 1) {
    values.push([]);
    codeOf.push(new Map());
    starts.push(new Int32Array(size + 1));
    codeLists.push([]);
  }
  const dated = new Uint8Array(size);
  const positionOf = new Map<string, number>();
  for (let position = 0; position < size; position += 1) {
    const fact = facts[position] as ListingFacts;
    if (fact.listed !== null) dated[position] = 1;
    positionOf.set(fact.listing.id, position);
    for (let facet = 0; facet < facetCount; facet += 1) {
      const list = fact.facetLists[facet]!;
      const facetCodes = codeLists[facet]!;
      const facetCodeOf = codeOf[facet]!;
      for (let at = 0; at < list.length; at += 1) {
        const value = list[at]!;
        let code = facetCodeOf.get(value);
        if (code === undefined) {
          code = values[facet]!.length;
          values[facet]!.push(value);
          facetCodeOf.set(value, code);
        }
        facetCodes.push(code);
      }
      starts[facet]![position + 1] = facetCodes.length;
    }
  }
  const codes = codeLists.map((list) => Int32Array.from(list));
  return { values, codeOf, starts, codes, dated, positionOf };
}

/** Makes the facet columns of `facts` ahead of the first filter or search that needs them (the
 * explorer calls it once the first rows are on screen): ~40 ms in Node for the real lists. */
export function prepareFilter(facts: readonly ListingFacts[]): void {
  facetColumnsOf(facts);
}

/** Each listing's position in `facts` by id (for `hitPositions`, and for finding a row's hit). */
export function factPositions(facts: readonly ListingFacts[]): ReadonlyMap<string, number> {
  return facetColumnsOf(facts).positionOf;
}

/** The position in `facts` of each listing `ids` names, in that order; -1 for an id not among
 * the facts. */
export function positionsOfIds(facts: readonly ListingFacts[], ids: ArrayLike<string>): Int32Array {
  const { positionOf } = facetColumnsOf(facts);
  return Int32Array.from(ids, (id) => positionOf.get(id) ?? -1);
}

/** The positions in `facts` of the listings `ids` names, in that order; ids not among the facts
 * are left out. */
export function hitPositions(facts: readonly ListingFacts[], ids: ArrayLike<string>): Int32Array {
  return positionsOfIds(facts, ids).filter((position) => position >= 0);
}

/** Per facet, 1 at the codes of the chosen values; null where nothing is chosen. A chosen value
 * no listing has gets no code, so it matches nothing. */
function chosenCodes(columns: FacetColumns, view: ExplorerView): (Uint8Array | null)[] {
  return FACET_KEYS.map((key, facet) => {
    const chosen: readonly string[] = view[key];
    if (chosen.length === 0) return null;
    const mask = new Uint8Array(columns.values[facet]!.length);
    for (const value of chosen) {
      const code = columns.codeOf[facet]!.get(value);
      if (code !== undefined) mask[code] = 1;
    }
    return mask;
  });
}

function countsAsMaps(columns: FacetColumns, counts: readonly Int32Array[]) {
  return Object.fromEntries(
    FACET_KEYS.map((key, facet) => {
      const values = columns.values[facet]!;
      const facetCounts = counts[facet]!;
      const map = new Map<string, number>();
      for (let code = 0; code < facetCounts.length; code += 1) {
        const count = facetCounts[code]!;
        if (count > 0) map.set(values[code]!, count);
      }
      return [key, map];
    }),
  ) as Record<FacetKey, Map<string, number>>;
}

function filterEvery(
  facts: readonly ListingFacts[],
  view: ExplorerView,
  hits: SearchHitPositions,
): FilterResult {
  const columns = facetColumnsOf(facts);
  const { starts, codes, dated: hasDate } = columns;
  const facetCount = FACET_KEYS.length;
  const chosen = chosenCodes(columns, view);
  const counts = columns.values.map((values) => new Int32Array(values.length));
  const { listedFrom, listedTo } = view;
  const hasDateRange = listedFrom !== null || listedTo !== null;
  const rows: ListingFacts[] = [];
  let dated = 0;
  let undated = 0;

  // With a query, only its hits can be shown or counted: visit those, best first, so the rows
  // come out in rank order and need no sorting.
  const visited = hits === null ? facts.length : hits.length;
  for (let at = 0; at < visited; at += 1) {
    const position = hits === null ? at : hits[at]!;
    let failed = 0;
    for (let facet = 0; facet < facetCount; facet += 1) {
      const mask = chosen[facet];
      if (mask === null || mask === undefined) continue;
      const facetStarts = starts[facet]!;
      const facetCodes = codes[facet]!;
      let found = false;
      for (let index = facetStarts[position]!; index < facetStarts[position + 1]!; index += 1) {
        if (mask[facetCodes[index]!] === 1) {
          found = true;
          break;
        }
      }
      if (!found) failed |= 1 << facet;
    }
    // Only a date range reads the listing itself.
    if (
      hasDateRange &&
      !inDateRange((facts[position] as ListingFacts).listed, listedFrom, listedTo)
    )
      failed |= DATE_BIT;

    if ((failed & ~DATE_BIT) === 0) {
      if (hasDate[position] === 1) dated += 1;
      else undated += 1;
    }
    if (failed === 0) rows.push(facts[position] as ListingFacts);
    // Two failures or more: counted in no facet.
    if ((failed & (failed - 1)) !== 0) continue;
    for (let facet = 0; facet < facetCount; facet += 1) {
      // Counted for this facet when nothing but (at most) this facet's own filter fails.
      if ((failed & ~(1 << facet)) !== 0) continue;
      const facetCounts = counts[facet]!;
      const facetStarts = starts[facet]!;
      const facetCodes = codes[facet]!;
      for (let index = facetStarts[position]!; index < facetStarts[position + 1]!; index += 1)
        facetCounts[facetCodes[index]!]! += 1;
    }
  }

  const ordered = view.sort === null && (hits !== null || SORTED_BY_NAME.has(facts));
  if (!ordered) sortRows(rows, view.sort);
  return { rows, facets: countsAsMaps(columns, counts), dated, undated };
}

function inDateRange(listed: string | null, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true;
  // A listing with no published date cannot be placed in a range; it is counted apart instead.
  if (listed === null) return false;
  return (from === null || listed >= from) && (to === null || listed <= to);
}

const LIST_ORDER = new Map(LIST_CODES.map((code, index) => [code, index]));

/** Sorts by the view's column, or by name when it has none (the hits of a query come in rank
 * order and are never sorted without a column). */
function sortRows(rows: ListingFacts[], sort: SortState | null): void {
  if (sort === null) {
    rows.sort(compareNames);
    return;
  }
  const direction = sort.desc ? -1 : 1;
  const compare = COMPARATORS[sort.column];
  rows.sort((a, b) => {
    if (sort.column === 'listed') {
      // Undated listings go last whichever the direction: "no date" is not "oldest".
      if (a.listed === null || b.listed === null) {
        return a.listed === b.listed ? compareNames(a, b) : a.listed === null ? 1 : -1;
      }
    }
    return compare(a, b) * direction || compareNames(a, b);
  });
}

function compareNames(a: ListingFacts, b: ListingFacts): number {
  return a.sortName < b.sortName
    ? -1
    : a.sortName > b.sortName
      ? 1
      : a.listing.id < b.listing.id
        ? -1
        : 1;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const COMPARATORS: Record<SortState['column'], (a: ListingFacts, b: ListingFacts) => number> = {
  name: compareNames,
  list: (a, b) => (LIST_ORDER.get(a.listing.list) ?? 0) - (LIST_ORDER.get(b.listing.list) ?? 0),
  agency: (a, b) => compareText(a.agency, b.agency),
  type: (a, b) => compareText(a.type, b.type),
  countries: (a, b) => compareText(a.countries.join(','), b.countries.join(',')),
  programs: (a, b) => compareText(a.programs.join(','), b.programs.join(',')),
  rationale: (a, b) => compareText(a.rationales.join(','), b.rationales.join(',')),
  sector: (a, b) => compareText(a.sectors.join(','), b.sectors.join(',')),
  listed: (a, b) => compareText(a.listed ?? '', b.listed ?? ''),
};
