import { SCHEMA_VERSION, type Listing } from '../domain/listing';
import type { Manifest } from '../domain/manifest';
import { MANIFEST_PATH, type SearchFileRef } from '../domain/data-files';
import { matchesManifestSchema } from './manifest-check.generated';
import {
  firstInvalidListing,
  sha256Hex,
  workerValidationEnd,
  type ListingsCheck,
} from './validate-listings';

export interface Dataset {
  readonly manifest: Manifest;
  readonly listings: readonly Listing[];
  readonly byId: ReadonlyMap<string, Listing>;
  /** True when the offline service worker answered from its cache because the network failed:
   * the lists shown are the copy saved at an earlier visit. */
  readonly isOfflineCopy: boolean;
}

/** The header the offline service worker adds to a data file it serves from its cache (see
 * vite.config.ts, `offlineServiceWorker`). */
export const OFFLINE_COPY_HEADER = 'X-Sanctions-Offline-Copy';

export type { ListingsCheck };
export type ListingsVerdict = Promise<ListingsCheck>;

export type DataErrorKind = 'missing' | 'corrupt' | 'incompatible' | 'invalid' | 'network';

/** Why the data could not be shown, with what to do about it. */
export class DataLoadError extends Error {
  constructor(
    readonly kind: DataErrorKind,
    readonly file: string,
    message: string,
    readonly remedy: string,
  ) {
    super(message);
    this.name = 'DataLoadError';
  }
}

export interface LoadProgress {
  readonly stage: 'manifest' | 'listings' | 'checking';
  readonly loadedBytes: number;
  readonly totalBytes: number | null;
}

/**
 * `fetch` as the loader calls it, which may also report how many bytes of the body have arrived
 * (`onBytes`) while the promise is pending: the early download does (src/app/early-fetch.ts).
 * The global `fetch` is one, and reports nothing.
 */
export type FetchWithProgress = (
  url: string,
  init?: RequestInit,
  onBytes?: (loaded: number) => void,
) => Promise<Response>;

export interface LoadOptions {
  /** Folder URL holding manifest.json, ending in `/`. */
  readonly baseUrl: string;
  readonly fetch?: FetchWithProgress;
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Called with the listings file's bytes as soon as they arrive, before anything else, so that
   * other work (the search index, in a worker) starts in parallel; the callee may transfer them.
   * It takes on the SHA-256 and the schema validation of the listings before
   * `workerValidationEnd(count)`; the loader validates the rest meanwhile, and shows nothing
   * before the verdict. A verdict that fails leaves all the checks to the loader. */
  readonly onListingsBytes?: (
    bytes: Uint8Array<ArrayBuffer>,
    file: string,
    /** How many listings the manifest promises: the checker's share is counted from it. */
    count: number,
    /** The search file written with these listings, when the manifest names one. */
    searchFile: SearchFileRef | null,
  ) => ListingsVerdict;
  /** Called once the manifest is read, before the listings download ends, with the search file
   * it names (null: none) and the SHA-256 it gives the listings file: search can be made ready
   * from that file alone, which the loader then checks the listings against. */
  readonly onManifest?: (searchFile: SearchFileRef | null, listingsSha256: string) => void;
  /** Awaited before each of the long steps that follow the download (parsing, deriving,
   * validating), between which the page can answer other work: a message from the search
   * worker, and a frame that shows its answer. */
  readonly betweenSteps?: () => Promise<void>;
  /** Called with the parsed listings while their validation runs elsewhere, to derive what the
   * first render needs in time the page would spend waiting. Nothing may be shown from them yet;
   * a throw (malformed data) is ignored, since the verdict will refuse the data anyway. */
  readonly whileValidating?: (listings: readonly Listing[]) => void;
}

const REBUILD =
  'Rebuild the data with `npm run data -- --from DIR` (or `--download`), then reload the page.';
const RELOAD =
  'Reload the page; if it persists, the data on the server is damaged and must be rebuilt: ' +
  REBUILD;

/** The listings file's frame, `{ schemaVersion, listings: [...] }`, or null when it is not one. */
function listingsFileFrame(json: unknown): { schemaVersion: number; listings: unknown[] } | null {
  if (typeof json !== 'object' || json === null) return null;
  const { schemaVersion, listings } = json as Record<string, unknown>;
  return typeof schemaVersion === 'number' && Array.isArray(listings)
    ? { schemaVersion, listings }
    : null;
}

export async function loadDataset(options: LoadOptions): Promise<Dataset> {
  const fetchFn = options.fetch ?? fetch;
  let isOfflineCopy = false;
  const fetchFile = async (
    url: string,
    file: string,
    onBytes: (loaded: number, total: number | null) => void,
  ) => {
    const fetched = await fetchFileContent(fetchFn, url, file, onBytes);
    isOfflineCopy ||= fetched.isOfflineCopy;
    return fetched;
  };
  const { text: manifestText } = await fetchFile(
    options.baseUrl + MANIFEST_PATH,
    MANIFEST_PATH,
    (loaded, total) =>
      options.onProgress?.({ stage: 'manifest', loadedBytes: loaded, totalBytes: total }),
  );
  const manifest = await parseManifest(manifestText);
  mark('data:manifest');
  const searchFile = searchFileOf(manifest, options.baseUrl);
  options.onManifest?.(searchFile, manifest.listings.sha256);
  const listingsPath = manifest.listings.path;
  const { bytes: listingsBytes, text } = await fetchFile(
    options.baseUrl + listingsPath,
    listingsPath,
    (loaded) =>
      options.onProgress?.({
        stage: 'listings',
        loadedBytes: loaded,
        totalBytes: manifest.listings.bytes,
      }),
  );
  options.onProgress?.({
    stage: 'checking',
    loadedBytes: listingsBytes.length,
    totalBytes: manifest.listings.bytes,
  });
  mark('data:fetched');
  const checker = options.onListingsBytes;
  // With a checker, the bytes go to it at once (it may transfer them to a worker): the page has
  // its text already, decoded while the file downloaded.
  // Observed at once: a checker that fails must not surface as an unhandled rejection; its
  // checks fall back to this thread below.
  const checked: Promise<ListingsCheck | null> | null = checker
    ? checker(listingsBytes, listingsPath, manifest.listingCount, searchFile).then(
        (check) => check,
        () => null,
      )
    : null;
  if (checker) {
    // One turn of the event loop before the long parse-and-validate task below. Measured in
    // Chromium: a message posted to the worker while the page is still loading was often held on
    // this thread until that task ended (~0.7 s), and the worker started its share that late.
    await yieldToBrowser();
  }
  await options.betweenSteps?.();
  const expected = manifest.listings.sha256;
  const hashed =
    checked === null
      ? checkHash(listingsBytes, expected, listingsPath)
      : checked.then((check) =>
          check?.sha256 != null
            ? compareHash(check.sha256, expected, listingsPath)
            : // The bytes went to the checker: hash them again from the text. Only bytes that
              // were valid UTF-8 come back the same, and any other file is damaged anyway.
              checkHash(new TextEncoder().encode(text), expected, listingsPath),
        );
  // Kept for the benchmark's stage table: the bytes are handed over (decoding happened during
  // the download), and parsing starts.
  mark('data:decoded');
  let listings: Listing[];
  try {
    // With a checker, the page checks only the file's shape and version here; it validates its
    // share of the listings once the first render's facts are derived.
    listings = await parseListings(text, listingsPath, { validate: checked === null });
  } catch (error) {
    await hashed; // a checksum mismatch explains an unreadable file better than the parse error
    throw error;
  }
  if (checked !== null) {
    await options.betweenSteps?.();
    if (options.whileValidating) {
      try {
        options.whileValidating(listings);
      } catch {
        // The validation below names what is wrong with the data.
      }
      mark('data:prepared');
      await options.betweenSteps?.();
    }
    const checkerEnd = workerValidationEnd(listings.length);
    const ownProblem = await firstInvalidListing(listings, listingsPath, checkerEnd);
    mark('data:page-validated');
    await hashed;
    mark('data:hashed');
    const check = await checked;
    // A checker that failed to answer leaves its share to this thread too.
    const problem =
      (check === null
        ? await firstInvalidListing(listings, listingsPath, 0, checkerEnd)
        : check.problem) ?? ownProblem;
    if (problem !== null) throw new DataLoadError('invalid', listingsPath, problem, REBUILD);
  } else {
    await hashed;
    mark('data:hashed');
  }
  mark('data:validated');
  if (listings.length !== manifest.listingCount) {
    throw new DataLoadError(
      'corrupt',
      listingsPath,
      `${listingsPath} holds ${listings.length} listings but the manifest promises ${manifest.listingCount}.`,
      RELOAD,
    );
  }
  return {
    manifest,
    listings,
    byId: new Map(listings.map((listing) => [listing.id, listing])),
    isOfflineCopy,
  };
}

/** Where the search file `manifest` names is, under the data folder `baseUrl`, and its SHA-256;
 * null when it names none. */
export function searchFileOf(manifest: Manifest, baseUrl: string): SearchFileRef | null {
  return manifest.search
    ? { url: `${baseUrl}${manifest.search.path}`, sha256: manifest.search.sha256 }
    : null;
}

/** The manifest, checked by the check compiled from its schema and taken as it is (keys the
 * schema does not name are kept, as in the listings); zod, the contract, is loaded to judge and
 * word only a manifest that check refuses (src/pipeline/compiled-checks.ts). */
export async function parseManifest(text: string): Promise<Manifest> {
  const json = parseJson(text, MANIFEST_PATH);
  const version =
    typeof json === 'object' && json !== null
      ? (json as Record<string, unknown>).schemaVersion
      : undefined;
  if (typeof version === 'number' && version !== SCHEMA_VERSION) {
    throw new DataLoadError(
      'incompatible',
      MANIFEST_PATH,
      `The data is in schema version ${version}; this version of the app reads version ${SCHEMA_VERSION}.`,
      'Rebuild the data with this version of the app (`npm run data`), or use the app version that built it.',
    );
  }
  if (matchesManifestSchema(json)) return json as Manifest;
  const { manifestSchema } = await import('../domain/manifest');
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataLoadError(
      'invalid',
      MANIFEST_PATH,
      `${MANIFEST_PATH} is not a valid manifest: field "${issue?.path.join('.') ?? '?'}" ${issue?.message ?? ''}.`,
      REBUILD,
    );
  }
  return parsed.data;
}

/** The listings of a listings file; `validate: false` checks only the file's shape and version,
 * for a caller that validates the listings afterwards. */
export async function parseListings(
  text: string,
  file: string,
  { validate }: { validate: boolean } = { validate: true },
): Promise<Listing[]> {
  const json = parseJson(text, file);
  mark('data:parsed');
  const frame = listingsFileFrame(json);
  if (frame === null) {
    throw new DataLoadError('invalid', file, `${file} does not hold a list of listings.`, REBUILD);
  }
  if (frame.schemaVersion !== SCHEMA_VERSION) {
    throw new DataLoadError(
      'incompatible',
      file,
      `${file} is in schema version ${frame.schemaVersion}; this app reads version ${SCHEMA_VERSION}.`,
      REBUILD,
    );
  }
  const problem = validate ? await firstInvalidListing(frame.listings, file) : null;
  if (problem !== null) throw new DataLoadError('invalid', file, problem, REBUILD);
  // Checked against the schema just now, or by the caller's validator before it is trusted.
  return frame.listings as Listing[];
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DataLoadError(
      'corrupt',
      file,
      `${file} is damaged or was only partly downloaded (${detail}).`,
      RELOAD,
    );
  }
}

function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Named moments of the load, read by the benchmarks (performance.getEntriesByType('mark')). */
function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}

/**
 * A file's bytes and its text. The body is taken whole and decoded once: read as a stream, the
 * 17 MB listings file cost the main thread ~0.3 s of chunk handling (and decoding it chunk by
 * chunk ~2× decoding it whole), while the page's bundle and first render needed that thread.
 * Progress is what the fetch layer reports while the request is pending (the early download
 * does; a plain fetch reports none, and the loading bar then shows no percentage).
 */
async function fetchFileContent(
  fetchFn: FetchWithProgress,
  url: string,
  file: string,
  onBytes: (loaded: number, total: number | null) => void,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; text: string; isOfflineCopy: boolean }> {
  let response: Response;
  onBytes(0, null);
  try {
    response = await fetchFn(url, { cache: 'no-cache' }, (loaded) => onBytes(loaded, null));
  } catch (error) {
    throw new DataLoadError(
      'network',
      file,
      `Could not fetch ${file}: ${error instanceof Error ? error.message : String(error)}.`,
      'Check the connection (or that the local server is running) and reload the page.',
    );
  }
  if (response.status === 404) {
    throw new DataLoadError('missing', file, `${file} was not found on the server.`, REBUILD);
  }
  if (!response.ok) {
    throw new DataLoadError(
      'network',
      file,
      `The server answered HTTP ${response.status} for ${file}.`,
      RELOAD,
    );
  }
  // Static hosts that serve index.html for every unknown path answer a missing file with a page.
  if (response.headers.get('content-type')?.startsWith('text/html')) {
    throw new DataLoadError(
      'missing',
      file,
      `${file} was not found on the server (it answered with a web page instead).`,
      REBUILD,
    );
  }
  const total = Number(response.headers.get('content-length')) || null;
  const isOfflineCopy = response.headers.get(OFFLINE_COPY_HEADER) === '1';
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    // Through a Blob: Chromium reads the 17 MB listings file's body as a Blob and then its bytes
    // in ~0.25 s from a fetch and ~0.07 s from early-data.js's request, against ~0.5 s and ~0.13 s
    // for `response.arrayBuffer()` (measured in the page, four runs each).
    bytes = new Uint8Array(await (await response.blob()).arrayBuffer());
  } catch (error) {
    throw new DataLoadError(
      'network',
      file,
      `The download of ${file} broke off: ${error instanceof Error ? error.message : String(error)}.`,
      RELOAD,
    );
  }
  onBytes(bytes.length, total);
  return { bytes, text: new TextDecoder('utf-8').decode(bytes), isOfflineCopy };
}

async function checkHash(
  bytes: Uint8Array<ArrayBuffer>,
  expected: string,
  file: string,
): Promise<void> {
  const actual = await sha256Hex(bytes);
  // Without SubtleCrypto (plain-http pages on a LAN address), the schema checks still run.
  if (actual !== null) compareHash(actual, expected, file);
}

function compareHash(actual: string, expected: string, file: string): void {
  if (actual !== expected) {
    throw new DataLoadError(
      'corrupt',
      file,
      `${file} does not match the manifest (its checksum differs): it is damaged, partly downloaded, or from another build.`,
      RELOAD,
    );
  }
}
