import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchListings, type SearchHit } from '../../../src/search/engine';
import { packedBuffers, packHits, unpackHit, unpackHits } from '../../../src/search/packed-hits';
import { toSearchDocs } from '../../../src/search/search-docs';
import { makeListing } from './listing-factory';

const LISTINGS = [
  makeListing('el-megvii', 'Megvii Technology', [{ name: 'Face++', kind: 'aka' }]),
  makeListing(
    'cmic-megvii',
    'MEGVII TECHNOLOGY LIMITED',
    [],
    [{ type: 'ISIN', value: 'CNE100001TW7', country: null }],
  ),
  makeListing('ssi-gpb', 'GAZPROMBANK JOINT STOCK COMPANY', [{ name: 'GPB', kind: 'aka' }]),
  makeListing('el-sugon', 'Sugon', [{ name: 'Dawning Information Industry', kind: 'weak' }]),
];
const INDEX = buildSearchIndex(LISTINGS.flatMap(toSearchDocs));
const QUERIES = [
  'megvii',
  'megviu',
  'meg',
  'cne100001tw7',
  'gazprom bank',
  'dawning zzyzx',
  'sugon',
];
const HITS: SearchHit[] = QUERIES.flatMap((query) => searchListings(INDEX, query));

describe('packed hits', () => {
  it('read back as the hits they were packed from, every field', () => {
    // The queries reach every kind of field, so that a field lost in packing would show.
    expect(HITS.some((hit) => hit.identifierType === 'ISIN' && hit.match === null)).toBe(true);
    expect(HITS.some((hit) => hit.variantNote !== null)).toBe(true);
    expect(HITS.some((hit) => hit.match?.prefixTerm === 'meg')).toBe(true);
    expect(HITS.some((hit) => (hit.match?.typos ?? 0) > 0)).toBe(true);
    expect(HITS.some((hit) => hit.isPartial)).toBe(true);
    expect(HITS.some((hit) => hit.match?.isFullName === true)).toBe(true);
    expect(new Set(HITS.map((hit) => hit.matchedKind))).toEqual(
      new Set(['primary', 'identifier', 'weak']),
    );

    const packed = packHits(HITS);
    expect(packed.count).toBe(HITS.length);
    expect(unpackHits(packed)).toEqual(HITS);
    // A string shared by several hits is sent once.
    expect(packed.strings.filter((text) => text === 'Megvii Technology')).toHaveLength(1);
  });

  it("give each hit's listing as its position in the page's order, -1 when it has none", () => {
    const hits = searchListings(INDEX, 'megvii');
    expect(hits.map((hit) => hit.listingId)).toEqual(['cmic-megvii', 'el-megvii']);
    const positionOf = new Map([
      ['el-megvii', 5],
      ['ssi-gpb', 2],
    ]);
    // As the search gives them (`listingPositions`): a position where the order has one.
    const placed = hits.map((hit) => {
      const position = positionOf.get(hit.listingId);
      return position === undefined ? hit : { ...hit, position };
    });
    const packed = packHits(placed, 3);
    expect(packed.order).toBe(3);
    expect(packed.listingIds).toBeNull();
    expect(Array.from(packed.positions)).toEqual([-1, 5]);
    // The page names the listing it found the hit by.
    expect(unpackHit(packed, 1, 'el-megvii')).toEqual(hits[1]);
    // Without an order, the ids go instead.
    expect(packHits(hits).listingIds).toEqual(['cmic-megvii', 'el-megvii']);
  });

  it('transfer as typed arrays: their buffers move, the rest is a small copy', () => {
    const packed = packHits(HITS, 1);
    const buffers = packedBuffers(packed);
    expect(buffers).toHaveLength(8);
    const { port1 } = new MessageChannel();
    port1.postMessage(packed, buffers);
    // Moved: unusable here afterwards.
    expect(packed.slots.length).toBe(0);
    expect(packed.scores.byteLength).toBe(0);
    port1.close();
  });
});
