import { describe, expect, it } from 'vitest';
import { searchFileOfManifest } from '../../../src/app/early-search';
import { SCHEMA_VERSION } from '../../../src/domain/listing';

const SEARCH = { path: 'search.bin', sha256: 'a'.repeat(64), bytes: 10 };
const MANIFEST = {
  schemaVersion: SCHEMA_VERSION,
  generatedAt: '2026-01-01T00:00:00.000Z',
  sample: false,
  listingCount: 1,
  listings: { path: 'listings.json', sha256: 'b'.repeat(64), bytes: 100 },
  search: SEARCH,
  sources: [],
  lists: [],
};

describe('searchFileOfManifest', () => {
  it('names the search file under the data folder, and the SHA-256 of the listings', () => {
    expect(searchFileOfManifest(JSON.stringify(MANIFEST), '/explorer/data/')).toEqual({
      searchFile: { url: '/explorer/data/search.bin', sha256: SEARCH.sha256 },
      listingsSha256: 'b'.repeat(64),
    });
  });

  it.each([
    ['not JSON', '{"schemaVersion":'],
    ['not a manifest', JSON.stringify({ ...MANIFEST, listings: { path: 'listings.json' } })],
    ['of another schema version', JSON.stringify({ ...MANIFEST, schemaVersion: 99 })],
    ['without a search file', JSON.stringify({ ...MANIFEST, search: undefined })],
    [
      'with a damaged search SHA-256',
      JSON.stringify({ ...MANIFEST, search: { ...SEARCH, sha256: 'x' } }),
    ],
  ])('leaves a text that is %s to the loader', (_case, text) => {
    expect(searchFileOfManifest(text, '/data/')).toBeNull();
  });
});
