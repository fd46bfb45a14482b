import type { Listing } from '../../../domain/listing';
import { compactKey } from '../../../search/normalize';

/**
 * "Also listed as": the same party on other lists. Two listings are linked when a name or alias
 * of one, normalised the way search normalises names (case, accents, punctuation, legal forms,
 * spacing), equals a name or alias of the other. Weak aliases count: OFAC's 'SUGON' is how
 * Dawning Information Industry appears on the Entity List. Keys shorter than four characters
 * are skipped: "ABC" would join unrelated parties.
 */
export type AlsoListedIndex = ReadonlyMap<string, readonly string[]>;

const MIN_KEY_LENGTH = 4;

export function buildAlsoListedIndex(listings: readonly Listing[]): AlsoListedIndex {
  const index = new Map<string, string[]>();
  for (const listing of listings) {
    for (const key of nameKeys(listing)) {
      const ids = index.get(key);
      if (ids) {
        if (ids[ids.length - 1] !== listing.id) ids.push(listing.id);
      } else index.set(key, [listing.id]);
    }
  }
  return index;
}

export interface AlsoListedMatch {
  readonly id: string;
  /** The shared name, as the other listing writes it. */
  readonly viaName: string;
}

export function findAlsoListed(
  listing: Listing,
  index: AlsoListedIndex,
  byId: ReadonlyMap<string, Listing>,
): AlsoListedMatch[] {
  const matches = new Map<string, AlsoListedMatch>();
  for (const key of nameKeys(listing)) {
    for (const id of index.get(key) ?? []) {
      if (id === listing.id || matches.has(id)) continue;
      const other = byId.get(id);
      if (!other) continue;
      const viaName = allNames(other).find((name) => compactKey(name) === key) ?? other.name;
      matches.set(id, { id, viaName });
    }
  }
  return [...matches.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function allNames(listing: Listing): string[] {
  return [listing.name, ...listing.aliases.map((alias) => alias.name)];
}

function nameKeys(listing: Listing): Set<string> {
  const keys = new Set<string>();
  for (const name of allNames(listing)) {
    const key = compactKey(name);
    if (key.length >= MIN_KEY_LENGTH) keys.add(key);
  }
  return keys;
}
