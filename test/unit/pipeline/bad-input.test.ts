import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Listing } from '../../../src/domain/listing';
import { manifestSchema } from '../../../src/domain/manifest';
import {
  BAD_FIXTURES,
  makeTempDir,
  runCliCaptured,
  siblingsOf,
  snapshotDir,
  writeText,
  type CliRun,
} from './cli-harness';

/**
 * The "Hardening" bad-input suite: each broken source in test/fixtures-bad/<case>/ gives a
 * message naming the file (and the row and field where there is one) and what to do, exits
 * non-zero where the data would be wrong, and leaves the previous output as it was.
 * test/fixtures-bad/README.md tabulates the cases and their messages.
 */

let previousOut: string;
let previous: Record<string, string>;

beforeAll(async () => {
  previousOut = path.join(makeTempDir('bad-previous'), 'data');
  const run = await runCliCaptured(['--sample', '--out', previousOut]);
  expect(run.code).toBe(0);
  previous = snapshotDir(previousOut);
});

async function runCase(name: string, out = previousOut): Promise<CliRun> {
  return runCliCaptured(['--from', path.join(BAD_FIXTURES, name), '--out', out]);
}

async function expectRejected(name: string, message: string | RegExp): Promise<CliRun> {
  const run = await runCase(name);
  expect(run.code).toBe(1);
  expect(run.stderr.split('\n')[0]).toMatch(message);
  expect(run.stderr).toContain(`Nothing was written; ${previousOut} is unchanged.`);
  expect(run.stdout).toBe('');
  expect(snapshotDir(previousOut)).toEqual(previous);
  expect(siblingsOf(previousOut)).toEqual(['data']);
  return run;
}

function readListings(out: string): Listing[] {
  return (
    JSON.parse(readFileSync(path.join(out, 'listings.json'), 'utf8')) as { listings: Listing[] }
  ).listings;
}

const REDOWNLOAD = 'download it again (npm run data -- --download) or remove it from the folder';

describe('empty and truncated files', () => {
  it('rejects an empty CSL file', async () => {
    const run = await expectRejected(
      'empty-file',
      `csl/consolidated.csv: empty file, expected the Consolidated Screening List CSV export; ${REDOWNLOAD}`,
    );
    expect(run.stderr).toContain('Replace the file with the one the agency publishes');
  });

  it('rejects an empty OFAC primary file (as the jackdwyer repository’s last commit holds)', async () => {
    await expectRejected(
      'empty-ofac-primary',
      `ofac/sdn/sdn.csv: empty file, expected the OFAC SDN primary file; ${REDOWNLOAD}`,
    );
  });

  it('rejects a CSL file with a header and no rows', async () => {
    await expectRejected(
      'header-only',
      /^csl\/consolidated\.csv: no data rows .*Download it again$/,
    );
  });

  it('rejects a CSV cut inside a quoted field, naming the row', async () => {
    await expectRejected(
      'truncated-csv-quoted',
      'csl/consolidated.csv, row 3: not readable as CSV: Quote Not Closed',
    );
  });

  it('rejects a CSV cut between fields, naming the row and the field count', async () => {
    await expectRejected(
      'truncated-csv-row',
      'csl/consolidated.csv, row 4: expected 29 fields as in the header, found 6',
    );
  });

  it('rejects an OFAC file cut mid-row, naming row and field', async () => {
    await expectRejected(
      'truncated-ofac',
      'ofac/sdn/sdn.csv, row 4, field "Program": expected 12 columns (primary file), found 3',
    );
  });

  it('rejects XML cut mid-element, naming the record', async () => {
    await expectRejected(
      'truncated-xml',
      'un/consolidated.xml, row 2: malformed XML: the file ends before its elements are closed (truncated?)',
    );
  });
});

describe('wrong layout', () => {
  it('rejects a CSL written with semicolons', async () => {
    await expectRejected(
      'semicolon-delimiter',
      'csl/consolidated.csv, row 0: the Consolidated Screening List CSV is separated by commas, but this file by semicolons (re-saved by a spreadsheet program?)',
    );
  });

  it('rejects a CSL written with tabs', async () => {
    await expectRejected(
      'tab-delimiter',
      /^csl\/consolidated\.csv, row 0: .* but this file by tabs/,
    );
  });

  it('names a renamed CSL column', async () => {
    await expectRejected(
      'renamed-column',
      'csl/consolidated.csv, row 0, field "name": column missing from the header',
    );
  });

  it('names a missing DPL column', async () => {
    await expectRejected(
      'missing-column-dpl',
      'bis/dpl.txt, row 0, field "Effective_Date": missing column "Effective_Date"',
    );
  });
});

describe('the wrong kind of file under a recognised name', () => {
  it('rejects an HTML error page saved as consolidated.csv', async () => {
    await expectRejected(
      'html-as-csl',
      "csl/consolidated.csv: is an HTML page, not the Consolidated Screening List CSV export (a download site's error page saved under the file's name?)",
    );
  });

  it('rejects an HTML error page saved as sdn.csv', async () => {
    await expectRejected(
      'html-as-ofac',
      /^ofac\/sdn\/sdn\.csv: is an HTML page, not the OFAC SDN primary file/,
    );
  });

  it('rejects a JSON error body saved as consolidated.csv, quoting its first line', async () => {
    await expectRejected(
      'json-error-as-csl',
      'csl/consolidated.csv: has the name of the Consolidated Screening List CSV export but not its content (the first line is not its header: "{"error":"Too Many Requests","status":429}")',
    );
  });

  it('rejects OFAC files saved under each other’s names', async () => {
    await expectRejected(
      'swapped-ofac',
      'ofac/sdn/add.csv, row 1: looks like the OFAC primary file, not the OFAC SDN addresses file',
    );
  });
});

describe('encodings', () => {
  it('rejects Windows-1252 bytes, naming the byte, line and column', async () => {
    await expectRejected(
      'windows-1252',
      'csl/consolidated.csv: not UTF-8: byte 0x92 at line 4, column 98 (byte 1039). The official file is UTF-8; this copy was probably re-saved as Windows-1252',
    );
  });

  it('accepts a UTF-8 byte-order mark in the CSL, DPL and UN files', async () => {
    const out = path.join(makeTempDir('bad-bom'), 'data');
    const run = await runCase('utf8-bom', out);
    expect(run.code).toBe(0);
    const listings = readListings(out);
    // The first CSL column is `_id`: with the BOM left in, every row would lose its id.
    expect(listings.map((listing) => listing.id)).toContain('sdn-90002');
    expect(listings.filter((listing) => listing.list === 'DPL')).toHaveLength(13);
    expect(listings.filter((listing) => listing.list === 'UN')).toHaveLength(8);
  });
});

describe('rows kept with a warning', () => {
  it('keeps rows with impossible dates, warns, and records no listing event', async () => {
    const out = path.join(makeTempDir('bad-dates'), 'data');
    const run = await runCase('impossible-dates', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'csl/consolidated.csv, row 3, field "start_date": "2021-02-30" is not a plausible date; no event recorded',
    );
    expect(run.stdout).toContain(
      'csl/consolidated.csv, row 4, field "start_date": "1066-10-14" is not a plausible date; no event recorded',
    );
    const listings = readListings(out);
    expect(listings).toHaveLength(4);
    const kept = [
      'el-ab82a103da271e046646975aad30dea69ae79c68',
      'uvl-749ec73ac1bdb5f52dd17541da38758bb08b2e80',
    ];
    for (const id of kept) {
      const listing = listings.find((candidate) => candidate.id === id);
      expect(listing?.events, id).toEqual([]);
    }
    // The row beside them with a real date does get its event.
    const dpl = listings.find((listing) => listing.list === 'DPL');
    expect(dpl?.events.find((event) => event.kind === 'listed')?.date).toBe('2002-03-04');
  });

  it('merges a CSL id repeated within one list, names the row, and keeps the second name', async () => {
    const out = path.join(makeTempDir('bad-dup-csl'), 'data');
    const run = await runCase('duplicate-ids-csl', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'csl/consolidated.csv, row 5, field "id": duplicate row of the same list entry: merged into sdn-90002',
    );
    const listing = readListings(out).find((candidate) => candidate.id === 'sdn-90002');
    expect(listing?.name).toBe('EXAMPLE FOUNDATION');
    expect(listing?.aliases.map((alias) => alias.name)).toContain('OTHER EXAMPLE PARTY');
  });

  it('rejects the second OFAC row with a repeated ent_num and lists it', async () => {
    const out = path.join(makeTempDir('bad-dup-ofac'), 'data');
    const run = await runCase('duplicate-ids-ofac', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ofac/sdn/sdn.csv, row 4: duplicate ent_num 4511');
    expect(readListings(out).find((listing) => listing.id === 'sdn-4511')?.name).toBe(
      'ESTRELLA DEL SUR',
    );
  });

  it('rejects the second UN record with a repeated DATAID and lists it', async () => {
    const out = path.join(makeTempDir('bad-dup-un'), 'data');
    const run = await runCase('duplicate-ids-un', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('un/consolidated.xml, row 2: duplicate DATAID 6909101');
    expect(readListings(out)).toHaveLength(8);
  });
});

describe('a source that shrinks sharply against the previous build', () => {
  const before = path.join(BAD_FIXTURES, 'shrink/before');
  const after = path.join(BAD_FIXTURES, 'shrink/after');

  it('fails with exit 1 and leaves the output as it was', async () => {
    const out = path.join(makeTempDir('bad-shrink'), 'data');
    expect((await runCliCaptured(['--from', before, '--out', out])).code).toBe(0);
    const built = snapshotDir(out);
    const run = await runCliCaptured(['--from', after, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `1 source file(s) have under half the rows they had in the previous build in ${out}:\n  csl/consolidated.csv: 1 rows, previously 4`,
    );
    expect(run.stderr).toContain('run again with --allow-shrink');
    expect(snapshotDir(out)).toEqual(built);
    expect(siblingsOf(out)).toEqual(['data']);
  });

  it('writes with --allow-shrink', async () => {
    const out = path.join(makeTempDir('bad-shrink-allowed'), 'data');
    expect((await runCliCaptured(['--from', before, '--out', out])).code).toBe(0);
    const run = await runCliCaptured(['--from', after, '--out', out, '--allow-shrink']);
    expect(run.code).toBe(0);
    expect(readListings(out)).toHaveLength(1);
  });

  it('lets a file with exactly half its previous rows through', async () => {
    const sources = makeTempDir('bad-shrink-src');
    const out = path.join(makeTempDir('bad-shrink-half'), 'data');
    const lines = readFileSync(path.join(before, 'csl/consolidated.csv'), 'utf8').split('\n');
    writeText(sources, 'csl/consolidated.csv', lines.join('\n'));
    expect((await runCliCaptured(['--from', sources, '--out', out])).code).toBe(0);
    // The header and 2 of the 4 rows: not under half.
    writeText(sources, 'csl/consolidated.csv', lines.slice(0, 3).join('\n') + '\n');
    const run = await runCliCaptured(['--from', sources, '--out', out]);
    expect(run.code).toBe(0);
    expect(readListings(out)).toHaveLength(2);
  });

  it('documents --allow-shrink in the usage text', async () => {
    const run = await runCliCaptured(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /--allow-shrink\s+write even if a source file has under half the rows/,
    );
  });
});

describe('the sample data set', () => {
  it('still builds from test/fixtures only, never from test/fixtures-bad', async () => {
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(path.join(previousOut, 'manifest.json'), 'utf8')),
    );
    expect(manifest.sample).toBe(true);
    expect(manifest.sources.map((source) => source.id)).toEqual([
      'bis/dpl.txt',
      'csl/consolidated.csv',
      'csl/consolidated.json',
      'ofac/cons/cons_prim.csv',
      'ofac/sdn/sdn.csv',
      'un/consolidated.xml',
    ]);
    expect(existsSync(path.join(BAD_FIXTURES, 'README.md'))).toBe(true);
  });
});
