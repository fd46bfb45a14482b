/** The app's first module (index.html): see `early-fetch.ts`, `early-worker.ts`,
 * `early-search.ts`, `first-rows.ts` and `warm-up.ts`. */
import { DATA_URL } from './data-url';
import { SEARCH_PATH } from '../domain/data-files';
import { startEarlyFetch } from './early-fetch';
import { startEarlyWorker } from './early-worker';
import { startSearchFromEarlyManifest } from './early-search';
import { startFirstRowsFromEarlyManifest } from './first-rows';
import { warmUpWhileDownloading } from './warm-up';

startEarlyFetch(DATA_URL);
startEarlyWorker(DATA_URL + SEARCH_PATH);
startSearchFromEarlyManifest(DATA_URL);
startFirstRowsFromEarlyManifest(DATA_URL);
warmUpWhileDownloading();
