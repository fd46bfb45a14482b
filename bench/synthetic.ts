/**
 * A synthetic dataset N× the real one, for the scale benchmark ONLY. Derived from the real
 * listings: copy 0 is the listing itself; copies 1…N-1 get perturbed names and aliases (a letter
 * changed, words shuffled, a word added) and ids suffixed `-xK`. The manifest says `sample: true`
 * and `synthetic`, so the app shows its sample banner. Written only under .cache, never shipped.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION, type Listing } from '../src/domain/listing';
import { listingsFileText } from '../src/domain/listings-file';
import { asciiJson, firstRowsFile } from '../src/pipeline/write';
import { FIRST_ROWS_PATH, SEARCH_PATH } from '../src/domain/data-files';
import { searchFileBytes } from '../src/search/search-file';
import { createRng, type Rng } from './rng';

const EXTRA_WORDS = ['GROUP', 'HOLDING', 'TRADING', 'INTERNATIONAL', 'NORTH', 'EAST', 'UNITED'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function changeLetter(word: string, rng: Rng): string {
  if (word.length < 4) return word;
  const at = 1 + rng.int(word.length - 1);
  const letter = LETTERS[rng.int(LETTERS.length)]!;
  const cased = word[at] === word[at]?.toUpperCase() ? letter.toUpperCase() : letter;
  return word.slice(0, at) + cased + word.slice(at + 1);
}

export function perturbName(name: string, rng: Rng): string {
  let words = name.split(/\s+/).filter((word) => word.length > 0);
  const operation = rng.int(3);
  if (operation === 0 || words.length < 2) {
    const at = rng.int(words.length);
    words[at] = changeLetter(words[at]!, rng);
  } else if (operation === 1) {
    words = rng.shuffle(words);
  }
  if (operation === 2 || rng.next() < 0.5) words.push(rng.pick(EXTRA_WORDS));
  return words.join(' ');
}

export function syntheticListings(real: readonly Listing[], factor: number, seed = 10): Listing[] {
  const rng = createRng(seed);
  const out: Listing[] = [...real];
  for (let copy = 1; copy < factor; copy += 1) {
    for (const listing of real) {
      out.push({
        ...listing,
        id: `${listing.id}-x${copy}`,
        sourceId: `${listing.sourceId}-x${copy}`,
        name: perturbName(listing.name, rng),
        aliases: listing.aliases.map((alias) => ({ ...alias, name: perturbName(alias.name, rng) })),
      });
    }
  }
  return out;
}

/** Writes listings.json, search.bin, first-rows.json and manifest.json of the N× dataset into `outDir` (under .cache). */
export function writeSyntheticData(realDataDir: string, outDir: string, factor: number): number {
  const manifest = JSON.parse(readFileSync(join(realDataDir, 'manifest.json'), 'utf8')) as {
    listings: { path: string };
  } & Record<string, unknown>;
  const real = (
    JSON.parse(readFileSync(join(realDataDir, manifest.listings.path), 'utf8')) as {
      listings: Listing[];
    }
  ).listings;
  const listings = syntheticListings(real, factor);
  // Laid out as the pipeline writes the real file (src/domain/listings-file.ts).
  const bytes = Buffer.from(listingsFileText(SCHEMA_VERSION, listings.map(asciiJson)), 'utf8');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'listings.json'), bytes);
  const listingsSha = createHash('sha256').update(bytes).digest('hex');
  const search = searchFileBytes(listings, listingsSha);
  writeFileSync(join(outDir, SEARCH_PATH), search);
  // The first rows of the synthetic listings, as the pipeline writes them for the real ones.
  const firstRows = firstRowsFile(listings);
  writeFileSync(join(outDir, FIRST_ROWS_PATH), firstRows.text);
  const synthetic = {
    ...manifest,
    sample: true,
    synthetic: `${factor}× the real lists, names perturbed, for benchmarks only`,
    listingCount: listings.length,
    listings: {
      path: 'listings.json',
      sha256: listingsSha,
      bytes: bytes.length,
    },
    search: {
      path: SEARCH_PATH,
      sha256: createHash('sha256').update(search).digest('hex'),
      bytes: search.length,
    },
    firstRows: firstRows.entry,
  };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(synthetic, null, 1)}\n`);
  return listings.length;
}
