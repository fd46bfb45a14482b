/**
 * Names hits from the listings. An index read from `search.bin` (the worker's, and the page's
 * own) knows which of a listing's names matched but not how it is written (the file leaves that
 * to the listings, which the page has): the results table names the hits of the rows it shows.
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

/** `hit` with its `matchedName` filled in from its listing when empty; the same hit otherwise
 * (an index built from the listings names its hits itself), or when the slot is not a name. */
export function namedHit<T extends Pick<SearchHit, 'matchedName' | 'matchedSlot'>>(
  hit: T,
  listing: Pick<Listing, 'name' | 'aliases'>,
): T {
  if (hit.matchedName !== '') return hit;
  const name = nameOfSlot(listing, hit.matchedSlot);
  return name === undefined ? hit : { ...hit, matchedName: name };
}
