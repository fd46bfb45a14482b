import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assembleBuild,
  chooseSources,
  loadSource,
  type BuildResult,
  type LoadedSource,
  type RowTally,
} from '../../../src/pipeline/build';
import { discoverSources } from '../../../src/pipeline/discover';
import { FIXTURES, REAL_DATA, makeTempDir, runCliCaptured } from './cli-harness';

/** Every row of every file read ends up written, merged, superseded or rejected: exactly one. */

function buildFrom(root: string): { sources: LoadedSource[]; build: BuildResult } {
  const sources = discoverSources(root).groups.map(loadSource);
  return { sources, build: assembleBuild(sources, chooseSources(sources, new Map())) };
}

function expectBalanced(tallies: readonly RowTally[]): void {
  for (const tally of tallies) {
    expect(
      {
        file: tally.file,
        outcomes: tally.written + tally.merged + tally.superseded + tally.rejected,
      },
      tally.file,
    ).toEqual({ file: tally.file, outcomes: tally.rows });
  }
}

function rowsByFile(tallies: readonly RowTally[]): Record<string, number> {
  return Object.fromEntries(tallies.map((tally) => [tally.file, tally.rows]));
}

describe('reconciliation on the fixtures', () => {
  const { sources, build } = buildFrom(FIXTURES);

  it('accounts for every row of every fixture file', () => {
    expect(build.tallies).toHaveLength(12);
    expectBalanced(build.tallies);
    expect(rowsByFile(build.tallies)).toEqual({
      'bis/dpl.txt': 16,
      'csl/consolidated.csv': 32,
      'csl/consolidated.json': 7,
      'ofac/cons/cons_prim.csv': 16,
      'ofac/cons/cons_add.csv': 18,
      'ofac/cons/cons_alt.csv': 14,
      'ofac/cons/cons_comments.csv': 3,
      'ofac/sdn/sdn.csv': 14,
      'ofac/sdn/add.csv': 16,
      'ofac/sdn/alt.csv': 8,
      'ofac/sdn/sdn_comments.csv': 1,
      'un/consolidated.xml': 8,
    });
  });

  it('gives each row exactly one outcome, numbered 1…rows', () => {
    for (const source of sources) {
      for (const file of source.result.files) {
        const numbers = source.result.rows
          .filter((record) => record.file === file)
          .map((record) => record.row);
        expect(numbers, file).toEqual(
          Array.from({ length: source.result.rowCounts[file] ?? -1 }, (_, index) => index + 1),
        );
      }
    }
  });

  it('writes one listing per written row of the chosen sources', () => {
    const written = build.tallies.reduce((sum, tally) => sum + tally.written, 0);
    expect(build.listings).toHaveLength(47);
    expect(written).toBe(47);
    expect(build.rejections).toHaveLength(
      build.tallies.reduce((sum, tally) => sum + tally.rejected, 0),
    );
  });
});

describe('reconciliation on the real files in ../shared/data', () => {
  let full: BuildResult;
  beforeAll(() => {
    // Fails, not skips: these tests are the check that the pipeline handles the real files.
    if (!existsSync(REAL_DATA)) throw new Error(`real data folder missing: ${REAL_DATA}`);
    full = buildFrom(REAL_DATA).build;
  }, 120_000);

  it('accounts for every row of all 12 real files', () => {
    expectBalanced(full.tallies);
    expect(rowsByFile(full.tallies)).toEqual({
      'bis/dpl.txt': 665,
      'csl/consolidated.csv': 14_160,
      'ofac/consolidated-2025-12/cons_prim.csv': 442,
      'ofac/consolidated-2025-12/cons_add.csv': 574,
      'ofac/consolidated-2025-12/cons_alt.csv': 1_073,
      'ofac/consolidated-2025-12/cons_comments.csv': 10,
      'ofac/sdn-2021-07/sdn.csv': 8_976,
      'ofac/sdn-2021-07/add.csv': 13_837,
      'ofac/sdn-2021-07/alt.csv': 11_910,
      'ofac/sdn-2021-07/sdn_comments.csv': 5,
      'ofac/sdn-2024-05/sdn.csv': 14_965,
      'un/consolidated.xml': 1_003,
    });
  });

  it('never takes SDN from the primary-only 2024 file', () => {
    const sdn = full.lists.find((list) => list.code === 'SDN');
    expect(sdn?.source).toBe('csl/consolidated.csv');
    expect(sdn?.reason).toContain('partial source(s) not used: ofac/sdn-2024-05/sdn.csv');
    const partial = full.tallies.find((tally) => tally.file === 'ofac/sdn-2024-05/sdn.csv');
    expect(partial).toMatchObject({ written: 0, superseded: 14_965 });
  });

  it('builds from the CSL alone: 14,160 rows → 14,159 listings + 1 merged duplicate', async () => {
    const out = path.join(makeTempDir('real-csl'), 'data');
    const run = await runCliCaptured(['--from', path.join(REAL_DATA, 'csl'), '--out', out]);
    expect(run.code).toBe(0);
    const reconciliation = JSON.parse(
      readFileSync(path.join(out, 'reconciliation.json'), 'utf8'),
    ) as { tallies: RowTally[]; lists: { code: string; count: number }[] };
    expect(reconciliation.tallies).toEqual([
      {
        file: 'consolidated.csv',
        source: 'consolidated.csv',
        rows: 14_160,
        written: 14_159,
        merged: 1,
        superseded: 0,
        rejected: 0,
      },
    ]);
    expect(Object.fromEntries(reconciliation.lists.map((list) => [list.code, list.count]))).toEqual(
      {
        SDN: 10_026,
        EL: 2_001,
        DTC: 727,
        DPL: 462,
        SSI: 290,
        UVL: 201,
        ISN: 163,
        PLC: 78,
        MEU: 71,
        CMIC: 68,
        CAP: 52,
        MBS: 17,
        FSE: 3,
      },
    );
    const listings = JSON.parse(readFileSync(path.join(out, 'listings.json'), 'utf8')) as {
      listings: { id: string }[];
    };
    expect(listings.listings).toHaveLength(14_159);
    expect(run.stdout).toContain('total listings: 14159');
  }, 120_000);

  it('merges exactly the CAPTA row 15268 that appears twice', () => {
    const source = loadSource(discoverSources(path.join(REAL_DATA, 'csl')).groups[0]!);
    const merged = source.result.rows.filter((record) => record.outcome.kind === 'merged');
    expect(merged).toHaveLength(1);
    expect(merged[0]?.outcome).toMatchObject({ kind: 'merged', into: 'cap-15268' });
    const capRows = source.result.listings.filter((listing) => listing.list === 'CAP');
    expect(capRows).toHaveLength(52);
  }, 120_000);
});
