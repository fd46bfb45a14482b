import { useEffect, useMemo, useState } from 'react';
import { searchListings, type SearchIndex } from '../../search/engine';
import type { ExplainableHit } from '../../search/explain';
import { unpackHit, type PackedHits } from '../../search/packed-hits';
import type { ListingFacts } from './model/facts';
import { factPositions, positionsOfIds, type SearchHitPositions } from './model/filter';

/** What the explorer needs of a search hit: what to show, and what explains it
 * (`explainSearchHit`, for the rows shown). */
export interface ExplorerHit extends ExplainableHit {
  readonly listingId: string;
  readonly quality: string;
  /** Which of the listing's names matched (`matchedName` is '' from an index read from a search
   * file: the results table names it from the listing, `namedHit`). */
  readonly matchedSlot: number;
}

export interface SearchPort {
  /** Readies searches in `facts` ahead of the first (at 10× the lists, sending their order to
   * the worker was ~0.1 s of the first keystroke). */
  prepare(facts: readonly ListingFacts[]): void;
  /** The query's hits, best first, packed with their listings' positions in `facts` (or their
   * ids, `PackedHits.listingIds`). */
  search(query: string, facts: readonly ListingFacts[]): Promise<PackedHits>;
}

/** A search's hit by listing id. */
export interface HitsById {
  get(listingId: string): ExplorerHit | undefined;
}

export interface SearchState {
  /** The query these results answer ('' before any search). */
  readonly query: string;
  /** The hits' positions in the facts, best first; null when there is no query (every listing
   * is a candidate). */
  readonly positions: SearchHitPositions;
  readonly hits: HitsById;
  /** True while a newer query than `query` is being answered. */
  readonly pending: boolean;
}

/** No hits: the rows of no search. */
export const NO_HITS: HitsById = { get: () => undefined };
const NO_POSITIONS = new Int32Array(0);
const EMPTY: SearchState = { query: '', positions: null, hits: NO_HITS, pending: false };

/**
 * The state for hits whose listings are at `positions` in the facts (-1: a listing the page does
 * not have, left out), the hit at index i being `hitAt(i, listingId)`. The filter reads the
 * positions; a row asks for its hit by listing id, through the facts' one Map of positions by id
 * (a Map of ranks per search cost ~10 ms per keystroke at 10× the lists, a second Map of hits by
 * id as much again).
 */
function toState(
  query: string,
  positions: Int32Array,
  hitAt: (index: number, listingId: string) => ExplorerHit,
  facts: readonly ListingFacts[],
): SearchState {
  const positionOf = factPositions(facts);
  let kept = positions;
  // The index of each kept position's hit, when some were left out.
  let indexes: Int32Array | null = null;
  if (positions.includes(-1)) {
    const found: number[] = [];
    positions.forEach((position, index) => {
      if (position >= 0) found.push(index);
    });
    indexes = Int32Array.from(found);
    kept = indexes.map((index) => positions[index]!);
  }
  // Per position, the hit's index plus one (0: not a hit), made when a row first asks.
  let indexAt: Int32Array | null = null;
  const hits: HitsById = {
    get: (listingId) => {
      const position = positionOf.get(listingId);
      if (position === undefined) return undefined;
      if (indexAt === null) {
        indexAt = new Int32Array(facts.length);
        for (let at = 0; at < kept.length; at += 1)
          indexAt[kept[at]!] = (indexes === null ? at : indexes[at]!) + 1;
      }
      const index = indexAt[position]!;
      return index === 0 ? undefined : hitAt(index - 1, listingId);
    },
  };
  return { query, positions: kept, hits, pending: false };
}

/** The state for hits found by the page's own index, as objects with their listing ids. */
function stateOfHits(
  query: string,
  hits: readonly ExplorerHit[],
  facts: readonly ListingFacts[],
): SearchState {
  const positions = positionsOfIds(
    facts,
    hits.map((hit) => hit.listingId),
  );
  return toState(query, positions, (index) => hits[index] as ExplorerHit, facts);
}

/** The state for the worker's packed hits: in the facts' positions already when the worker had
 * their order, else by listing id. A hit is unpacked only when its row is shown. */
function stateOfPacked(
  query: string,
  packed: PackedHits,
  facts: readonly ListingFacts[],
): SearchState {
  const positions =
    packed.listingIds === null ? packed.positions : positionsOfIds(facts, packed.listingIds);
  return toState(
    query,
    positions,
    (index, listingId) => unpackHit(packed, index, listingId),
    facts,
  );
}

/**
 * Runs the query in the page's own index when it has one (`localIndex`), in the same render, so
 * the keystroke's frame shows its results; otherwise, and for a query that needs MiniSearch's OR
 * reading, in the search worker. Results of an older query stay on screen until the worker
 * answers a newer one, so the table never flashes empty while typing.
 */
export function useSearchRanks(
  port: SearchPort | null,
  query: string,
  facts: readonly ListingFacts[],
  localIndex: SearchIndex | null = null,
): SearchState {
  // The worker's answer, with the facts its positions are in.
  const [answer, setAnswer] = useState<{
    readonly state: SearchState;
    readonly facts: readonly ListingFacts[];
  }>({ state: EMPTY, facts });
  const trimmed = query.trim();
  const local = useMemo(() => {
    if (localIndex === null || trimmed === '') return null;
    try {
      return stateOfHits(trimmed, searchListings(localIndex, trimmed), facts);
    } catch {
      // NeedsMiniSearchError: the worker's index has MiniSearch.
      return null;
    }
  }, [localIndex, trimmed, facts]);

  useEffect(() => {
    port?.prepare(facts);
  }, [port, facts]);

  // An emptied box shows every listing, and the answer to the query before is forgotten: the next
  // query keeps every listing on screen until its own answer (see below). Set while rendering,
  // as React advises for state that follows a prop: no extra commit.
  if (trimmed === '' && answer.state !== EMPTY) setAnswer({ state: EMPTY, facts });

  useEffect(() => {
    if (trimmed === '' || port === null || local !== null) return;
    let current = true;
    port.search(trimmed, facts).then(
      (hits) => {
        if (current) setAnswer({ state: stateOfPacked(trimmed, hits, facts), facts });
      },
      () => {
        // A search superseded by a newer one rejects; the newer one answers.
      },
    );
    return () => {
      current = false;
    };
  }, [port, trimmed, local, facts]);

  if (trimmed === '') return EMPTY;
  if (local !== null) return local;
  const state = answer.facts === facts ? answer.state : EMPTY;
  if (state.query !== trimmed) {
    // The rows shown stay until the worker answers, so that a keystroke's own render changes
    // nothing on screen: the previous query's hits, or every listing after an empty box
    // (showing no rows or an older query's hits cost the first letter's render 35 ms at 10× the
    // lists, before its answer came). Before the index is ready, when an answer may be a second
    // away, no rows rather than rows the query may not match.
    const positions = state.positions ?? (port === null ? NO_POSITIONS : null);
    return { ...state, pending: true, positions };
  }
  return state;
}
