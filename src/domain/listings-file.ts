/**
 * The layout of `listings.json`: one JSON document, `{"schemaVersion":N,"listings":[…]}`, written
 * one listing per line:
 *
 *     {"schemaVersion":2,"listings":[
 *     {"id":"sdn-36",…},
 *     {"id":"sdn-173",…}
 *     ]}
 *
 * Any JSON reader reads it as one document. And because JSON escapes a line break inside a
 * string, a raw line break can only fall between listings: a reader that needs only some of them
 * (the search worker checks the first part of the file while the page checks the rest) can parse
 * just those lines (`src/data/listings-lines.ts`).
 */

/** The file's first line, up to and without its line break. */
export function listingsHeaderLine(schemaVersion: number): string {
  return `{"schemaVersion":${schemaVersion},"listings":[`;
}

/** The file's last line. */
export const LISTINGS_FOOTER_LINE = ']}';

/** The whole file, from each listing already written as one line of JSON (no line break). */
export function listingsFileText(schemaVersion: number, listingLines: readonly string[]): string {
  const body = listingLines.length === 0 ? '' : `${listingLines.join(',\n')}\n`;
  return `${listingsHeaderLine(schemaVersion)}\n${body}${LISTINGS_FOOTER_LINE}\n`;
}
