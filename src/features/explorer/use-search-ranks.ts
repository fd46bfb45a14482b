import { useEffect, useMemo, useState } from 'react';
import { searchListings, type SearchIndex } from '../../search/engine';
import type { ExplainableHit } from '../../search/explain';

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
  search(query: string): Promise<readonly ExplorerHit[]>;
}

/** A search's hit by listing id. */
export interface HitsById {
  get(listingId: string): ExplorerHit | undefined;
}

export interface SearchState {
  /** The query these results answer ('' before any search). */
  readonly query: string;
  /** Rank per listing id; null when there is no query (every listing is a candidate). */
  readonly ranks: ReadonlyMap<string, number> | null;
  readonly hits: HitsById;
  /** True while a newer query than `query` is being answered. */
  readonly pending: boolean;
}

const EMPTY: SearchState = { query: '', ranks: null, hits: new Map(), pending: false };

/** One Map, of ranks: a hit is found by its rank. A second Map of hits by id cost as much as the
 * first, on every keystroke (~13 ms per keystroke for 20,000 hits at 10× the lists). */
function toState(query: string, hits: readonly ExplorerHit[]): SearchState {
  const ranks = new Map<string, number>();
  for (let index = 0; index < hits.length; index += 1) {
    ranks.set((hits[index] as ExplorerHit).listingId, index);
  }
  const byId: HitsById = {
    get: (listingId) => {
      const rank = ranks.get(listingId);
      return rank === undefined ? undefined : hits[rank];
    },
  };
  return { query, ranks, hits: byId, pending: false };
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
  localIndex: SearchIndex | null = null,
): SearchState {
  const [state, setState] = useState<SearchState>(EMPTY);
  const trimmed = query.trim();
  const local = useMemo(() => {
    if (localIndex === null || trimmed === '') return null;
    try {
      return toState(trimmed, searchListings(localIndex, trimmed));
    } catch {
      // NeedsMiniSearchError: the worker's index has MiniSearch.
      return null;
    }
  }, [localIndex, trimmed]);

  useEffect(() => {
    if (trimmed === '' || port === null || local !== null) return;
    let current = true;
    port.search(trimmed).then(
      (hits) => {
        if (current) setState(toState(trimmed, hits));
      },
      () => {
        // A search superseded by a newer one rejects; the newer one answers.
      },
    );
    return () => {
      current = false;
    };
  }, [port, trimmed, local]);

  if (trimmed === '') return EMPTY;
  if (local !== null) return local;
  if (state.query !== trimmed) return { ...state, pending: true, ranks: state.ranks ?? new Map() };
  return state;
}
