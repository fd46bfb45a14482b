import type { Alias, Identifier, Listing } from '../../../src/domain/listing';
import { buildListing } from '../build-listing';

/** A minimal valid Listing for search tests: only what the engine reads varies. */
export function makeListing(
  id: string,
  name: string,
  aliases: Alias[] = [],
  identifiers: Identifier[] = [],
): Listing {
  return buildListing({ id, name, aliases, identifiers });
}
