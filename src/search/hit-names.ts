/**
 * Names hits from the listings. The search worker's index, read from `search.json`, knows which
 * of a listing's names matched but not how it is written (the file leaves that to the listings,
 * which the page has): the page names its hits here before anything shows them.
 */
import type { SearchHit } from './engine';
import type { Listing } from '../domain/listing';

/** The name of a listing's search document `slot` (`toSearchDocs` order): 0 the primary name,
 * then its aliases; undefined past them (identifiers carry their values). */
export function nameOfSlot(
  listing: Pick<Listing, 'name' | 'aliases'>,
  slot: number,
): string | undefined {
  return slot === 0 ? listing.name : listing.aliases[slot - 1]?.name;
}

/** `hits` with every empty `matchedName` filled in from `listingsById`; the same array when none
 * was empty (an index built from the listings names its hits itself). */
export function withMatchedNames<T extends SearchHit>(
  hits: readonly T[],
  listingsById: ReadonlyMap<string, Pick<Listing, 'name' | 'aliases'>>,
): readonly T[] {
  if (!hits.some((hit) => hit.matchedName === '')) return hits;
  return hits.map((hit) => {
    if (hit.matchedName !== '') return hit;
    const listing = listingsById.get(hit.listingId);
    const name = listing === undefined ? undefined : nameOfSlot(listing, hit.matchedSlot);
    return name === undefined ? hit : { ...hit, matchedName: name };
  });
}
