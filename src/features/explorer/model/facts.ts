import { LISTS, type AgencyCode } from '../../../domain/lists';
import { listedDate, type Listing } from '../../../domain/listing';
import { rationalesFor } from '../../../domain/rationale';
import { sortFactsByName } from './filter';
import { NO_VALUE } from './view';

/**
 * What the explorer filters, counts and sorts on, computed once per listing when the data loads,
 * so that a keystroke or a facet click never re-derives it.
 */
export interface ListingFacts {
  readonly listing: Listing;
  readonly agency: AgencyCode;
  /** ISO-2 codes from addresses, nationalities and citizenships; [`none`] when there are none. */
  readonly countries: readonly string[];
  readonly programs: readonly string[];
  readonly rationales: readonly string[];
  /** The pipeline's sector (src/domain/sector-rules.ts), `unclassified` when no rule applies. */
  readonly sectors: readonly string[];
  readonly type: string;
  /** Official listed date, or null when the source publishes none. */
  readonly listed: string | null;
  /** Lower-case name for sorting. */
  readonly sortName: string;
}

const factsByListings = new WeakMap<readonly Listing[], readonly ListingFacts[]>();

/** The facts of every listing, in name order, computed once per listings array: the loader
 * derives them while the worker validates the data, and the first render finds them ready. */
export function factsOf(listings: readonly Listing[]): readonly ListingFacts[] {
  let facts = factsByListings.get(listings);
  if (facts === undefined) {
    facts = sortFactsByName(listings.map(deriveFacts));
    factsByListings.set(listings, facts);
  }
  return facts;
}

/** Most listings share their list and programs with many others: the rationales are looked up
 * once per combination (~70 ms of the first load's facts otherwise). */
const rationalesByPrograms = new Map<string, readonly string[]>();

function rationalesOf(listing: Listing): readonly string[] {
  const key = `${listing.list}\u0000${listing.programs.join('\u0000')}`;
  let rationales = rationalesByPrograms.get(key);
  if (rationales === undefined) {
    rationales = rationalesFor(listing);
    rationalesByPrograms.set(key, rationales);
  }
  return rationales;
}

export function deriveFacts(listing: Listing): ListingFacts {
  const countries = new Set<string>();
  for (const address of listing.addresses) if (address.country) countries.add(address.country);
  for (const code of listing.nationalities) countries.add(code);
  for (const code of listing.citizenships) countries.add(code);
  return {
    listing,
    agency: LISTS[listing.list].agency,
    countries: countries.size > 0 ? [...countries].sort() : [NO_VALUE],
    programs: listing.programs,
    rationales: rationalesOf(listing),
    sectors: [listing.sector.sector],
    type: listing.type ?? NO_VALUE,
    listed: listedDate(listing),
    // English has no special casing, so this equals toLocaleLowerCase('en'), without ICU.
    sortName: listing.name.toLowerCase(),
  };
}
