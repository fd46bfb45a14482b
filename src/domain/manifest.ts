import { z } from 'zod';
import { LIST_CODES } from './lists';
import { SOURCE_FORMATS } from './listing';
import { isoDateSchema } from './listing-schema';

export { FIRST_ROWS_PATH, LISTINGS_PATH, MANIFEST_PATH, SEARCH_PATH } from './data-files';

/**
 * `public/data/manifest.json`: what the generated data is and where each list came from.
 * The app reads it first and refuses data of another schema version.
 */
export const sourceFileInfoSchema = z.object({
  /** Path relative to the source folder, e.g. `ofac/sdn-2021-07/sdn.csv`. */
  id: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  /** Data rows (header excluded). */
  rows: z.number().int().nonnegative(),
});

export const sourceInfoSchema = z.object({
  /** The id of the source's main file; unique in a manifest. */
  id: z.string(),
  /** Short name: `csl`, `csl-json`, `ofac-sdn`, `ofac-cons`, `bis-dpl`, `un`. */
  name: z.string(),
  format: z.enum(SOURCE_FORMATS),
  files: z.array(sourceFileInfoSchema),
  asOf: isoDateSchema.nullable(),
  asOfBasis: z.string(),
  /** False for a partial set (an OFAC primary file without aliases and addresses). */
  complete: z.boolean(),
  /** Lists the source carries. */
  lists: z.array(z.enum(LIST_CODES)),
  /** Lists taken from this source under the precedence rule. */
  usedFor: z.array(z.enum(LIST_CODES)),
});
export type SourceInfo = z.infer<typeof sourceInfoSchema>;

export const listInfoSchema = z.object({
  code: z.enum(LIST_CODES),
  /** Id of the source the list was taken from. */
  source: z.string(),
  count: z.number().int().nonnegative(),
  asOf: isoDateSchema.nullable(),
  /** Why this source was chosen, in words. */
  reason: z.string(),
});
export type ListSourceInfo = z.infer<typeof listInfoSchema>;

export const manifestSchema = z.object({
  schemaVersion: z.number().int().positive(),
  /** When the content last changed (kept on re-runs that produce identical data). */
  generatedAt: z.string(),
  /** True when built from the project's own test fixtures: not the official lists. */
  sample: z.boolean(),
  /** Set on a synthetic dataset made for benchmarks (`bench/synthetic.ts`, also `sample`): what
   * it is, in words. */
  synthetic: z.string().optional(),
  listingCount: z.number().int().nonnegative(),
  listings: z.object({
    path: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().positive(),
  }),
  /** The searchable names of the listings (added with the search file; absent in data built
   * before it, which the app searches by indexing the listings). */
  search: z
    .object({
      path: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().positive(),
    })
    .optional(),
  /** The listings the explorer's default view starts with, in its order (`first-rows.ts`; absent
   * in data built before it, where the page waits for the listings to show any row). */
  firstRows: z
    .object({
      path: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().positive(),
      count: z.number().int().nonnegative(),
    })
    .optional(),
  sources: z.array(sourceInfoSchema),
  lists: z.array(listInfoSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;
