import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListCode } from '../../../src/domain/lists';
import { manifestSchema } from '../../../src/domain/manifest';
import {
  PreferenceError,
  chooseSources,
  loadSource,
  type ListChoice,
} from '../../../src/pipeline/build';
import { discoverSources } from '../../../src/pipeline/discover';
import { copyFixtures, makeTempDir, runCliCaptured } from './cli-harness';

/**
 * The precedence rule of build.ts on real layouts: the CSL fixture (as of 2021-12-17, carries
 * SDN), complete OFAC SDN sets and a primary-only SDN set. The OFAC files carry no date, so each
 * set is dated by its folder name (`sdn-2022-01` → 2022-01-01).
 */

function choose(
  layout: Record<string, string>,
  preferences: [ListCode, string][] = [],
): Map<ListCode, ListChoice> {
  const root = copyFixtures(makeTempDir('precedence'), layout);
  const sources = discoverSources(root).groups.map(loadSource);
  return chooseSources(sources, new Map(preferences));
}

const CSL = { 'csl/consolidated.csv': 'csl/consolidated.csv' };
const completeSdn = (folder: string) => ({ [`ofac/${folder}`]: 'ofac/sdn' });
const partialSdn = (folder: string) => ({ [`ofac/${folder}/sdn.csv`]: 'ofac/sdn/sdn.csv' });

describe('precedence: one source per list', () => {
  it('never lets a newer primary-only OFAC set beat a complete source', () => {
    const choices = choose({ ...CSL, ...completeSdn('sdn-2022-01'), ...partialSdn('sdn-2030-06') });
    expect(choices.get('SDN')?.source.id).toBe('ofac/sdn-2022-01/sdn.csv');
    expect(choices.get('SDN')?.reason).toBe(
      'newest complete source (as of 2022-01-01); partial source(s) not used: ofac/sdn-2030-06/sdn.csv',
    );
  });

  it('keeps the older CSL over a newer partial set when no complete OFAC set exists', () => {
    const choices = choose({ ...CSL, ...partialSdn('sdn-2030-06') });
    expect(choices.get('SDN')?.source.id).toBe('csl/consolidated.csv');
    expect(choices.get('SDN')?.reason).toMatch(/partial source\(s\) not used: ofac\/sdn-2030-06/);
  });

  it('uses a partial set only when nothing else carries the list, and says so', () => {
    const choices = choose(partialSdn('sdn-2030-06'));
    expect(choices.get('SDN')?.source.id).toBe('ofac/sdn-2030-06/sdn.csv');
    expect(choices.get('SDN')?.reason).toBe('only source carrying this list');
  });

  it('takes the newest complete source: the CSL when the OFAC set is older', () => {
    const choices = choose({ ...CSL, ...completeSdn('sdn-2021-07') });
    expect(choices.get('SDN')?.source.id).toBe('csl/consolidated.csv');
    expect(choices.get('SDN')?.reason).toBe('newest complete source (as of 2021-12-17)');
  });

  it('takes the newest of two complete OFAC sets', () => {
    const choices = choose({ ...completeSdn('sdn-2022-01'), ...completeSdn('sdn-2023-03') });
    expect(choices.get('SDN')?.source.id).toBe('ofac/sdn-2023-03/sdn.csv');
  });

  it('on a tie of dates, prefers the agency’s own file to the CSL', () => {
    const choices = choose({ ...CSL, ...completeSdn('sdn-2021-12-17') });
    expect(choices.get('SDN')?.source.id).toBe('ofac/sdn-2021-12-17/sdn.csv');
    expect(choices.get('SDN')?.source.result.asOf).toBe('2021-12-17');
    // Lists only the CSL carries stay with the CSL.
    expect(choices.get('EL')?.source.id).toBe('csl/consolidated.csv');
  });

  it('lets --prefer choose the partial set, by id or by an unambiguous id prefix', () => {
    const layout = { ...CSL, ...completeSdn('sdn-2022-01'), ...partialSdn('sdn-2030-06') };
    const byId = choose(layout, [['SDN', 'ofac/sdn-2030-06/sdn.csv']]);
    expect(byId.get('SDN')?.source.id).toBe('ofac/sdn-2030-06/sdn.csv');
    expect(byId.get('SDN')?.reason).toBe('chosen on the command line (--prefer)');
    const byPrefix = choose(layout, [['SDN', 'csl/']]);
    expect(byPrefix.get('SDN')?.source.id).toBe('csl/consolidated.csv');
    expect(byPrefix.get('EL')?.reason).toBe('only source carrying this list');
  });

  it('rejects --prefer naming an unknown source, an ambiguous one, or an absent list', () => {
    const layout = { ...CSL, ...completeSdn('sdn-2022-01'), ...partialSdn('sdn-2030-06') };
    expect(() => choose(layout, [['SDN', 'treasury']])).toThrow(
      new PreferenceError(
        '--prefer SDN=treasury: no source carrying SDN matches. Sources for SDN: csl/consolidated.csv (csl), ofac/sdn-2022-01/sdn.csv (ofac-sdn), ofac/sdn-2030-06/sdn.csv (ofac-sdn)',
      ),
    );
    expect(() => choose(layout, [['SDN', 'ofac-sdn']])).toThrow(
      /matches 2 sources.*give a source id/,
    );
    expect(() => choose(layout, [['UN', 'csl']])).toThrow(
      /--prefer UN=csl: no source carries UN\. Sources found: csl\/consolidated.csv/,
    );
  });
});

describe('precedence through the CLI', () => {
  const root = copyFixtures(makeTempDir('precedence-cli'), {
    ...CSL,
    ...completeSdn('sdn-2022-01'),
    ...partialSdn('sdn-2030-06'),
    'ofac/cons-2021-01': 'ofac/cons',
    'bis/dpl.txt': 'bis/dpl.txt',
    'un/consolidated.xml': 'un/consolidated.xml',
  });

  it('writes, for every list, the source it came from and why', async () => {
    const out = path.join(makeTempDir('precedence-out'), 'data');
    const run = await runCliCaptured(['--from', root, '--out', out]);
    expect(run.code).toBe(0);
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')),
    );
    const sourceIds = new Set(manifest.sources.map((source) => source.id));
    expect(manifest.lists.length).toBe(14);
    for (const list of manifest.lists) {
      expect(sourceIds).toContain(list.source);
      expect(list.reason).not.toBe('');
      const source = manifest.sources.find((candidate) => candidate.id === list.source);
      expect(source?.usedFor).toContain(list.code);
    }
    const sdn = manifest.lists.find((list) => list.code === 'SDN');
    expect(sdn).toMatchObject({ source: 'ofac/sdn-2022-01/sdn.csv', asOf: '2022-01-01' });
    const partial = manifest.sources.find((source) => source.id === 'ofac/sdn-2030-06/sdn.csv');
    expect(partial).toMatchObject({ complete: false, usedFor: [] });
    // The Consolidated set (2021-01) is older than the CSL, so the CSL keeps its lists.
    expect(manifest.lists.find((list) => list.code === 'CMIC')?.source).toBe(
      'csl/consolidated.csv',
    );
    expect(run.stdout).toContain('partial source(s) not used: ofac/sdn-2030-06/sdn.csv');
  });

  it('exits 2 with a clear message and writes nothing for --prefer of an unknown source', async () => {
    const out = path.join(makeTempDir('precedence-bad'), 'data');
    const run = await runCliCaptured(['--from', root, '--prefer', 'SDN=nowhere', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--prefer SDN=nowhere: no source carrying SDN matches');
    expect(run.stderr).toContain('ofac/sdn-2022-01/sdn.csv (ofac-sdn)');
    expect(() => readFileSync(path.join(out, 'manifest.json'))).toThrow(/ENOENT/);
  });

  it('exits 2 for --prefer with an unknown list code', async () => {
    const out = path.join(makeTempDir('precedence-usage'), 'data');
    const run = await runCliCaptured(['--from', root, '--prefer', 'XYZ=csl', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--prefer XYZ=csl: expected LIST=SOURCE');
  });
});
