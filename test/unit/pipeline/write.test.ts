import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Manifest, SourceInfo } from '../../../src/domain/manifest';
import { SCHEMA_VERSION, type Listing } from '../../../src/domain/listing';
import { FIRST_ROWS_COUNT } from '../../../src/domain/first-rows';
import { factsOf } from '../../../src/features/explorer/model/facts';
import { classifySector } from '../../../src/domain/sector-rules';
import { assembleBuild, chooseSources, loadSource } from '../../../src/pipeline/build';
import { discoverSources } from '../../../src/pipeline/discover';
import {
  SHRINK_LIMIT,
  asciiJson,
  findShrunkFiles,
  readPreviousManifest,
  writeDataset,
  type WriteOptions,
} from '../../../src/pipeline/write';
import { FIXTURES, makeTempDir, siblingsOf, snapshotDir, writeText } from './cli-harness';
import { readSearchFile } from '../../../src/search/search-file';

/** Lets a test make the next rename onto one path fail (once), to see writeDataset undo a
 * half-done swap. */
const renameFault = vi.hoisted(() => ({ failWhenTargetIs: null as string | null }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const renameSync: typeof fs.renameSync = (from, to) => {
    if (renameFault.failWhenTargetIs !== null && String(to) === renameFault.failWhenTargetIs) {
      renameFault.failWhenTargetIs = null;
      throw Object.assign(new Error(`EIO: simulated failure, rename '${String(to)}'`), {
        code: 'EIO',
      });
    }
    fs.renameSync(from, to);
  };
  return { ...fs, default: { ...fs, renameSync }, renameSync };
});

const sources = discoverSources(FIXTURES).groups.map(loadSource);
const build = assembleBuild(sources, chooseSources(sources, new Map()));

function options(outDir: string, now = new Date('2026-01-01T00:00:00.000Z')): WriteOptions {
  return { outDir, sample: true, reportText: 'report\n', ignored: [], now };
}

describe('writeDataset', () => {
  it('writes the six files and nothing beside the output folder', () => {
    const out = path.join(makeTempDir('write'), 'nested', 'data');
    const manifest = writeDataset(build, options(out));
    expect(Object.keys(snapshotDir(out))).toEqual([
      'first-rows.json',
      'listings.json',
      'manifest.json',
      'reconciliation.json',
      'reconciliation.txt',
      'search.bin',
    ]);
    expect(siblingsOf(out)).toEqual(['data']);
    expect(manifest.listingCount).toBe(47);
    expect(readPreviousManifest(out)).toEqual(manifest);
    // The search names: of these very listings, and as the manifest describes them.
    const searchBytes = readFileSync(path.join(out, 'search.bin'));
    const search = readSearchFile(searchBytes, 'search.bin');
    expect(search.listingsSha256).toBe(manifest.listings.sha256);
    expect(search.listingIds).toEqual(build.listings.map((l) => l.id));
    expect(manifest.search).toEqual({
      path: 'search.bin',
      sha256: createHash('sha256').update(searchBytes).digest('hex'),
      bytes: searchBytes.length,
    });
  });

  it('writes the first rows the explorer starts on, as the manifest describes them', () => {
    const out = path.join(makeTempDir('write-first-rows'), 'data');
    const manifest = writeDataset(build, options(out));
    const bytes = readFileSync(path.join(out, 'first-rows.json'));
    const file = JSON.parse(bytes.toString('utf8')) as {
      schemaVersion: string;
      listings: Listing[];
    };
    expect(file.schemaVersion).toBe(SCHEMA_VERSION);
    // The fixtures' 47 listings are more than the file holds.
    const expectedCount = FIRST_ROWS_COUNT;
    expect(build.listings.length).toBeGreaterThan(expectedCount);
    expect(file.listings).toHaveLength(expectedCount);
    expect(manifest.firstRows).toEqual({
      path: 'first-rows.json',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      count: expectedCount,
    });
    // In the order of the explorer's own default view, and the very listings it will show.
    const explorerOrder = factsOf(build.listings).map((facts) => facts.listing);
    expect(file.listings).toEqual(explorerOrder.slice(0, expectedCount));
  });

  it('orders listings whose names differ only in case as the explorer does, by id', () => {
    const many = Array.from({ length: 3 }, (_, copy) =>
      build.listings.map((listing) => ({
        ...listing,
        id: `${listing.id}-${copy}`,
        name: copy === 1 ? listing.name.toLowerCase() : listing.name,
      })),
    ).flat();
    expect(many.length).toBeGreaterThan(FIRST_ROWS_COUNT);
    const out = path.join(makeTempDir('write-first-rows-many'), 'data');
    const manifest = writeDataset({ ...build, listings: many }, options(out));
    const file = JSON.parse(readFileSync(path.join(out, 'first-rows.json'), 'utf8')) as {
      listings: Listing[];
    };
    expect(manifest.firstRows?.count).toBe(FIRST_ROWS_COUNT);
    expect(file.listings.map((listing) => listing.id)).toEqual(
      factsOf(many)
        .slice(0, FIRST_ROWS_COUNT)
        .map((facts) => facts.listing.id),
    );
  });

  it('keeps generatedAt when the content is unchanged and renews it when it changes', () => {
    const out = path.join(makeTempDir('write-time'), 'data');
    writeDataset(build, options(out, new Date('2026-01-01T00:00:00.000Z')));
    const again = writeDataset(build, options(out, new Date('2026-02-01T00:00:00.000Z')));
    expect(again.generatedAt).toBe('2026-01-01T00:00:00.000Z');
    const fewer = { ...build, listings: build.listings.slice(1) };
    const changed = writeDataset(fewer, options(out, new Date('2026-03-01T00:00:00.000Z')));
    expect(changed.generatedAt).toBe('2026-03-01T00:00:00.000Z');
  });

  it('restores the previous data and removes its temporary folder when the swap fails', () => {
    const out = path.join(makeTempDir('write-fail'), 'data');
    writeDataset(build, options(out));
    const before = snapshotDir(out);
    renameFault.failWhenTargetIs = out;
    try {
      expect(() =>
        writeDataset(
          { ...build, listings: build.listings.slice(2) },
          options(out, new Date('2026-05-01T00:00:00.000Z')),
        ),
      ).toThrow(/EIO: simulated failure/);
    } finally {
      renameFault.failWhenTargetIs = null;
    }
    expect(snapshotDir(out)).toEqual(before);
    expect(siblingsOf(out)).toEqual(['data']);
  });

  it('clears a stale .old folder left by a killed run with the same process id', () => {
    const out = path.join(makeTempDir('write-stale'), 'data');
    writeText(`${out}.old-${process.pid}`, 'leftover.txt', 'x');
    writeText(`${out}.tmp-${process.pid}`, 'half.json', '{');
    writeDataset(build, options(out));
    expect(siblingsOf(out)).toEqual(['data']);
    expect(Object.keys(snapshotDir(out))).not.toContain('half.json');
  });

  it('reads no previous manifest from a folder without one, or with a broken one', () => {
    const dir = makeTempDir('write-none');
    expect(readPreviousManifest(dir)).toBeNull();
    writeText(dir, 'manifest.json', '{"schemaVersion": "x"}');
    expect(readPreviousManifest(dir)).toBeNull();
  });
});

describe('assembleBuild', () => {
  it('ships every listing with the sector the rules give its source fields', () => {
    const sectors = new Map<string, number>();
    for (const { sector, ...source } of build.listings) {
      expect(sector).toEqual(classifySector(source));
      sectors.set(sector.sector, (sectors.get(sector.sector) ?? 0) + 1);
    }
    // The fixtures hold people, banks and technology firms: more than one sector must come out.
    expect(sectors.get('individuals')).toBeGreaterThan(0);
    expect(sectors.get('financial-services')).toBeGreaterThan(0);
  });
});

describe('asciiJson', () => {
  it('writes only ASCII and reads back the same value, astral characters included', () => {
    const value = { name: 'Ñandú «Ёж» 金正恩 🚀 \u202E', plain: 'ACME "Ltd" \\ 1', n: [1, null] };
    const json = asciiJson(value);
    expect(json).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(json)).toEqual(value);
    expect(json).toContain('\\u00d1');
  });
});

describe('findShrunkFiles', () => {
  const source = (files: [string, number][]): SourceInfo => ({
    id: files[0]![0],
    name: 'csl',
    format: 'csl-csv',
    files: files.map(([id, rows]) => ({ id, rows, bytes: 1, sha256: '0'.repeat(64) })),
    asOf: null,
    asOfBasis: '',
    complete: true,
    lists: [],
    usedFor: [],
  });
  const previous = (sample: boolean, files: [string, number][]): Manifest => ({
    schemaVersion: SCHEMA_VERSION,
    generatedAt: '2026-01-01T00:00:00.000Z',
    sample,
    listingCount: 0,
    listings: { path: 'listings.json', sha256: '0'.repeat(64), bytes: 1 },
    sources: [source(files)],
    lists: [],
  });

  it('flags files under half their previous rows, and only those', () => {
    expect(SHRINK_LIMIT).toBe(0.5);
    const before = previous(false, [
      ['a.csv', 100],
      ['b.csv', 100],
      ['c.csv', 100],
    ]);
    const now = [
      source([
        ['a.csv', 49],
        ['b.csv', 50],
        ['d.csv', 1],
      ]),
    ];
    expect(findShrunkFiles(before, now, false)).toEqual([
      { id: 'a.csv', rows: 49, previousRows: 100 },
    ]);
  });

  it('does not compare with no previous build, or across sample and official data', () => {
    const now = [source([['a.csv', 1]])];
    expect(findShrunkFiles(null, now, false)).toEqual([]);
    expect(findShrunkFiles(previous(false, [['a.csv', 100]]), now, true)).toEqual([]);
    expect(findShrunkFiles(previous(true, [['a.csv', 100]]), now, true)).toHaveLength(1);
  });
});
