import { z } from 'zod';
import { SCHEMA_VERSION, type Listing } from '../domain/listing';
import { MANIFEST_PATH, manifestSchema, type Manifest } from '../domain/manifest';
import { firstInvalidListing } from './validate-listings';

export interface Dataset {
  readonly manifest: Manifest;
  readonly listings: readonly Listing[];
  readonly byId: ReadonlyMap<string, Listing>;
}

/** What whoever took the listings bytes found when validating them against the schema: the first
 * problem (as `firstInvalidListing` words it), or null. */
export type ListingsVerdict = Promise<string | null>;

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

export interface LoadOptions {
  /** Folder URL holding manifest.json, ending in `/`. */
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Called with the listings file's bytes as soon as they arrive, before they are checked, so
   * other work (the search index, in a worker) can start in parallel. The loader is done with
   * them by then: the callee may transfer them to a worker. When it returns a verdict, it has
   * taken on the schema validation too: the loader waits for its verdict instead of validating. */
  readonly onListingsBytes?: (
    bytes: Uint8Array<ArrayBuffer>,
    file: string,
  ) => ListingsVerdict | void;
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

const listingsFileSchema = z.object({
  schemaVersion: z.number(),
  listings: z.array(z.unknown()),
});

export async function loadDataset(options: LoadOptions): Promise<Dataset> {
  const fetchFn = options.fetch ?? fetch;
  const manifestText = decode(
    await fetchBytes(fetchFn, options.baseUrl + MANIFEST_PATH, MANIFEST_PATH, (loaded, total) =>
      options.onProgress?.({ stage: 'manifest', loadedBytes: loaded, totalBytes: total }),
    ),
  );
  const manifest = parseManifest(manifestText);
  mark('data:manifest');
  const listingsPath = manifest.listings.path;
  const listingsBytes = await fetchBytes(
    fetchFn,
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
  // SubtleCrypto copies the bytes when called and hashes them asynchronously, so the file is
  // decoded and handed to the search worker (transferred, not copied) while the hash runs; on
  // the full lists the page then waits ~6 ms for it (BENCHMARKS.md, load stages).
  const hashed = checkHash(listingsBytes, manifest.listings.sha256, listingsPath);
  const text = decode(listingsBytes);
  mark('data:decoded');
  const verdict = options.onListingsBytes?.(listingsBytes, listingsPath) ?? null;
  // Observed at once: a worker that fails must not surface as an unhandled rejection; its
  // check falls back to this thread below.
  const workerOutcome =
    verdict?.then(
      (problem) => ({ problem }),
      () => null,
    ) ?? null;
  let listings: Listing[];
  try {
    // With a verdict coming from elsewhere, the page only checks the file's shape and version
    // here, while the worker validates every listing on the other core (~0.5 s of the page's
    // time saved on the full lists); nothing is shown before that verdict.
    listings = parseListings(text, listingsPath, { validate: workerOutcome === null });
  } catch (error) {
    await hashed; // a checksum mismatch explains an unreadable file better than the parse error
    throw error;
  }
  if (workerOutcome !== null && options.whileValidating) {
    try {
      options.whileValidating(listings);
    } catch {
      // The worker's verdict names what is wrong with the data.
    }
    mark('data:prepared');
  }
  await hashed;
  mark('data:hashed');
  if (workerOutcome !== null) {
    // A worker that failed to answer leaves the check to this thread.
    const outcome = await workerOutcome;
    const problem =
      outcome === null ? firstInvalidListing(listings, listingsPath) : outcome.problem;
    if (problem !== null) throw new DataLoadError('invalid', listingsPath, problem, REBUILD);
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
  };
}

export function parseManifest(text: string): Manifest {
  const json = parseJson(text, MANIFEST_PATH);
  const version = z.object({ schemaVersion: z.number() }).safeParse(json);
  if (version.success && version.data.schemaVersion !== SCHEMA_VERSION) {
    throw new DataLoadError(
      'incompatible',
      MANIFEST_PATH,
      `The data is in schema version ${version.data.schemaVersion}; this version of the app reads version ${SCHEMA_VERSION}.`,
      'Rebuild the data with this version of the app (`npm run data`), or use the app version that built it.',
    );
  }
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
 * for a caller that has the listings validated elsewhere (`Dataset.validated`). */
export function parseListings(
  text: string,
  file: string,
  { validate }: { validate: boolean } = { validate: true },
): Listing[] {
  const json = parseJson(text, file);
  mark('data:parsed');
  const shape = listingsFileSchema.safeParse(json);
  if (!shape.success) {
    throw new DataLoadError('invalid', file, `${file} does not hold a list of listings.`, REBUILD);
  }
  if (shape.data.schemaVersion !== SCHEMA_VERSION) {
    throw new DataLoadError(
      'incompatible',
      file,
      `${file} is in schema version ${shape.data.schemaVersion}; this app reads version ${SCHEMA_VERSION}.`,
      REBUILD,
    );
  }
  const problem = validate ? firstInvalidListing(shape.data.listings, file) : null;
  if (problem !== null) throw new DataLoadError('invalid', file, problem, REBUILD);
  // Checked against the schema just now, or by the caller's validator before it is trusted.
  return shape.data.listings as Listing[];
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

/** Named moments of the load, read by the benchmarks (performance.getEntriesByType('mark')). */
function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

async function fetchBytes(
  fetchFn: typeof fetch,
  url: string,
  file: string,
  onBytes: (loaded: number, total: number | null) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-cache' });
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
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    onBytes(whole.length, total);
    return whole;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onBytes(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

async function checkHash(
  bytes: Uint8Array<ArrayBuffer>,
  expected: string,
  file: string,
): Promise<void> {
  const subtle = globalThis.crypto?.subtle;
  // Without SubtleCrypto (plain-http pages on a LAN address), the schema checks below still run.
  if (!subtle) return;
  const digest = await subtle.digest('SHA-256', bytes);
  const actual = [...new Uint8Array(digest)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  if (actual !== expected) {
    throw new DataLoadError(
      'corrupt',
      file,
      `${file} does not match the manifest (its checksum differs): it is damaged, partly downloaded, or from another build.`,
      RELOAD,
    );
  }
}
