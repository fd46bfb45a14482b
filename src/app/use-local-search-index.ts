import { useEffect, useRef, useState } from 'react';
import type { Listing } from '../domain/listing';
import {
  buildSearchIndexInSlices,
  indexFromSearchFileInSlices,
  nextTask,
  type SearchIndex,
} from '../search/engine';
import { toSearchDocs, type SearchDoc } from '../search/search-docs';
import { readSearchFile } from '../search/search-file';
import { SEARCH_PATH } from '../domain/data-files';
import { afterNextPaint } from '../ui/after-next-paint';

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
/** Listings (or names) of a search file read per slice (see `indexFromSearchFileInSlices`). */
const SEARCH_FILE_SLICE = 2000;

/**
 * A pause between slices that lets input and painting run: `scheduler.yield()` where the browser
 * has it (the rest then continues ahead of other queued tasks), else a task of its own. The ~50
 * `setTimeout` pauses of reading the search file waited ~7 ms each, ~0.35 s in all.
 */
function pauseForInput(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : nextTask();
}

/** The index from the search file the worker read (~0.3–0.4 s of slices), or null to build it
 * from the listings: no file (the worker hands none over for an index above
 * `LOCAL_SEARCH_MAX_DOCS`). */
async function indexFromWorkersFile(
  searchFileCopy: Promise<ArrayBuffer | null>,
  isCancelled: () => boolean,
): Promise<SearchIndex | null> {
  const bytes = await searchFileCopy;
  if (bytes === null || isCancelled()) return null;
  await pauseForInput();
  const file = readSearchFile(new Uint8Array(bytes), SEARCH_PATH);
  if (isCancelled()) return null;
  const { index, laterTables } = await indexFromSearchFileInSlices(
    file,
    pauseForInput,
    SEARCH_FILE_SLICE,
  );
  // Made now, a slice each, rather than in the keystroke that first needs one.
  for (const make of laterTables) {
    await pauseForInput();
    if (isCancelled()) return null;
    make();
  }
  return index;
}

/**
 * The page's own copy of the search index, built in slices once `start` (the worker's index is
 * ready: built alongside it, the two slowed each other and search was ready ~0.27 s later), or
 * null until then (and for lists too large, see `LOCAL_SEARCH_MAX_DOCS`). With it, a keystroke's
 * results render in the keystroke's own frame: an answer from the worker waits for that frame and
 * for the input's follow-up tasks, which Chromium runs first (~15 ms, median, in the benchmark).
 * Queries that need MiniSearch's OR reading still go to the worker.
 *
 * Read from the search file the worker indexed (`searchFileCopy`) when there was one: its names
 * are then left to the listings (`namedHit`). Else built from the listings (~1.5 s of slices).
 */
export function useLocalSearchIndex(
  listings: readonly Listing[],
  start: boolean,
  searchFileCopy?: () => Promise<ArrayBuffer | null>,
): SearchIndex | null {
  const [index, setIndex] = useState<SearchIndex | null>(null);
  // Asked once per page (the worker hands its copy over once), even when the effect runs again.
  const fileCopy = useRef<Promise<ArrayBuffer | null> | null>(null);
  const askFileCopy = useRef(searchFileCopy);
  useEffect(() => {
    if (!start) return undefined;
    let cancelled = false;
    const isCancelled = () => cancelled;
    const done = (built: SearchIndex) => {
      // For the benchmark's attribution, beside the loader's data:* marks.
      performance.mark('search:page-index');
      setIndex(built);
    };
    // A failure here only leaves every search to the worker, which is how the page began.
    void (async () => {
      // Not before the frame that shows "Search ready": the file's 1.5 MB, taken from the
      // worker's message (~15–30 ms) and read, came before it and held it back.
      await new Promise<void>((resolve) => afterNextPaint(resolve));
      if (cancelled) return;
      const ask = askFileCopy.current;
      if (ask !== undefined) fileCopy.current ??= ask();
      const fromFile =
        fileCopy.current === null
          ? null
          : await indexFromWorkersFile(fileCopy.current, isCancelled).catch(() => null);
      if (cancelled) return;
      if (fromFile !== null) {
        fileCopy.current = Promise.resolve(null); // read; the index holds what it needs
        done(fromFile);
        return;
      }
      await nextTask();
      const docs: SearchDoc[] = [];
      for (let from = 0; from < listings.length; from += LISTINGS_PER_SLICE) {
        for (const listing of listings.slice(from, from + LISTINGS_PER_SLICE))
          docs.push(...toSearchDocs(listing));
        if (cancelled || docs.length > LOCAL_SEARCH_MAX_DOCS) return;
        await nextTask();
      }
      const built = await buildSearchIndexInSlices(docs, nextTask, DOCS_PER_SLICE);
      if (!cancelled) done(built);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [listings, start]);
  return index;
}
