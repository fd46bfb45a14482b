import { useEffect, useState } from 'react';
import type { Listing } from '../domain/listing';
import { buildSearchIndexInSlices, nextTask, type SearchIndex } from '../search/engine';
import { toSearchDocs, type SearchDoc } from '../search/search-docs';

/**
 * Above this many search documents the page leaves every search to the worker: a search of the
 * lists as they are (~60,000 names and identifiers) takes 1–5 ms, well within a frame, but at 10×
 * the lists the slowest take 20–90 ms, which would hold the page's main thread.
 */
export const LOCAL_SEARCH_MAX_DOCS = 150_000;

/** Listings turned into search documents per slice, and documents indexed per slice: each slice
 * holds the main thread for ~10–30 ms. */
const LISTINGS_PER_SLICE = 1500;
const DOCS_PER_SLICE = 2500;

/**
 * The page's own copy of the search index, built in slices once `start` (the worker's index is
 * ready: built alongside it, the two slowed each other and search was ready ~0.27 s later), or
 * null until then (and for lists too large, see `LOCAL_SEARCH_MAX_DOCS`). With it, a keystroke's
 * results render in the keystroke's own frame: an answer from the worker waits for that frame and
 * for the input's follow-up tasks, which Chromium runs first (~15 ms, median, in the benchmark).
 * Queries that need MiniSearch's OR reading still go to the worker.
 */
export function useLocalSearchIndex(
  listings: readonly Listing[],
  start: boolean,
): SearchIndex | null {
  const [index, setIndex] = useState<SearchIndex | null>(null);
  useEffect(() => {
    if (!start) return undefined;
    let cancelled = false;
    // A failure here only leaves every search to the worker, which is how the page began.
    void (async () => {
      await nextTask();
      const docs: SearchDoc[] = [];
      for (let from = 0; from < listings.length; from += LISTINGS_PER_SLICE) {
        for (const listing of listings.slice(from, from + LISTINGS_PER_SLICE))
          docs.push(...toSearchDocs(listing));
        if (cancelled || docs.length > LOCAL_SEARCH_MAX_DOCS) return;
        await nextTask();
      }
      const built = await buildSearchIndexInSlices(docs, nextTask, DOCS_PER_SLICE);
      if (cancelled) return;
      // For the benchmark's attribution, beside the loader's data:* marks.
      performance.mark('search:page-index');
      setIndex(built);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [listings, start]);
  return index;
}
