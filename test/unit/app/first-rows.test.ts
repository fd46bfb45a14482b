import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readFirstRows } from '../../../src/app/first-rows';
import { SCHEMA_VERSION } from '../../../src/domain/listing';
import { listingsFileText } from '../../../src/domain/listings-file';
import type { Manifest } from '../../../src/domain/manifest';
import { buildListing } from '../build-listing';

const FIRST = [
  buildListing({ id: 'sdn-1', name: 'Alpha Trading' }),
  buildListing({ id: 'el-2', name: 'beta Industries', list: 'EL' }),
];

function fileText(listings: readonly unknown[], schemaVersion: unknown = SCHEMA_VERSION): string {
  return listingsFileText(
    schemaVersion as typeof SCHEMA_VERSION,
    listings.map((listing) => JSON.stringify(listing)),
  );
}

/** A manifest naming `text` as the first rows file, with `count` listings of `listingCount`. */
function manifestFor(text: string, count = FIRST.length, listingCount = 15_204): Manifest {
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: '2026-01-01T00:00:00.000Z',
    sample: false,
    listingCount,
    listings: { path: 'listings.json', sha256: 'b'.repeat(64), bytes: 100 },
    firstRows: {
      path: 'first-rows.json',
      sha256: createHash('sha256').update(text).digest('hex'),
      bytes: Buffer.byteLength(text),
      count,
    },
    sources: [],
    lists: [],
  } as unknown as Manifest;
}

/** A server of one file, which records the URLs asked for. */
function serving(text: string, status = 200) {
  const asked: string[] = [];
  const fetchFile = (url: string) => {
    asked.push(url);
    return Promise.resolve(new Response(text, { status }));
  };
  return { asked, fetchFile };
}

describe('readFirstRows', () => {
  it('reads the first rows the manifest names, with the full count', async () => {
    const text = fileText(FIRST);
    const { asked, fetchFile } = serving(text);
    const rows = await readFirstRows(manifestFor(text), '/explorer/data/', fetchFile);
    expect(asked).toEqual(['/explorer/data/first-rows.json']);
    expect(rows?.listingCount).toBe(15_204);
    expect(rows?.rows.map((facts) => facts.listing.id)).toEqual(['sdn-1', 'el-2']);
  });

  it('is null for data built before the file existed', async () => {
    const { asked, fetchFile } = serving('');
    const older: Manifest = { ...manifestFor(''), firstRows: undefined };
    expect(await readFirstRows(older, '/data/', fetchFile)).toBeNull();
    expect(asked).toEqual([]);
  });

  it('refuses a file whose SHA-256 is not the manifest’s', async () => {
    const text = fileText(FIRST);
    const { fetchFile } = serving(text.replace('Alpha', 'Alpho'));
    await expect(readFirstRows(manifestFor(text), '/data/', fetchFile)).rejects.toThrow(
      /^first-rows\.json: its SHA-256 is [0-9a-f]{64}, not the manifest's [0-9a-f]{64}\.$/,
    );
  });

  it('names the HTTP status of a missing file', async () => {
    const text = fileText(FIRST);
    const { fetchFile } = serving('', 404);
    await expect(readFirstRows(manifestFor(text), '/data/', fetchFile)).rejects.toThrow(
      'first-rows.json: the server answered HTTP 404.',
    );
  });

  it('refuses a file that is not JSON', async () => {
    const text = '{"schemaVersion":';
    const { fetchFile } = serving(text);
    await expect(readFirstRows(manifestFor(text), '/data/', fetchFile)).rejects.toThrow(
      /^first-rows\.json: not JSON \(/,
    );
  });

  it('refuses another schema version', async () => {
    const text = fileText(FIRST, 99);
    const { fetchFile } = serving(text);
    await expect(readFirstRows(manifestFor(text), '/data/', fetchFile)).rejects.toThrow(
      `first-rows.json: not a listings file of schema version ${SCHEMA_VERSION}.`,
    );
  });

  it('refuses a count other than the manifest’s, or more rows than listings', async () => {
    const text = fileText(FIRST);
    await expect(
      readFirstRows(manifestFor(text, 3), '/data/', serving(text).fetchFile),
    ).rejects.toThrow('first-rows.json: 2 listings, where the manifest says 3 of 15204.');
    await expect(
      readFirstRows(manifestFor(text, 2, 1), '/data/', serving(text).fetchFile),
    ).rejects.toThrow('first-rows.json: 2 listings, where the manifest says 2 of 1.');
  });

  it('refuses a listing that breaks the schema, naming it', async () => {
    const text = fileText([FIRST[0], { ...FIRST[1], list: 'NOT-A-LIST' }]);
    const { fetchFile } = serving(text);
    await expect(readFirstRows(manifestFor(text), '/data/', fetchFile)).rejects.toThrow(
      /^first-rows\.json, listing 2: field "list" /,
    );
  });
});
