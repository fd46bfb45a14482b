/**
 * Reading `listings.json` in two parts, by its layout of one listing per line
 * (`src/domain/listings-file.ts`): the search worker parses and checks the first listings while
 * the page parses the whole file, and reads the rest only afterwards, to index them. Parsing all
 * 17 MB first cost the worker ~0.4 s before it could check anything, and the page waited for it.
 *
 * Whatever does not have that layout exactly (a hand-made or older file) gives null, and the
 * caller parses the whole file instead: the layout is a shortcut, never a requirement.
 */
import { LISTINGS_FOOTER_LINE, listingsHeaderLine } from '../domain/listings-file';

const LINE_BREAK = 0x0a;

export interface LeadingListings {
  /** The first listings of the file, each still unchecked. */
  readonly listings: readonly unknown[];
  /** Where the rest of the file starts, for `readRemainingListings`. */
  readonly restStart: number;
}

/** The first `count` listings of a listings file in `schemaVersion`, or null (see above). */
export function readLeadingListings(
  bytes: Uint8Array,
  schemaVersion: number,
  count: number,
): LeadingListings | null {
  const header = listingsHeaderLine(schemaVersion);
  const headerEnd = bytes.indexOf(LINE_BREAK);
  if (headerEnd !== header.length || decode(bytes.subarray(0, headerEnd)) !== header) return null;
  let end = headerEnd;
  for (let line = 0; line < count; line += 1) {
    end = bytes.indexOf(LINE_BREAK, end + 1);
    if (end < 0) return null;
  }
  const listings = parseLines(decode(bytes.subarray(headerEnd + 1, end)));
  if (listings === null || listings.length !== count) return null;
  return { listings, restStart: end + 1 };
}

/** The listings after `leading` (the rest of the same file), or null. */
export function readRemainingListings(
  bytes: Uint8Array,
  leading: LeadingListings,
): readonly unknown[] | null {
  const text = decode(bytes.subarray(leading.restStart)).trimEnd();
  if (!text.endsWith(LISTINGS_FOOTER_LINE)) return null;
  const lines = text.slice(0, -LISTINGS_FOOTER_LINE.length);
  // The leading part ended with a comma when listings follow it, and the rest must not be empty.
  return lines.trim() === '' ? [] : parseLines(lines);
}

/** A listings file read in two parts, for the search worker: `leading` holds the first `count`
 * listings, or all of them where the layout did not allow reading just those; `remaining()`
 * reads the ones after `leading`. */
export interface ListingsInParts {
  readonly leading: readonly unknown[];
  remaining(): readonly unknown[];
}

export function readListingsInParts(
  bytes: Uint8Array,
  schemaVersion: number,
  count: number,
): ListingsInParts {
  const leading = readLeadingListings(bytes, schemaVersion, count);
  if (leading === null) {
    const all = readWholeListings(bytes);
    return { leading: all, remaining: () => [] };
  }
  return {
    leading: leading.listings,
    remaining: () => readRemainingListings(bytes, leading) ?? readWholeListings(bytes).slice(count),
  };
}

/** The `listings` array of a whole listings file, each item still unchecked. */
function readWholeListings(bytes: Uint8Array): readonly unknown[] {
  const file: unknown = JSON.parse(decode(bytes));
  const listings = (file as { listings?: unknown } | null)?.listings;
  if (!Array.isArray(listings)) throw new Error('listings file: no "listings" array');
  return listings;
}

/** Lines of `{…},` as an array; null when they are not exactly that. */
function parseLines(lines: string): unknown[] | null {
  const body = lines.trimEnd().replace(/,$/, '');
  try {
    const value: unknown = JSON.parse(`[${body}]`);
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
