import { describe, expect, it } from 'vitest';
import { listingsFileText } from '../../../src/domain/listings-file';
import {
  readLeadingListings,
  readListingsInParts,
  readRemainingListings,
} from '../../../src/data/listings-lines';

const LISTINGS = [{ id: 'a-1' }, { id: 'a-2', name: 'Line\nbreak, "quoted"' }, { id: 'a-3' }];
const bytesOf = (text: string) => new TextEncoder().encode(text);
const lines = (listings: readonly unknown[]) =>
  listingsFileText(
    2,
    listings.map((listing) => JSON.stringify(listing)),
  );

describe('listings.json, one listing per line', () => {
  it('is one JSON document with the listings in order', () => {
    expect(JSON.parse(lines(LISTINGS))).toEqual({ schemaVersion: 2, listings: LISTINGS });
    expect(JSON.parse(lines([]))).toEqual({ schemaVersion: 2, listings: [] });
  });

  it('reads any leading part, then the rest, as the whole document has them', () => {
    const bytes = bytesOf(lines(LISTINGS));
    for (let count = 0; count <= LISTINGS.length; count += 1) {
      const leading = readLeadingListings(bytes, 2, count);
      expect(leading?.listings).toEqual(LISTINGS.slice(0, count));
      expect(readRemainingListings(bytes, leading!)).toEqual(LISTINGS.slice(count));
    }
  });

  it('gives null, for the caller to parse the whole file, where the layout is not exactly that', () => {
    const whole = bytesOf(JSON.stringify({ schemaVersion: 2, listings: LISTINGS }));
    expect(readLeadingListings(whole, 2, 1)).toBeNull();
    // Another schema version, more listings than lines, a listing over two lines.
    expect(readLeadingListings(bytesOf(lines(LISTINGS)), 3, 1)).toBeNull();
    expect(readLeadingListings(bytesOf(lines(LISTINGS)), 2, 4)).toBeNull();
    const split = lines(LISTINGS).replace('{"id":"a-2",', '{"id":"a-2",\n');
    expect(JSON.parse(split)).toEqual({ schemaVersion: 2, listings: LISTINGS });
    expect(readLeadingListings(bytesOf(split), 2, 2)).toBeNull();
    // Two listings on one line: the line count and the listing count disagree.
    const joined = lines(LISTINGS).replace('},\n{"id":"a-2"', '},{"id":"a-2"');
    expect(readLeadingListings(bytesOf(joined), 2, 1)).toBeNull();
    // A file cut short: the rest does not end the document.
    const cut = bytesOf(lines(LISTINGS).slice(0, -4));
    const leading = readLeadingListings(cut, 2, 1);
    expect(leading).not.toBeNull();
    expect(readRemainingListings(cut, leading!)).toBeNull();
  });
});

describe('readListingsInParts', () => {
  it('gives the leading listings, then the rest, for either layout', () => {
    const byLine = readListingsInParts(bytesOf(lines(LISTINGS)), 2, 1);
    expect(byLine.leading).toEqual(LISTINGS.slice(0, 1));
    expect([...byLine.leading, ...byLine.remaining()]).toEqual(LISTINGS);
    const whole = readListingsInParts(
      bytesOf(JSON.stringify({ schemaVersion: 2, listings: LISTINGS })),
      2,
      1,
    );
    expect(whole.leading).toEqual(LISTINGS);
    expect(whole.remaining()).toEqual([]);
  });
});
