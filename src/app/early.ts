/** The page's first script (index.html): see `early-fetch.ts`. */
import { DATA_URL } from './data-url';
import { startEarlyFetch } from './early-fetch';

startEarlyFetch(DATA_URL);
