/**
 * Bench-only worker (bundled into .cache/bench-dist/__bench/ by bench/run.ts, never shipped): the
 * floor of "Search ready". It does only what a first answer needs: fetch the search file, read
 * and check it (`readSearchFile`), and make the index from it (`indexFromSearchFile`), the same
 * steps as the app's worker, without its SHA-256 checks and without the app. Its page
 * (`plain-load.ts`) downloads the listings meanwhile, as the app's first script does, because a
 * reader's browser does both at once.
 */
import { SEARCH_PATH } from '../../src/domain/data-files';
import { indexFromSearchFile } from '../../src/search/engine';
import { readSearchFile } from '../../src/search/search-file';

/** A time the page can compare with its own: worker and page each count from their own origin. */
const now = () => performance.timeOrigin + performance.now();

const scope = self as unknown as DedicatedWorkerGlobalScope;
const bytes = await (await fetch(`/data/${SEARCH_PATH}`, { cache: 'no-cache' })).arrayBuffer();
const fetched = now();
indexFromSearchFile(readSearchFile(new Uint8Array(bytes), SEARCH_PATH));
scope.postMessage({ fetched, ready: now() });
