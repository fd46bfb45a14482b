/** The page's first script (index.html): see `early-fetch.ts` and `early-worker.ts`. */
import { DATA_URL } from './data-url';
import { startEarlyFetch } from './early-fetch';
import { startEarlyWorker } from './early-worker';

startEarlyFetch(DATA_URL);
startEarlyWorker();
