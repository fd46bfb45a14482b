import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { SourceListing } from '../../../src/domain/listing';
import { sourceListingSchema } from '../../../src/domain/listing-schema';
import { readBisDpl } from '../../../src/pipeline/adapters/bis-dpl';
import { SourceFormatError, type AdapterResult } from '../../../src/pipeline/types';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/bis/dpl.txt');
/** The real, unmodified BIS file, read in place (see /work/shared/data/README.md, section 3). */
const REAL_FILE = path.resolve(import.meta.dirname, '../../../../shared/data/bis/dpl.txt');

function readFixture(): AdapterResult {
  return readBisDpl({ id: 'bis/dpl.txt', bytes: readFileSync(FIXTURE) });
}

/** Fails, never skips: a missing official file must not turn the real-data checks green. */
function readRealBytes(): Buffer {
  if (!existsSync(REAL_FILE)) throw new Error(`real DPL file not found; looked at ${REAL_FILE}`);
  return readFileSync(REAL_FILE);
}

function expectedId(name: string, effectiveIso: string): string {
  const hash = createHash('sha1').update(`${name}|${effectiveIso}`, 'utf8').digest('hex');
  return `dpl-${hash.slice(0, 12)}`;
}

function findListing(result: AdapterResult, name: string, effective: string): SourceListing {
  const listing = result.listings.find(
    (candidate) =>
      candidate.name === name &&
      candidate.events.some((event) => event.kind === 'listed' && event.date === effective),
  );
  if (!listing) throw new Error(`no listing ${name} effective ${effective}`);
  return listing;
}

function findByName(result: AdapterResult, name: string): SourceListing {
  const listing = result.listings.find((candidate) => candidate.name === name);
  if (!listing) throw new Error(`no listing named ${name}`);
  return listing;
}

function replaceInFixture(from: string, to: string): Buffer {
  const text = readFileSync(FIXTURE, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture does not contain ${from}`);
  return Buffer.from(text.replace(from, to));
}

describe('readBisDpl on the fixture', () => {
  const result = readFixture();
  const vanterpool2004 = expectedId('DARIUS K. VANTERPOOL', '2004-04-12');
  const northgate = expectedId('NORTHGATE AERO TRADING LLC', '2023-09-14');

  it('gives every row exactly one outcome, merging the extra addresses of one order', () => {
    expect(result.rowCounts).toEqual({ 'bis/dpl.txt': 16 });
    expect(result.rows.map((row) => row.row)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    const merged = { kind: 'merged', what: 'address of the same order' };
    expect(result.rows[0]?.outcome).toEqual({ kind: 'written', listingIds: [vanterpool2004] });
    expect(result.rows[2]?.outcome).toEqual({ kind: 'written', listingIds: [northgate] });
    expect(result.rows[3]?.outcome).toEqual({ ...merged, into: northgate });
    expect(result.rows[4]?.outcome).toEqual({ ...merged, into: northgate });
    // Row 16 has no leading space in its name but is the same order as row 1.
    expect(result.rows[15]?.outcome).toEqual({ ...merged, into: vanterpool2004 });
    const kinds = result.rows.map((row) => row.outcome.kind);
    expect(kinds.filter((kind) => kind === 'written')).toHaveLength(13);
    expect(kinds.filter((kind) => kind === 'merged')).toHaveLength(3);
    expect(result.listings).toHaveLength(13);
  });

  it('describes the source', () => {
    expect(result.format).toBe('bis-dpl');
    expect(result.sourceName).toBe('bis-dpl');
    expect(result.lists).toEqual(['DPL']);
    expect(result.files).toEqual(['bis/dpl.txt']);
    expect(result.complete).toBe(true);
  });

  it('dates the data by the newest plausible Last_Update, not the 3033 typo', () => {
    expect(result.asOf).toBe('2023-11-27');
    expect(result.asOfBasis).toMatch(/Last_Update/);
  });

  it('warns about each unusable value without dropping its row', () => {
    expect(result.warnings.map(({ row, field }) => ({ row, field }))).toEqual([
      { row: 5, field: 'Expiration_Date' },
      { row: 8, field: 'Last_Update' },
      { row: 11, field: 'Effective_Date' },
      { row: 12, field: 'Country' },
    ]);
    expect(result.warnings[1]?.message).toContain('3033-10-02');
    expect(result.warnings.every((warning) => warning.file === 'bis/dpl.txt')).toBe(true);
  });

  it('produces listings that satisfy the output contract', () => {
    for (const listing of result.listings)
      expect(() => sourceListingSchema.parse(listing)).not.toThrow();
  });

  it('trims the name, hashes name + effective date into the id, and keeps both orders apart', () => {
    const listing = findListing(result, 'DARIUS K. VANTERPOOL', '2004-04-12');
    expect(listing.id).toBe(vanterpool2004);
    expect(listing.sourceId).toBe(vanterpool2004.slice(4));
    expect(listing.list).toBe('DPL');
    expect(listing.agency).toBe('commerce');
    expect(listing.type).toBeNull();
    expect(listing.source).toEqual({ file: 'bis/dpl.txt', row: 1, format: 'bis-dpl' });
    expect(listing.addresses.map((address) => address.city)).toEqual(['BEAUMONT', 'THE WOODLANDS']);
    const earlier = findListing(result, 'DARIUS K. VANTERPOOL', '2003-11-02');
    expect(earlier.id).toBe(expectedId('DARIUS K. VANTERPOOL', '2003-11-02'));
    expect(earlier.id).not.toBe(listing.id);
  });

  it('gives the same ids on every run', () => {
    expect(readFixture()).toEqual(result);
  });

  it('merges an order with three addresses into one listing with its citations once each', () => {
    const listing = findByName(result, 'NORTHGATE AERO TRADING LLC');
    expect(listing.addresses).toEqual([
      {
        text: 'OFFICE 1407, AL MANARA TOWER, BUSINESS BAY, DUBAI, AE',
        street: 'OFFICE 1407, AL MANARA TOWER, BUSINESS BAY',
        city: 'DUBAI',
        region: null,
        postalCode: null,
        country: 'AE',
      },
      {
        text: 'YESILKOY MAH. HAVAALANI CAD. NO. 12/4, ISTANBUL, 34149, TR',
        street: 'YESILKOY MAH. HAVAALANI CAD. NO. 12/4',
        city: 'ISTANBUL',
        region: null,
        postalCode: '34149',
        country: 'TR',
      },
      {
        text: '14 ARSHAKUNYATS AVENUE, 3RD FLOOR, YEREVAN, 0023, AM',
        street: '14 ARSHAKUNYATS AVENUE, 3RD FLOOR',
        city: 'YEREVAN',
        region: null,
        postalCode: '0023',
        country: 'AM',
      },
    ]);
    // Row 5 writes `88 F.R.64210` and drops one notice; it is still the same three notices.
    expect(listing.citations.map(({ volume, page }) => `${volume} FR ${page}`)).toEqual([
      '87 FR 58811',
      '88 FR 15422',
      '88 FR 64210',
    ]);
    expect(listing.events.map(({ kind, date }) => `${kind} ${date}`)).toEqual([
      'listed 2023-09-14',
      'amended 2023-03-13',
      'amended 2023-09-18',
      'expires 2024-03-12',
    ]);
    expect(listing.events[0]?.citation?.page).toBe(58811);
  });

  it('reads DPL-style citations with their dates, listing on the earliest notice', () => {
    const listing = findListing(result, 'DARIUS K. VANTERPOOL', '2003-11-02');
    expect(listing.events).toEqual([
      {
        kind: 'listed',
        date: '2003-11-02',
        citation: { text: '68 F.R. 62590 11/5/03', volume: 68, page: 62590, date: '2003-11-05' },
        from: 'Effective_Date',
      },
      {
        kind: 'amended',
        date: '2003-11-13',
        citation: { text: '68 F.R. 64410 11/13/03', volume: 68, page: 64410, date: '2003-11-13' },
        from: 'FR_Citation',
      },
      { kind: 'expires', date: '2034-04-12', citation: null, from: 'Expiration_Date' },
    ]);
    expect(listing.remarks).toBe('30 YEAR DENIAL');
  });

  it('leaves an empty country null rather than guessing', () => {
    const listing = findByName(result, 'ELENA MARISOL QUINTANAR');
    expect(listing.addresses).toHaveLength(1);
    expect(listing.addresses[0]?.country).toBeNull();
    expect(listing.addresses[0]?.text).toBe('2208 CALLE DEL NORTE, APT. 5, LAREDO, TX, 78041');
  });

  it('reads an empty expiration as no event and a lower-case y as a standard order', () => {
    // The name also checks that a doubled quote inside a quoted field is read as one quote.
    const listing = findByName(result, 'HOLLISTER "HAL" GRANT WEBB');
    expect(listing.events.map((event) => event.kind)).toEqual(['listed']);
    expect(listing.standardOrder).toBe(true);
  });

  it('reads N as false and an empty Standard_Order as null', () => {
    expect(findByName(result, 'KESTREL MARINE SUPPLY CO.').standardOrder).toBe(false);
    expect(findByName(result, 'WEI-LUN CHAO').standardOrder).toBeNull();
  });

  it('maps PRC to CN and refuses a state code in the Country column', () => {
    expect(findByName(result, 'WEI-LUN CHAO').addresses[0]?.country).toBe('CN');
    const sokolin = findByName(result, 'PAVEL ANDREYEVICH SOKOLIN');
    expect(sokolin.addresses[0]?.country).toBeNull();
    expect(sokolin.addresses[0]?.text).toContain('NM');
  });

  it('writes a row with an impossible effective date, without a listed event', () => {
    const listing = findByName(result, 'RAYMOND OKAFOR-BELL');
    expect(listing.events.map((event) => event.kind)).toEqual(['amended', 'expires']);
    expect(result.warnings.find((warning) => warning.row === 11)?.message).toContain('02/30/2020');
  });

  it('reads a notice spanning two pages as one citation with its date', () => {
    expect(findByName(result, 'MERIDIAN OPTIC COMPONENTS GMBH').citations).toEqual([
      { text: '85 F.R. 78299, 78300 12/4/2020', volume: 85, page: 78299, date: '2020-12-04' },
    ]);
  });

  it('keeps the Action text as remarks', () => {
    expect(findByName(result, 'ALDO FERRANTE').remarks).toBe('TDO RENEWAL, F.R. NOTICE ADDED');
  });

  it('reads columns by name, whatever their order', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const swapped = text
      .split('\n')
      .map((line) => {
        const [first, second, ...rest] = line.split('\t');
        return line === '' ? line : [second, first, ...rest].join('\t');
      })
      .join('\n');
    expect(readBisDpl({ id: 'bis/dpl.txt', bytes: Buffer.from(swapped) }).listings).toEqual(
      result.listings,
    );
  });
});

describe('readBisDpl on a broken file', () => {
  it('names the file, the header row and the missing column', () => {
    const bytes = replaceInFixture('"FR_Citation"', '"FR_Cite"');
    const read = () => readBisDpl({ id: 'bis/dpl.txt', bytes });
    expect(read).toThrow(SourceFormatError);
    expect(read).toThrow('bis/dpl.txt, row 0, field "FR_Citation": missing column "FR_Citation"');
  });

  it('names the data row whose quoting is broken', () => {
    const bytes = replaceInFixture('"RAYMOND OKAFOR-BELL"', '"RAYMOND "RAY" OKAFOR-BELL"');
    try {
      readBisDpl({ id: 'bis/dpl.txt', bytes });
      expect.unreachable('a broken quote must not parse');
    } catch (error) {
      expect(error).toBeInstanceOf(SourceFormatError);
      expect((error as SourceFormatError).file).toBe('bis/dpl.txt');
      expect((error as SourceFormatError).row).toBe(11);
    }
  });

  it('rejects an empty file', () => {
    expect(() => readBisDpl({ id: 'bis/dpl.txt', bytes: Buffer.alloc(0) })).toThrow(
      /bis\/dpl\.txt, row 0: empty file/,
    );
  });
});

describe('readBisDpl on the real Denied Persons List', () => {
  const bytes = readRealBytes();
  const result = readBisDpl({ id: 'bis/dpl.txt', bytes });

  it('gives each of the 665 rows one outcome: 547 orders written, 118 addresses merged', () => {
    expect(result.rows).toHaveLength(665);
    expect(result.rowCounts).toEqual({ 'bis/dpl.txt': 665 });
    const count = (kind: string) => result.rows.filter((row) => row.outcome.kind === kind).length;
    expect(count('written')).toBe(547);
    expect(count('merged')).toBe(118);
    expect(count('rejected')).toBe(0);
    expect(result.listings).toHaveLength(547);
    expect(new Set(result.listings.map((listing) => listing.id)).size).toBe(547);
  });

  it('covers all 546 distinct names (545 once ` I. ASH` is trimmed)', () => {
    const records: string[][] = parse(bytes, { delimiter: '\t', from_line: 2 });
    const rawNames = new Set(records.map((record) => record[0]));
    expect(rawNames.size).toBe(546);
    const listingNames = new Set(result.listings.map((listing) => listing.name));
    expect(listingNames.size).toBe(545);
    // The listing name is the source name with its spaces trimmed and folded.
    const missing = [...rawNames].filter(
      (name) => name === undefined || !listingNames.has(name.trim().replace(/\s+/g, ' ')),
    );
    expect(missing).toEqual([]);
  });

  it('warns about the 3033 typo (and two 1023 ones) and dates the list 2023-11-28', () => {
    const lastUpdate = result.warnings.filter((warning) => warning.field === 'Last_Update');
    expect(lastUpdate.map((warning) => warning.message)).toEqual([
      'not a plausible date: "1023-11-01"',
      'not a plausible date: "1023-11-01"',
      'not a plausible date: "3033-09-30"',
    ]);
    expect(result.asOf).toBe('2023-11-28');
  });

  it('produces only listings that satisfy the output contract', () => {
    for (const listing of result.listings)
      expect(() => sourceListingSchema.parse(listing)).not.toThrow();
  });
});
