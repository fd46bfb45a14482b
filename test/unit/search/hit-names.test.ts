import { describe, expect, it } from 'vitest';
import { namedHit, nameOfSlot } from '../../../src/search/hit-names';
import type { SearchHit } from '../../../src/search/engine';
import { makeListing } from './listing-factory';

const SUGON = makeListing('el-sugon', 'Sugon', [
  { name: 'Dawning Information Industry', kind: 'aka' },
  { name: 'Dawning', kind: 'weak' },
]);

function hit(matchedSlot: number, matchedName = '', listingId = SUGON.id): SearchHit {
  return {
    listingId,
    matchedName,
    matchedKind: matchedSlot === 0 ? 'primary' : 'aka',
    matchedSlot,
    score: 1,
    quality: 'exact',
    match: null,
    variantNote: null,
    isPartial: false,
  };
}

describe('namedHit', () => {
  it("names a hit from its listing's primary name or alias, by slot", () => {
    expect(nameOfSlot(SUGON, 0)).toBe('Sugon');
    expect(nameOfSlot(SUGON, 2)).toBe('Dawning');
    expect(nameOfSlot(SUGON, 3)).toBeUndefined();
    expect([hit(0), hit(1)].map((unnamed) => namedHit(unnamed, SUGON).matchedName)).toEqual([
      'Sugon',
      'Dawning Information Industry',
    ]);
    expect(namedHit(hit(0), SUGON)).toEqual({ ...hit(0), matchedName: 'Sugon' });
  });

  it('keeps names already given, and hits past the names (identifiers), as they are', () => {
    const named = hit(1, 'As written');
    expect(namedHit(named, SUGON)).toBe(named);
    const pastTheNames = hit(3);
    expect(namedHit(pastTheNames, SUGON)).toBe(pastTheNames);
  });
});
