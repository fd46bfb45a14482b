import { listingSchema } from '../domain/listing';

/**
 * The first listing of a listings file that breaks the schema, described by file, listing number
 * and field ("listings.json, listing 12: field "list" Invalid option…"), or null when all pass.
 * Shared by the page and the search worker, whichever validates (see `loadDataset`).
 */
export function firstInvalidListing(values: readonly unknown[], file: string): string | null {
  for (let index = 0; index < values.length; index += 1) {
    const parsed = listingSchema.safeParse(values[index]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return `${file}, listing ${index + 1}: field "${issue?.path.join('.') ?? '?'}" ${issue?.message ?? 'is invalid'}.`;
    }
  }
  return null;
}
