/**
 * Bench-only page module (served from .cache/bench-dist/__bench/, never shipped): the floors the
 * app's figures are divided by, measured in the same browser on the same files.
 * - fetchParse: fetch manifest.json then the listings file, `JSON.parse` both: the least any
 *   page must do before it can draw a row.
 * - searchFloors: MiniSearch with its DEFAULT options over every primary name and alias (build,
 *   then one search per query), and a linear scan (lower-cased substring) over the same names.
 */
import MiniSearch from './minisearch.js';

async function fetchParse(base) {
  const started = performance.now();
  const manifestText = await (await fetch(`${base}manifest.json`, { cache: 'no-cache' })).text();
  const manifest = JSON.parse(manifestText);
  const text = await (await fetch(base + manifest.listings.path, { cache: 'no-cache' })).text();
  const fetched = performance.now();
  const data = JSON.parse(text);
  const parsed = performance.now();
  window.__floorData = data;
  return {
    fetchMs: fetched - started,
    parseMs: parsed - fetched,
    totalMs: parsed - started,
    listings: data.listings.length,
  };
}

/** Each query timed over `repeat` runs (performance.now() is coarsened to 0.1 ms here). */
function timeEach(queries, repeat, run) {
  return queries.map((query) => {
    const started = performance.now();
    let found = 0;
    for (let index = 0; index < repeat; index += 1) found = run(query);
    return { ms: (performance.now() - started) / repeat, found };
  });
}

async function searchFloors(base, queries) {
  const data = window.__floorData || (await fetch(`${base}listings.json`).then((r) => r.json()));
  const docs = [];
  for (const listing of data.listings) {
    docs.push({ id: docs.length, listingId: listing.id, name: listing.name });
    for (const alias of listing.aliases)
      docs.push({ id: docs.length, listingId: listing.id, name: alias.name });
  }
  const started = performance.now();
  const miniSearch = new MiniSearch({ fields: ['name'], storeFields: ['listingId'] });
  miniSearch.addAll(docs);
  const buildMs = performance.now() - started;
  const miniSearchQueries = timeEach(queries, 3, (query) => miniSearch.search(query).length);
  const lowered = docs.map((doc) => doc.name.toLowerCase());
  const scanQueries = timeEach(queries, 3, (query) => {
    const needle = query.toLowerCase();
    let found = 0;
    for (const name of lowered) if (name.includes(needle)) found += 1;
    return found;
  });
  return { names: docs.length, buildMs, miniSearchQueries, scanQueries };
}

window.__benchFloors = { fetchParse, searchFloors };
