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
  /** The listing's place in the listings it was derived with (`factsOf`): the listings file's
   * order, which the search worker's index keeps (`hitOrderOf`). */
  readonly listingIndex: number;
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
  /** The values of each facet, in `FACET_KEYS` order, made once here so that filtering and
   * counting allocate nothing per listing on every keystroke. */
  readonly facetLists: readonly (readonly string[])[];
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
  const { programs } = listing;
  // Most listings have one program: no array joined for them.
  const key =
    programs.length === 1
      ? `${listing.list}\u0000${programs[0]}`
      : `${listing.list}\u0000${programs.join('\u0000')}`;
  let rationales = rationalesByPrograms.get(key);
  if (rationales === undefined) {
    rationales = rationalesFor(listing);
    rationalesByPrograms.set(key, rationales);
  }
  return rationales;
}

/** One shared `[value]` per single value (an agency, a list, a type, a sector): a handful of
 * arrays for all the listings instead of four per listing. */
const singletons = new Map<string, readonly [string]>();

function singleton(value: string): readonly [string] {
  let list = singletons.get(value);
  if (list === undefined) {
    list = [value];
    singletons.set(value, list);
  }
  return list;
}

/** The listing's countries (addresses, nationalities, citizenships), each once, sorted; `[none]`
 * when it has none. An array and `includes`, not a Set: most listings have one or two. */
function countriesOf(listing: Listing): readonly string[] {
  const { addresses, nationalities, citizenships } = listing;
  // Loops, not a closure per listing: this runs 15,000 times on the way to the first rows.
  let countries: string[] | null = null;
  for (let at = 0; at < addresses.length; at += 1) {
    const code = addresses[at]?.country;
    if (code) countries = withCountry(countries, code);
  }
  for (let at = 0; at < nationalities.length; at += 1)
    countries = withCountry(countries, nationalities[at] ?? '');
  for (let at = 0; at < citizenships.length; at += 1)
    countries = withCountry(countries, citizenships[at] ?? '');
  if (countries === null) return singleton(NO_VALUE);
  // One country: the shared array of that code, as for a list or a type.
  return countries.length > 1 ? countries.sort() : singleton(countries[0] ?? NO_VALUE);
}

function withCountry(countries: string[] | null, code: string): string[] {
  if (countries === null) return [code];
  if (!countries.includes(code)) countries.push(code);
  return countries;
}

export function deriveFacts(listing: Listing, listingIndex: number): ListingFacts {
  const agency = LISTS[listing.list].agency;
  const countries = countriesOf(listing);
  const rationales = rationalesOf(listing);
  const sectors = singleton(listing.sector.sector);
  const type = listing.type ?? NO_VALUE;
  return {
    listing,
    listingIndex,
    agency,
    countries,
    programs: listing.programs,
    rationales,
    sectors,
    type,
    listed: listedDate(listing),
    // English has no special casing, so this equals toLocaleLowerCase('en'), without ICU.
    sortName: listing.name.toLowerCase(),
    // In FACET_KEYS order (a test holds them to it): agency, list, country, rationale, program,
    // sector, type.
    facetLists: [
      singleton(agency),
      singleton(listing.list),
      countries,
      rationales,
      listing.programs,
      sectors,
      singleton(type),
    ],
  };
}
