import { matchesListingSchema } from './listing-check.generated';

/**
 * The first listing of a listings file that breaks the schema, described by file, listing number
 * and field ("listings.json, listing 12: field "list" Invalid option…"), or null when all pass.
 * Checks the listings with index in [start, end): the page and the search worker each validate a
 * share of the file (see `loadDataset`).
 */
export async function firstInvalidListing(
  values: readonly unknown[],
  file: string,
  start = 0,
  end = values.length,
): Promise<string | null> {
  for (let index = start; index < end; index += 1) {
    // The compiled check accepts a valid listing ~2-3× faster than zod can under the page's CSP;
    // zod, the contract, judges and words whatever it does not accept. It is loaded only then:
    // it is no part of the bundles (src/pipeline/compiled-checks.ts says why).
    if (matchesListingSchema(values[index])) continue;
    const { listingSchema } = await import('../domain/listing-schema');
    const parsed = listingSchema.safeParse(values[index]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return `${file}, listing ${index + 1}: field "${issue?.path.join('.') ?? '?'}" ${issue?.message ?? 'is invalid'}.`;
    }
  }
  return null;
}

/** What whoever took the listings file's bytes found (`LoadOptions.onListingsBytes`). */
export interface ListingsCheck {
  /** The SHA-256 of the bytes in hex, or null when it could not hash them (the loader then
   * hashes its own copy). */
  readonly sha256: string | null;
  /** The first listing of its share (before `workerValidationEnd`) that breaks the schema, in
   * words (as `firstInvalidListing` words it), or null. */
  readonly problem: string | null;
}

/**
 * Where the search worker's share of the validation ends: it validates the listings before this
 * index, the page the rest. The page has decoded the file while it downloaded and parses all of
 * it, then derives the first table's facts; the worker decodes and parses only its share
 * (`readLeadingListings`) and hashes the bytes (Chromium computes the digest on the calling
 * thread), on a colder thread. Measured in Chromium (9 cold loads each): 65% left the page
 * waiting ~0.13 s for the worker, half ~0.07 s.
 */
export function workerValidationEnd(count: number): number {
  return Math.ceil(count * 0.5);
}

/** The SHA-256 of some bytes in hex, or null where SubtleCrypto is missing (a plain-http page
 * on a LAN address); the schema checks still run there. */
export async function sha256Hex(bytes: BufferSource): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
