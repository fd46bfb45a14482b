/**
 * Messages between the page and the search worker. Both sides import these types, so a renamed
 * field fails the type check on both ends.
 */
import type { SearchFileRef } from '../domain/data-files';
import type { PackedHits } from './packed-hits';
import type { MatchQuality } from './classify';
import type { NameKind } from './search-docs';

/**
 * The page's position of each listing, for the worker to answer in. At 10× the lists, 152,040 ids
 * sent as an array, and a Map of them, were the worker's first ~140 ms after "Search ready": a
 * keystroke typed then waited for them. Sent in the worker's own order (the listings file's), the
 * ids are one string that the worker compares with its own, and the positions one typed array.
 */
export interface HitOrder {
  /** Listing ids joined by line breaks (an id has none: `src/domain/listing.ts`). */
  readonly ids: string;
  /** The page's position of each listing `ids` names, in that order (transferred). */
  readonly positions: Int32Array;
}

export type SearchWorkerRequest =
  /** `docs` is the JSON of the SearchDoc[] to index. A string crosses to the worker as one copy,
   * where a structured clone of every listing object cost the page ~0.8 s for 15k listings. */
  | { readonly type: 'load'; readonly docs: string }
  /** Downloads, hashes, reads and indexes the search file at `url` from now on, before the
   * manifest has said which file goes with the listings: `index-search-file` and
   * `load-listings-file` take it if they name this URL. Sent as soon as the worker starts, which
   * has nothing else to do until the listings come. Not answered. */
  | {
      readonly type: 'prefetch-search-file';
      readonly url: string;
      /** The page downloads it and sends its bytes (`search-file-bytes`): started before this
       * worker's own script has loaded, the download ends ~0.15 s sooner. */
      readonly bytesFollow?: boolean;
    }
  /** The bytes of the search file a `prefetch-search-file` with `bytesFollow` asked for, as the
   * page downloaded them; null when its download failed (the worker then asks for them itself).
   * Not answered. */
  | { readonly type: 'search-file-bytes'; readonly url: string; readonly blob: Blob | null }
  /** The raw bytes of `listings.json` (named `file`, `count` listings by its manifest),
   * transferred as soon as they arrive: the worker hashes them, parses and validates its share of
   * the listings against the full schema (`workerValidationEnd`) while the page parses the same
   * file (two cores); answered by `validated`. */
  | {
      readonly type: 'load-listings-file';
      readonly bytes: ArrayBuffer;
      readonly file: string;
      readonly count: number;
      /** The search file written with these listings (`src/search/search-file.ts`), when the
       * manifest names one: downloaded from now on, for `index-listings`. */
      readonly searchFile?: SearchFileRef;
    }
  /** Indexes the search file the manifest names (`searchFile`) before the listings have arrived,
   * once its bytes have the manifest's SHA-256 and it was written with listings of the manifest's
   * `listingsSha256`; answered by `ready`. A later `index-listings` keeps this index when the
   * listings file has that SHA-256 (the page checks it against the manifest too). */
  | {
      readonly type: 'index-search-file';
      readonly searchFile: SearchFileRef;
      readonly listingsSha256: string;
    }
  /** The first `limit` hits of `query`, named by the search file's primary names: what the page
   * shows while the listings are still arriving; answered by `preview`. */
  | {
      readonly type: 'preview';
      readonly requestId: number;
      readonly query: string;
      readonly limit: number;
    }
  /** Indexes the listings the last `load-listings-file` read: from its search file when that has
   * the manifest's SHA-256 and was written with these very listings, else from the listings
   * themselves; answered by `ready`. */
  | { readonly type: 'index-listings' }
  /** A copy of the search file the index was read from, for the page to read its own copy of
   * the index from (`indexFromSearchFileInSlices`): checked here already, and downloaded once.
   * Answered by `search-file-copy`: null when the listings were indexed instead, or when the index
   * has more than `maxDocs` documents (more than the page keeps a copy of). Asked once. */
  | { readonly type: 'search-file-copy'; readonly maxDocs: number }
  /** Where the page keeps each listing: from now on, each hit says where its listing is
   * (`PackedHits.positions`), tagged with `order`. Not answered. */
  | ({ readonly type: 'hit-order'; readonly order: number } & HitOrder)
  | {
      readonly type: 'search';
      readonly requestId: number;
      readonly query: string;
      /** Structured clone copies a Set, so the facet selection crosses as it is. */
      readonly candidateIds?: ReadonlySet<string>;
    };

export type SearchWorkerResponse =
  | {
      readonly type: 'ready';
      readonly docCount: number;
      readonly millis: number;
      /** Why the search file offered was not used (the listings were indexed instead). */
      readonly searchFileProblem?: string;
    }
  /** `problem`: the first listing of the worker's share that fails the schema, in words, or null
   * when all pass; `sha256`: of the bytes, null when the worker cannot hash. */
  | {
      readonly type: 'validated';
      readonly problem: string | null;
      readonly sha256: string | null;
      readonly millis: number;
    }
  | { readonly type: 'search-file-copy'; readonly bytes: ArrayBuffer | null }
  | {
      readonly type: 'preview';
      readonly requestId: number;
      /** How many listings the query found; `rows` are the first of them, best first. */
      readonly total: number;
      readonly rows: readonly PreviewRow[];
      readonly millis: number;
    }
  | {
      readonly type: 'results';
      readonly requestId: number;
      /** Transferred: typed arrays, in the last `hit-order`'s positions when there was one. */
      readonly hits: PackedHits;
      readonly millis: number;
    }
  /** `requestId` null: the failure was a `load`. */
  | { readonly type: 'error'; readonly requestId: number | null; readonly message: string };

/** A hit named from the search file alone: no listing needed. */
export interface PreviewRow {
  readonly listingId: string;
  /** The listing's name as its list writes it. */
  readonly name: string;
  /** Its list's code, as the listings file has it ("SDN"). */
  readonly list: string;
  /** Which kind of its names matched ('primary' for `name` itself). */
  readonly matchedKind: NameKind;
  readonly quality: MatchQuality;
}

const RESPONSE_TYPES: readonly string[] = [
  'ready',
  'validated',
  'search-file-copy',
  'preview',
  'results',
  'error',
];

/** A message from the worker is data crossing a boundary: check its tag before trusting it. */
export function isSearchWorkerResponse(value: unknown): value is SearchWorkerResponse {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  return typeof value.type === 'string' && RESPONSE_TYPES.includes(value.type);
}
