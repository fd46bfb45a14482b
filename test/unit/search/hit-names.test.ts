import { describe, expect, it } from 'vitest';
import { nameOfSlot, withMatchedNames } from '../../../src/search/hit-names';
import type { SearchHit } from '../../../src/search/engine';
import { makeListing } from './listing-factory';

const SUGON = makeListing('el-sugon', 'Sugon', [
  { name: 'Dawning Information Industry', kind: 'aka' },
  { name: 'Dawning', kind: 'weak' },
]);
const BY_ID = new Map([[SUGON.id, SUGON]]);

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

describe('withMatchedNames', () => {
  it("names a hit from its listing's primary name or alias, by slot", () => {
    expect(nameOfSlot(SUGON, 0)).toBe('Sugon');
    expect(nameOfSlot(SUGON, 2)).toBe('Dawning');
    expect(nameOfSlot(SUGON, 3)).toBeUndefined();
    expect(withMatchedNames([hit(0), hit(1)], BY_ID).map((named) => named.matchedName)).toEqual([
      'Sugon',
      'Dawning Information Industry',
    ]);
  });

  it('keeps names already given, and hits it cannot name, as they are', () => {
    const named = [hit(1, 'As written')];
    expect(withMatchedNames(named, BY_ID)).toBe(named);
    const unknown = hit(0, '', 'sdn-elsewhere');
    expect(withMatchedNames([unknown, hit(0)], BY_ID)).toEqual([
      unknown,
      { ...hit(0), matchedName: 'Sugon' },
    ]);
  });
});
