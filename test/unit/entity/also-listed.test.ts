import { describe, expect, it } from 'vitest';
import {
  buildAlsoListedIndex,
  findAlsoListed,
} from '../../../src/features/entity/model/also-listed';
import { buildListing } from '../build-listing';

const LISTINGS = [
  buildListing({ id: 'el-1', name: 'Megvii Technology', list: 'EL' }),
  buildListing({ id: 'cmic-2', name: 'MEGVII TECHNOLOGY LIMITED', list: 'CMIC' }),
  buildListing({
    id: 'el-3',
    name: 'Sugon',
    list: 'EL',
    aliases: [{ name: 'Dawning Information Industry Co.', kind: 'aka' }],
  }),
  buildListing({
    id: 'cmic-4',
    name: 'DAWNING INFORMATION INDUSTRY CO., LTD',
    list: 'CMIC',
    aliases: [{ name: 'SUGON', kind: 'weak' }],
  }),
  buildListing({ id: 'sdn-5', name: 'ABC', aliases: [{ name: 'Megvii', kind: 'aka' }] }),
  buildListing({ id: 'sdn-6', name: 'ABC' }),
];
const byId = new Map(LISTINGS.map((listing) => [listing.id, listing]));
const index = buildAlsoListedIndex(LISTINGS);
const also = (id: string) => findAlsoListed(byId.get(id)!, index, byId).map((match) => match.id);

describe('also listed as', () => {
  it('links the same party across lists despite case and legal forms', () => {
    expect(also('el-1')).toEqual(['cmic-2']);
    expect(also('cmic-2')).toEqual(['el-1']);
  });

  it('links through aliases, weak ones included, and names the shared name', () => {
    expect(also('el-3')).toEqual(['cmic-4']);
    const match = findAlsoListed(byId.get('cmic-4')!, index, byId)[0];
    // Both names are shared; either is a truthful explanation.
    expect(['Sugon', 'Dawning Information Industry Co.']).toContain(match?.viaName);
  });

  it('does not link on a partial name or on very short names', () => {
    expect(also('sdn-5')).toEqual([]);
    expect(also('sdn-6')).toEqual([]);
  });
});
