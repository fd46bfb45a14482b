/**
 * The generated data's file names, in a module without dependencies: the page's first script
 * (`src/app/early.ts`) needs the manifest's name before the app bundle, with zod, has loaded.
 */

/** The manifest's file name in the data folder (and in the pipeline's output folder). */
export const MANIFEST_PATH = 'manifest.json';

/** The file that holds the listings: a schema version and the records. The pipeline writes it
 * under this name and the manifest names it; the page asks for it before the manifest arrives. */
export const LISTINGS_PATH = 'listings.json';

/** The listings' search documents (`src/search/search-file.ts`), which the search worker
 * downloads as soon as it starts, while the listings download. */
export const SEARCH_PATH = 'search.bin';

/** The listings the explorer's default view starts with (`src/domain/first-rows.ts`), which the
 * page asks for with the manifest and shows while the listings file downloads. */
export const FIRST_ROWS_PATH = 'first-rows.json';

/** Where the app finds the search file, and the SHA-256 the manifest gives for it. */
export interface SearchFileRef {
  readonly url: string;
  readonly sha256: string;
}
