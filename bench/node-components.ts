/**
 * The pieces of the app's work, timed one by one in Node on the same data, to say where the
 * browser's time goes (Node and Chromium share V8, so the proportions carry over; absolute
 * figures differ). Also the floors in Node: MiniSearch defaults and a linear scan.
 */
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { parseListings } from '../src/data/load-dataset';
import { deriveFacts } from '../src/features/explorer/model/facts';
import { filterListings, hitPositions } from '../src/features/explorer/model/filter';
import { buildFacetOptions } from '../src/features/explorer/model/facet-options';
import { FACETS } from '../src/features/explorer/model/columns';
import { DEFAULT_VIEW } from '../src/features/explorer/model/view';
import { buildSearchIndex, indexFromSearchFile, searchListings } from '../src/search/engine';
import { readSearchFile, searchFileBytes } from '../src/search/search-file';
import { SEARCH_PATH } from '../src/domain/data-files';
import { parseSearchDocs, toSearchDocs } from '../src/search/search-docs';
import { summarize, timeMs, type Summary } from './stats';

export interface NodeComponents {
  readonly listings: number;
  readonly searchDocs: number;
  readonly jsonParseMs: number;
  /** JSON.parse + validation of every listing (`parseListings`), as the page does. */
  readonly parseAndValidateMs: number;
  readonly deriveFactsMs: number;
  readonly filterAllMs: Summary;
  readonly facetOptionsAllMs: Summary;
  readonly docsToJsonMs: number;
  readonly docsJsonChars: number;
  readonly parseDocsMs: number;
  readonly buildIndexMs: number;
  /** search.bin (`searchFileBytes`): its size, and reading it into the worker's index. */
  readonly searchFile: { bytes: number; gzip: number; brotli: number };
  readonly searchFileIndexMs: number;
  /** Per typed prefix: the worker's search, the structured clone of its hits, the page's filter. */
  readonly perKeystroke: {
    readonly searchMs: Summary;
    readonly cloneHitsMs: Summary;
    readonly filterWithRanksMs: Summary;
    readonly facetOptionsMs: Summary;
    readonly hits: Summary;
    /** The slowest typed prefixes for the engine, for the diagnosis. */
    readonly slowest: readonly { prefix: string; searchMs: number; hits: number }[];
  };
  readonly floors: {
    readonly miniSearchBuildMs: number;
    readonly miniSearchQueryMs: Summary;
    readonly scanQueryMs: Summary;
  };
}

function repeat(times: number, run: () => unknown): Summary {
  return summarize(Array.from({ length: times }, () => timeMs(run).ms));
}

export async function measureNodeComponents(
  dataDir: string,
  prefixes: readonly string[],
  options: { readonly serialize?: boolean } = {},
): Promise<NodeComponents> {
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as {
    listings: { path: string };
  };
  const text = readFileSync(join(dataDir, manifest.listings.path), 'utf8');
  const jsonParseMs = timeMs(() => JSON.parse(text) as unknown).ms;
  const validateStart = performance.now();
  const listings = await parseListings(text, manifest.listings.path);
  const validated = { ms: performance.now() - validateStart };
  const facts = timeMs(() => listings.map(deriveFacts));
  const result = filterListings(facts.value, DEFAULT_VIEW, null);
  const filterAllMs = repeat(5, () => filterListings(facts.value, DEFAULT_VIEW, null));
  const facetOptionsAllMs = repeat(5, () =>
    FACETS.map((facet) => buildFacetOptions(result, DEFAULT_VIEW, facet.key)),
  );
  const docs = listings.flatMap(toSearchDocs);
  const docsJson = timeMs(() => JSON.stringify(docs));
  const parsedDocs = timeMs(() => parseSearchDocs(docsJson.value));
  const index = timeMs(() => buildSearchIndex(parsedDocs.value));

  let searchFile = { bytes: 0, gzip: 0, brotli: 0 };
  let searchFileIndexMs = Number.NaN;
  if (options.serialize !== false) {
    const bytes = searchFileBytes(listings, 'a'.repeat(64));
    searchFile = {
      bytes: bytes.length,
      gzip: gzipSync(bytes).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 9 },
      }).length,
    };
    searchFileIndexMs = timeMs(() => indexFromSearchFile(readSearchFile(bytes, SEARCH_PATH))).ms;
  }

  const searchTimes: number[] = [];
  const cloneTimes: number[] = [];
  const filterTimes: number[] = [];
  const facetTimes: number[] = [];
  const hitCounts: number[] = [];
  const perPrefix: { prefix: string; searchMs: number; hits: number }[] = [];
  for (const prefix of prefixes) {
    const hits = timeMs(() => searchListings(index.value, prefix));
    searchTimes.push(hits.ms);
    perPrefix.push({ prefix, searchMs: hits.ms, hits: hits.value.length });
    hitCounts.push(hits.value.length);
    cloneTimes.push(timeMs(() => structuredClone(hits.value)).ms);
    const positions = hitPositions(
      facts.value,
      hits.value.map((hit) => hit.listingId),
    );
    const view = { ...DEFAULT_VIEW, q: prefix };
    const filtered = timeMs(() => filterListings(facts.value, view, positions));
    filterTimes.push(filtered.ms);
    facetTimes.push(
      timeMs(() => FACETS.map((facet) => buildFacetOptions(filtered.value, view, facet.key))).ms,
    );
  }

  const names = listings.flatMap((listing) => [
    listing.name,
    ...listing.aliases.map((alias) => alias.name),
  ]);
  const mini = timeMs(() => {
    const engine = new MiniSearch({ fields: ['name'] });
    engine.addAll(names.map((name, id) => ({ id, name })));
    return engine;
  });
  const lowered = names.map((name) => name.toLowerCase());
  return {
    listings: listings.length,
    searchDocs: docs.length,
    jsonParseMs,
    parseAndValidateMs: validated.ms,
    deriveFactsMs: facts.ms,
    filterAllMs,
    facetOptionsAllMs,
    docsToJsonMs: docsJson.ms,
    docsJsonChars: docsJson.value.length,
    parseDocsMs: parsedDocs.ms,
    buildIndexMs: index.ms,
    searchFile,
    searchFileIndexMs,
    perKeystroke: {
      searchMs: summarize(searchTimes),
      cloneHitsMs: summarize(cloneTimes),
      filterWithRanksMs: summarize(filterTimes),
      facetOptionsMs: summarize(facetTimes),
      hits: summarize(hitCounts),
      slowest: perPrefix.sort((a, b) => b.searchMs - a.searchMs).slice(0, 12),
    },
    floors: {
      miniSearchBuildMs: mini.ms,
      miniSearchQueryMs: summarize(
        prefixes.map((prefix) => timeMs(() => mini.value.search(prefix)).ms),
      ),
      scanQueryMs: summarize(
        prefixes.map(
          (prefix) =>
            timeMs(() => {
              const needle = prefix.toLowerCase();
              return lowered.filter((name) => name.includes(needle)).length;
            }).ms,
        ),
      ),
    },
  };
}

/** Raw, gzip (level 6, a typical server default) and brotli (quality 11, precompressed) sizes. */
export function compressedSizes(bytes: Buffer): { raw: number; gzip: number; brotli: number } {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 6 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}
