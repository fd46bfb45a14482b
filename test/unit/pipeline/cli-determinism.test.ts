import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/domain/listing';
import {
  copyFixtures,
  makeTempDir,
  readFixture,
  runCliCaptured,
  siblingsOf,
  snapshotDir,
  writeText,
} from './cli-harness';

const FIRST = new Date('2026-03-01T10:00:00.000Z');
const SECOND = new Date('2026-03-02T11:00:00.000Z');
const THIRD = new Date('2026-03-03T12:00:00.000Z');

/** Runs the CLI with the clock at `now` (only Date is faked; the CLI's timer keeps running). */
async function runAt(now: Date, argv: string[]) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
  try {
    return await runCliCaptured(argv);
  } finally {
    vi.useRealTimers();
  }
}

function generatedAt(out: string): string {
  return (
    JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { generatedAt: string }
  ).generatedAt;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('determinism', () => {
  it('writes byte-identical files, manifest included, when run twice on the same sources', async () => {
    const out = path.join(makeTempDir('determinism'), 'data');
    const first = await runAt(FIRST, ['--sample', '--out', out]);
    expect(first.code).toBe(0);
    const before = snapshotDir(out);
    expect(Object.keys(before)).toEqual([
      'first-rows.json',
      'listings.json',
      'manifest.json',
      'reconciliation.json',
      'reconciliation.txt',
      'search.bin',
    ]);
    const second = await runAt(SECOND, ['--sample', '--out', out]);
    expect(second.code).toBe(0);
    expect(snapshotDir(out)).toEqual(before);
    expect(generatedAt(out)).toBe(FIRST.toISOString());
  });

  it('writes the same bytes into a fresh folder at the same time', async () => {
    const a = path.join(makeTempDir('determinism-a'), 'data');
    const b = path.join(makeTempDir('determinism-b'), 'data');
    await runAt(FIRST, ['--sample', '--out', a]);
    await runAt(FIRST, ['--sample', '--out', b]);
    expect(snapshotDir(b)).toEqual(snapshotDir(a));
  });

  it('sets a new generatedAt when a source changes', async () => {
    const sources = copyFixtures(makeTempDir('changed-src'), { csl: 'csl', bis: 'bis' });
    const out = path.join(makeTempDir('changed-out'), 'data');
    expect((await runAt(FIRST, ['--from', sources, '--out', out])).code).toBe(0);
    expect((await runAt(SECOND, ['--from', sources, '--out', out])).code).toBe(0);
    expect(generatedAt(out)).toBe(FIRST.toISOString());
    const before = snapshotDir(out);

    const dpl = readFixture('bis/dpl.txt').replace('"HOUSTON"', '"GALVESTON"');
    writeText(sources, 'bis/dpl.txt', dpl);
    expect((await runAt(THIRD, ['--from', sources, '--out', out])).code).toBe(0);
    expect(generatedAt(out)).toBe(THIRD.toISOString());
    expect(snapshotDir(out)['listings.json']).not.toBe(before['listings.json']);
    expect(readFileSync(path.join(out, 'listings.json'), 'utf8')).toContain('GALVESTON');
  });
});

describe('atomicity', () => {
  it('leaves the previous output byte-identical when a source file is malformed', async () => {
    const sources = copyFixtures(makeTempDir('atomic-src'), { ofac: 'ofac', csl: 'csl' });
    const out = path.join(makeTempDir('atomic-out'), 'data');
    expect((await runCliCaptured(['--from', sources, '--out', out])).code).toBe(0);
    const before = snapshotDir(out);

    const lines = readFixture('ofac/sdn/sdn.csv').split('\r\n');
    lines[2] = lines[2]!.replace(/^\d+,/, 'abc,');
    writeText(sources, 'ofac/sdn/sdn.csv', lines.join('\r\n'));
    const run = await runCliCaptured(['--from', sources, '--out', out]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'ofac/sdn/sdn.csv, row 3, field "ent_num": expected a whole number, found "abc"',
    );
    expect(run.stderr).toContain(`Nothing was written; ${out} is unchanged.`);
    expect(run.stderr).toContain('Replace the file with the one the agency publishes');
    expect(snapshotDir(out)).toEqual(before);
    expect(siblingsOf(out)).toEqual(['data']);
  });

  it('leaves no folder at all when the first run fails', async () => {
    const sources = makeTempDir('atomic-first');
    const csl = readFixture('csl/consolidated.csv');
    // Cut inside a quoted field: the file ends in the middle of a row.
    writeText(sources, 'csl/consolidated.csv', csl.slice(0, csl.indexOf('"UPON THE DATE') + 20));
    const out = path.join(makeTempDir('atomic-first-out'), 'data');
    const run = await runCliCaptured(['--from', sources, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^csl\/consolidated\.csv, row 1: not readable as CSV: Quote Not Closed/,
    );
    expect(siblingsOf(out)).toEqual([]);
  });
});

describe('--auto (what `npm start` runs)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  function outWithManifest(manifest: Record<string, unknown>): string {
    const out = path.join(makeTempDir('auto'), 'data');
    writeText(out, 'manifest.json', JSON.stringify(manifest));
    writeText(out, 'listings.json', '{"schemaVersion":1,"listings":[]}');
    return out;
  }

  it('keeps data of the current schema', async () => {
    vi.stubEnv('SANCTIONS_SOURCES', '');
    const out = outWithManifest({ schemaVersion: SCHEMA_VERSION, sample: false, listingCount: 3 });
    const before = snapshotDir(out);
    const run = await runCliCaptured(['--auto', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Using the data already in');
    expect(snapshotDir(out)).toEqual(before);
  });

  it('rebuilds a sample written in an older schema', async () => {
    vi.stubEnv('SANCTIONS_SOURCES', '');
    const out = outWithManifest({ schemaVersion: SCHEMA_VERSION - 1, sample: true });
    const run = await runCliCaptured(['--auto', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`schema version ${SCHEMA_VERSION - 1}`);
    expect(run.stdout).toContain('Rebuilding the sample');
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
      schemaVersion: number;
      sample: boolean;
    };
    expect(manifest).toMatchObject({ schemaVersion: SCHEMA_VERSION, sample: true });
  });

  it('refuses to replace official data of an older schema with the sample', async () => {
    vi.stubEnv('SANCTIONS_SOURCES', '');
    const out = outWithManifest({ schemaVersion: SCHEMA_VERSION - 1, sample: false });
    const before = snapshotDir(out);
    const run = await runCliCaptured(['--auto', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`schema version ${SCHEMA_VERSION - 1}`);
    expect(run.stderr).toContain('npm run data -- --from DIR');
    expect(snapshotDir(out)).toEqual(before);
  });
});
