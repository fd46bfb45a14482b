/**
 * The first rows file: the listings the explorer's default view (no query, no filter, no sort)
 * starts with, in its order, in the layout of `listings.json` (`listings-file.ts`). The pipeline
 * writes it beside the listings and the manifest gives its SHA-256; the page shows these rows
 * while the 18 MB listings file downloads and is checked, and replaces them with the full table.
 */
import type { Listing } from './listing';

/** Listings in the file: more than the tallest screen shows of the table (77 px rows, or
 * ~190 px cards at phone width) before anyone could scroll. */
export const FIRST_ROWS_COUNT = 40;

/**
 * The explorer's default order: the name lower-cased, compared by UTF-16 code units (no locale,
 * so Node and every browser agree), then the id. The explorer's own sort
 * (`compareNames` in src/features/explorer/model/filter.ts) must agree; a test holds them together.
 */
export function compareListingsByName(a: Listing, b: Listing): number {
  const left = a.name.toLowerCase();
  const right = b.name.toLowerCase();
  if (left !== right) return left < right ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first `count` listings in the explorer's default order. */
export function firstListingsByName(
  listings: readonly Listing[],
  count = FIRST_ROWS_COUNT,
): Listing[] {
  return [...listings].sort(compareListingsByName).slice(0, count);
}
