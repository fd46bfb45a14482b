/**
 * Scale check on the real trade.gov Consolidated Screening List, read in place: ~34k names must
 * index, and the parties journalists ask about must come up in the first ten. Timings are printed
 * for the record, never asserted (they belong in benchmarks, not in a pass/fail test).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchDocCount, searchListings } from '../../../src/search/engine';
import type { SearchDoc } from '../../../src/search/search-docs';

const CSL_PATH = '/work/shared/data/csl/consolidated.csv';

interface CslRow {
  readonly _id: string;
  readonly name: string;
  readonly alt_names: string;
}

function isCslRow(value: unknown): value is CslRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    typeof row['_id'] === 'string' &&
    typeof row['name'] === 'string' &&
    typeof row['alt_names'] === 'string'
  );
}

/** Listing id per row number: the CSL `_id` repeats across Treasury lists. */
function toDocs(rows: readonly CslRow[]): { docs: SearchDoc[]; namesOf: Map<string, string[]> } {
  const docs: SearchDoc[] = [];
  const namesOf = new Map<string, string[]>();
  rows.forEach((row, rowIndex) => {
    const listingId = `csl-${rowIndex + 1}`;
    const aliases = row.alt_names
      .split('; ')
      .map((name) => name.trim())
      .filter((name) => name.length > 0);
    const names = [row.name.trim(), ...aliases];
    namesOf.set(listingId, names);
    names.forEach((name, nameIndex) =>
      docs.push({
        id: `${listingId}#${nameIndex}`,
        listingId,
        name,
        kind: nameIndex === 0 ? 'primary' : 'aka',
      }),
    );
  });
  return { docs, namesOf };
}

function loadCsl(): { docs: SearchDoc[]; namesOf: Map<string, string[]> } {
  // A missing file must fail, not skip: a skipped scale test silently proves nothing.
  expect(existsSync(CSL_PATH), `${CSL_PATH} is missing`).toBe(true);
  const records: unknown = parse(readFileSync(CSL_PATH), { columns: true, skip_empty_lines: true });
  expect(Array.isArray(records)).toBe(true);
  const rows = (records as unknown[]).filter(isCslRow);
  expect(rows.length).toBe((records as unknown[]).length);
  return toDocs(rows);
}

const EXPECTED: readonly [query: string, nameContains: string][] = [
  ['Megvii', 'megvii'],
  ['Sugon', 'sugon'],
  ['Huawei', 'huawei'],
  ['Academy of Military Medical Sciences', 'academy of military medical sciences'],
  ['Gazprom Bank', 'gazprombank'],
];

const TIMING_QUERIES = [
  ...EXPECTED.map(([query]) => query),
  'kim jong un',
  'megvi',
  'meg',
  'gazprombank',
  'rosneft',
  'hikvision',
  'iran air',
  'sberbank',
  'wagner',
  'hezbollah',
  'al qaida',
  'alqaida',
  'xian',
  'dawning',
  'china electronics',
  'mahan air',
  'bank melli',
  'vtb bank',
  'zte',
  'dji',
  'sinopec',
  'cosco shipping',
  'hamas',
  'maduro',
  'putin',
  'lukashenko',
  'abramovich',
  'deripaska',
  'prigozhin',
  'kalashnikov',
  'tatneft',
  'novatek',
  'lukoil',
  'inlandsis',
  'semiconductor manufacturing international',
  'beijing institute of technology',
  'national university of defense technology',
  'tsinghua',
  'harbin',
  'sinaloa',
  'jalisco',
  'hizballah',
  'yemen',
  'shahed',
  'united aircraft',
  'almaz antey',
];

describe('real CSL at scale', () => {
  it('indexes every name and finds the expected parties in the top 10', () => {
    const { docs, namesOf } = loadCsl();
    expect(docs.length).toBeGreaterThan(30_000);

    let started = performance.now();
    const index = buildSearchIndex(docs);
    const buildMillis = performance.now() - started;
    expect(searchDocCount(index)).toBe(docs.length);

    for (const [query, nameContains] of EXPECTED) {
      const top = searchListings(index, query, { limit: 10 });
      const names = top.flatMap((hit) => namesOf.get(hit.listingId) ?? []);
      expect(
        names.some((name) => name.toLowerCase().includes(nameContains)),
        query,
      ).toBe(true);
    }

    // Sugon is the CSL alias of the CMIC listing of Dawning: the alias must carry that listing.
    const sugon = searchListings(index, 'Sugon', { limit: 10 });
    const dawning = sugon.find((hit) =>
      (namesOf.get(hit.listingId)?.[0] ?? '').startsWith('DAWNING INFORMATION'),
    );
    expect(dawning).toMatchObject({ matchedName: 'SUGON', matchedKind: 'aka', quality: 'exact' });

    started = performance.now();
    let hitCount = 0;
    for (const query of TIMING_QUERIES) hitCount += searchListings(index, query).length;
    const meanQueryMillis = (performance.now() - started) / TIMING_QUERIES.length;
    expect(hitCount).toBeGreaterThan(0);
    console.log(
      `CSL: ${docs.length} docs indexed in ${buildMillis.toFixed(0)} ms; ` +
        `${TIMING_QUERIES.length} queries, mean ${meanQueryMillis.toFixed(1)} ms (${hitCount} hits)`,
    );
  }, 120_000);
});
