import type { AliasKind, Identifier, Listing } from '../domain/listing';
import { normalizeIdentifier } from './normalize';

/** Which name of a listing a search document is. `identifier` documents match exactly only. */
export const NAME_KINDS = ['primary', 'aka', 'fka', 'nka', 'weak', 'identifier'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

/** One searchable name of one listing. A listing with three aliases gives four documents, so a
 * hit can say which name matched. */
export interface SearchDoc {
  /** `${listingId}#${nameIndex}`: 0 is the primary name, then aliases, then identifiers. */
  readonly id: string;
  readonly listingId: string;
  /** The name as the source wrote it (for identifiers: the identifier value); '' for a name read
   * from a search file, which leaves the names to the listings (`src/search/search-file.ts`). */
  readonly name: string;
  readonly kind: NameKind;
  /** For `identifier` documents, the source's identifier type ("ISIN", "Passport"). */
  readonly identifierType?: string;
}

/**
 * Identifier types looked up by exact value. These are codes a journalist pastes from a document
 * (an ISIN from a prospectus, an IMO number from a ship tracker); dates, gender, websites and
 * free-text "Additional Sanctions Information" in the same `ids` column are not identities.
 * Matched against the CSL/OFAC type labels, e.g. "Unified Social Credit Code (USCC)".
 */
const EXACT_IDENTIFIER_TYPES: readonly RegExp[] = [
  /\bisin\b/i,
  /\buscc\b|unified social credit/i,
  /\bimo\b|vessel registration identification|\bmmsi\b/i,
  /passport/i,
  /registration (number|no|id|document)/i,
  /registry number|company number|legal entity number|d-u-n-s|\blei\b/i,
  /tax id|national id|identification number|cedula|\bnit\b|c\.?u\.?r\.?p|r\.?f\.?c|\bruc\b/i,
  /swift|\bbic\b|\bbik\b/i,
  /serial number|tail number/i,
  /digital currency address/i,
  /equity ticker/i,
];

/** The lists use a few dozen identifier type labels for ~30k identifiers: each is matched once. */
const exactTypeVerdicts = new Map<string, boolean>();

export function isExactIdentifierType(type: string): boolean {
  let verdict = exactTypeVerdicts.get(type);
  if (verdict === undefined) {
    verdict = EXACT_IDENTIFIER_TYPES.some((pattern) => pattern.test(type));
    exactTypeVerdicts.set(type, verdict);
  }
  return verdict;
}

/** An identifier worth an exact lookup: a known type, and a value with a digit in it, so that a
 * code can never collide with an ordinary word of a name. */
function isSearchableIdentifier(identifier: Identifier): boolean {
  if (!isExactIdentifierType(identifier.type)) return false;
  const key = normalizeIdentifier(identifier.value);
  return key.length >= 3 && /\d/.test(key);
}

/** The search documents of one listing: primary name, every alias, exact-lookup identifiers. */
export function toSearchDocs(
  listing: Pick<Listing, 'id' | 'name' | 'aliases' | 'identifiers'>,
): SearchDoc[] {
  const names: { name: string; kind: 'primary' | AliasKind }[] = [
    { name: listing.name, kind: 'primary' },
    ...listing.aliases,
  ];
  const docs: SearchDoc[] = names.map(({ name, kind }, index) => ({
    id: `${listing.id}#${index}`,
    listingId: listing.id,
    name,
    kind,
  }));
  for (const identifier of listing.identifiers.filter(isSearchableIdentifier)) {
    docs.push({
      id: `${listing.id}#${docs.length}`,
      listingId: listing.id,
      name: identifier.value,
      kind: 'identifier',
      identifierType: identifier.type,
    });
  }
  return docs;
}

/** Reads the documents the page sends to the worker, checking each before it is indexed. */
export function parseSearchDocs(json: string): SearchDoc[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) throw new Error('search documents: expected an array');
  return value.map((item: unknown, index) => {
    if (!isSearchDoc(item))
      throw new Error(`search documents: item ${index} is not a search document`);
    return item;
  });
}

function isSearchDoc(item: unknown): item is SearchDoc {
  if (!hasStringFields(item, ['id', 'listingId', 'name', 'kind'])) return false;
  const doc = item as Record<string, unknown>;
  return (
    (NAME_KINDS as readonly string[]).includes(doc.kind as string) &&
    (doc.identifierType === undefined || typeof doc.identifierType === 'string')
  );
}

/** The search documents of listings read in the worker, checking only the fields search reads
 * (the worker validates every listing against the full schema first: `load-listings-file`). */
export function docsFromListings(listings: readonly unknown[]): SearchDoc[] {
  return listings.flatMap((item: unknown, index) => {
    if (!isSearchableListing(item))
      throw new Error(`listings file: listing ${index + 1} cannot be searched`);
    return toSearchDocs(item);
  });
}

type SearchableListing = Pick<Listing, 'id' | 'name' | 'aliases' | 'identifiers'>;

function isSearchableListing(item: unknown): item is SearchableListing {
  if (!hasStringFields(item, ['id', 'name'])) return false;
  const { aliases, identifiers } = item as Record<string, unknown>;
  return (
    Array.isArray(aliases) &&
    aliases.every((alias: unknown) => hasStringFields(alias, ['name', 'kind'])) &&
    Array.isArray(identifiers) &&
    identifiers.every((identifier: unknown) => hasStringFields(identifier, ['type', 'value']))
  );
}

function hasStringFields(value: unknown, fields: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return fields.every((field) => typeof record[field] === 'string');
}
