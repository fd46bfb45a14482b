import { describe, expect, it } from 'vitest';
import { discoverSources, groupKey, type SourceGroup } from '../../../src/pipeline/discover';
import { copyFixtures, makeTempDir, readFixture, writeText } from './cli-harness';

function summarise(group: SourceGroup): string {
  if (group.format !== 'ofac-csv') return `${group.format} ${group.file.id}`;
  const parts = [group.primary, group.addresses, group.aliases, group.comments].map(
    (file) => file?.id ?? '-',
  );
  return `ofac-csv ${group.kind} ${group.folder}: ${parts.join(' ')}`;
}

describe('discoverSources', () => {
  const root = makeTempDir('discover');
  copyFixtures(root, {
    // By name, in nested folders.
    'a/b/c/consolidated.csv': 'csl/consolidated.csv',
    'lists/un/consolidated.xml': 'un/consolidated.xml',
    // By content, under names the pipeline has never seen.
    'exports/2022/csl-export-may.csv': 'csl/consolidated.csv',
    'exports/csl-page.json': 'csl/consolidated.json',
    'bis/denied-persons-2023.txt': 'bis/dpl.txt',
    'un-2026/un-sc-list.xml': 'un/consolidated.xml',
    // A complete SDN set, a primary-only SDN set, and a Consolidated set beside an SDN set.
    'ofac/sdn-2021-07': 'ofac/sdn',
    'ofac/sdn-2024-05/sdn.csv': 'ofac/sdn/sdn.csv',
    'ofac/mixed/cons_prim.csv': 'ofac/cons/cons_prim.csv',
    'ofac/mixed/cons_alt.csv': 'ofac/cons/cons_alt.csv',
    'ofac/mixed/sdn.csv': 'ofac/sdn/sdn.csv',
    // Companions whose primary file is in another folder.
    'ofac/orphans/add.csv': 'ofac/sdn/add.csv',
    'ofac/orphans/cons_comments.csv': 'ofac/cons/cons_comments.csv',
  });
  // OFAC serves upper-case names.
  writeText(root, 'ofac/upper/SDN.CSV', readFixture('ofac/sdn/sdn.csv'));
  writeText(root, 'ofac/upper/ALT.CSV', readFixture('ofac/sdn/alt.csv'));
  writeText(root, 'notes/todo.txt', 'fetch the lists on Monday\n');
  writeText(root, 'notes/people.csv', 'name,country\nSomeone,DE\n');
  writeText(root, 'notes/README.md', '# not data\n');
  writeText(root, '.DS_Store', 'x');
  const discovery = discoverSources(root);

  it('finds every single-file format by name or by content, at any depth', () => {
    const singles = discovery.groups.filter((group) => group.format !== 'ofac-csv');
    expect(singles.map(summarise)).toEqual([
      'csl-csv a/b/c/consolidated.csv',
      'bis-dpl bis/denied-persons-2023.txt',
      'csl-csv exports/2022/csl-export-may.csv',
      'csl-json exports/csl-page.json',
      'un-xml lists/un/consolidated.xml',
      'un-xml un-2026/un-sc-list.xml',
    ]);
  });

  it('groups OFAC companion files per folder and per list, never across folders', () => {
    const sets = discovery.groups.filter((group) => group.format === 'ofac-csv');
    expect(sets.map(summarise)).toEqual([
      'ofac-csv cons ofac/mixed: ofac/mixed/cons_prim.csv - ofac/mixed/cons_alt.csv -',
      'ofac-csv sdn ofac/mixed: ofac/mixed/sdn.csv - - -',
      'ofac-csv sdn ofac/sdn-2021-07: ofac/sdn-2021-07/sdn.csv ofac/sdn-2021-07/add.csv ofac/sdn-2021-07/alt.csv ofac/sdn-2021-07/sdn_comments.csv',
      'ofac-csv sdn ofac/sdn-2024-05: ofac/sdn-2024-05/sdn.csv - - -',
      'ofac-csv sdn ofac/upper: ofac/upper/SDN.CSV - ofac/upper/ALT.CSV -',
    ]);
  });

  it('sorts groups by their key, so the order does not depend on the file system', () => {
    const keys = discovery.groups.map(groupKey);
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b)));
  });

  it('reports unrecognised files and companions without a primary file, and skips notes', () => {
    expect(discovery.ignored).toEqual([
      { id: 'notes/people.csv', reason: 'not a recognised source file (by name or content)' },
      { id: 'notes/todo.txt', reason: 'not a recognised source file (by name or content)' },
      {
        id: 'ofac/orphans/add.csv',
        reason: 'OFAC addresses file without its primary file (sdn.csv) in the same folder',
      },
      {
        id: 'ofac/orphans/cons_comments.csv',
        reason: 'OFAC comments file without its primary file (cons_prim.csv) in the same folder',
      },
    ]);
  });

  it('keeps each file’s bytes and a SHA-256 of them', () => {
    const csl = discovery.groups.find((group) => groupKey(group) === 'a/b/c/consolidated.csv');
    if (csl?.format !== 'csl-csv') throw new Error('CSL not found');
    expect(csl.file.bytes.toString('utf8')).toBe(readFixture('csl/consolidated.csv'));
    expect(csl.file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a single file given instead of a folder', () => {
    const single = discoverSources(`${root}/a/b/c/consolidated.csv`);
    expect(single.groups.map((group) => group.format)).toEqual(['csl-csv']);
  });
});
