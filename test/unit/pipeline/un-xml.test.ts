import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listedDate, type SourceListing } from '../../../src/domain/listing';
import { sourceListingSchema } from '../../../src/domain/listing-schema';
import { readUnXml } from '../../../src/pipeline/adapters/un-xml';
import { SourceFormatError, type AdapterResult } from '../../../src/pipeline/types';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/un/consolidated.xml');
/** The real, unmodified UN file, read in place (see /work/shared/data/README.md, section 4). */
const REAL_FILE = path.resolve(import.meta.dirname, '../../../../shared/data/un/consolidated.xml');
const FILE_ID = 'un/consolidated.xml';

function readFixture(): AdapterResult {
  return readUnXml({ id: FILE_ID, bytes: readFileSync(FIXTURE) });
}

/** Fails, never skips: a missing official file must not turn the real-data checks green. */
function readRealBytes(): Buffer {
  if (!existsSync(REAL_FILE)) throw new Error(`real UN file not found; looked at ${REAL_FILE}`);
  return readFileSync(REAL_FILE);
}

function findListing(result: AdapterResult, id: string): SourceListing {
  const listing = result.listings.find((candidate) => candidate.id === id);
  if (!listing) throw new Error(`no listing ${id}`);
  return listing;
}

function readFromText(xml: string): () => AdapterResult {
  return () => readUnXml({ id: FILE_ID, bytes: Buffer.from(xml) });
}

function catchFormatError(read: () => unknown): SourceFormatError {
  try {
    read();
  } catch (error) {
    if (error instanceof SourceFormatError) return error;
    throw error;
  }
  throw new Error('expected a SourceFormatError');
}

describe('readUnXml on the fixture', () => {
  const result = readFixture();

  it('writes one listing per record, numbered in document order', () => {
    expect(result.rowCounts).toEqual({ [FILE_ID]: 8 });
    expect(result.rows).toEqual(
      [6909101, 6909102, 6909103, 6909104, 6909105, 6909201, 6909202, 6909203].map((id, i) => ({
        file: FILE_ID,
        row: i + 1,
        outcome: { kind: 'written', listingIds: [`un-${id}`] },
      })),
    );
    expect(result.listings.map((listing) => listing.type)).toEqual([
      ...Array<string>(5).fill('individual'),
      ...Array<string>(3).fill('entity'),
    ]);
  });

  it('describes the source and dates it by dateGenerated', () => {
    expect(result.format).toBe('un-xml');
    expect(result.sourceName).toBe('un');
    expect(result.lists).toEqual(['UN']);
    expect(result.asOf).toBe('2025-11-14');
    expect(result.asOfBasis).toMatch(/dateGenerated/);
  });

  it('warns only about the nationality that is not a country', () => {
    expect(result.warnings).toEqual([
      { file: FILE_ID, row: 4, field: 'NATIONALITY', message: 'not a country: "na"' },
    ]);
  });

  it('produces listings that satisfy the output contract', () => {
    for (const listing of result.listings)
      expect(() => sourceListingSchema.parse(listing)).not.toThrow();
  });

  it('joins four name parts and reads a full individual record', () => {
    const listing = findListing(result, 'un-6909102');
    expect(listing).toMatchObject({
      sourceId: '6909102',
      list: 'UN',
      agency: 'un',
      type: 'individual',
      name: 'YASIR HARITH NASR AL-QADIRI',
      title: 'Sheikh',
      programs: ['Al-Qaida'],
      nationalities: ['YE', 'SA'],
      datesOfBirth: ['1979-03-14'],
      placesOfBirth: ["Ta'izz, Yemen"],
      source: { file: FILE_ID, row: 2, format: 'un-xml' },
    });
    expect(listing.addresses).toEqual([
      {
        text: "Al-Zubairi Street, Sana'a, Yemen",
        street: 'Al-Zubairi Street',
        city: "Sana'a",
        region: null,
        postalCode: null,
        country: 'YE',
      },
    ]);
    expect(listing.remarks).toMatch(/^Facilitator who moves funds/);
  });

  it('keeps a repeated alias once, marks Low quality as weak, adds the original script', () => {
    expect(findListing(result, 'un-6909102').aliases).toEqual([
      { name: 'Yasir Harith al-Qadiri', kind: 'aka' },
      { name: 'Yasser Nasr', kind: 'aka' },
      { name: 'Abu Harith', kind: 'weak' },
      { name: 'ياسر حارث نصر القديري', kind: 'aka' },
    ]);
  });

  it('reads a single alias as a list of one and skips empty ALIAS_NAME elements', () => {
    expect(findListing(result, 'un-6909101').aliases).toEqual([
      { name: 'KASONGO LWAMBA', kind: 'aka' },
    ]);
    expect(findListing(result, 'un-6909103').aliases).toEqual([{ name: '리철민', kind: 'aka' }]);
    expect(findListing(result, 'un-6909104').aliases).toEqual([
      { name: 'Qasim Rahimi', kind: 'weak' },
    ]);
    expect(findListing(result, 'un-6909203').aliases).toEqual([]);
  });

  it('turns LISTED_ON (with or without a time zone) and each LAST_DAY_UPDATED into events', () => {
    expect(findListing(result, 'un-6909102').events).toEqual([
      { kind: 'listed', date: '2015-04-07', citation: null, from: 'LISTED_ON' },
      { kind: 'amended', date: '2017-05-02', citation: null, from: 'LAST_DAY_UPDATED' },
      { kind: 'amended', date: '2019-11-20', citation: null, from: 'LAST_DAY_UPDATED' },
      { kind: 'amended', date: '2023-03-08', citation: null, from: 'LAST_DAY_UPDATED' },
    ]);
    // An empty <VALUE/> is no update at all.
    expect(findListing(result, 'un-6909103').events.map((event) => event.kind)).toEqual(['listed']);
    expect(findListing(result, 'un-6909105').events.map((event) => event.kind)).toEqual(['listed']);
  });

  it('writes dates of birth as DATE, YEAR, circa YEAR, FROM to TO, or the note', () => {
    expect(findListing(result, 'un-6909101').datesOfBirth).toEqual(['1974']);
    expect(findListing(result, 'un-6909103').datesOfBirth).toEqual(['1968 to 1970']);
    expect(findListing(result, 'un-6909104').datesOfBirth).toEqual(['circa 1962']);
    expect(findListing(result, 'un-6909105').datesOfBirth).toEqual(['Sep. 1966']);
  });

  it('reads the reference number and documents as identifiers', () => {
    expect(findListing(result, 'un-6909102').identifiers).toEqual([
      { type: 'UN reference number', value: 'QDi.512', country: null },
      { type: 'Passport', value: '04518372', country: 'YE' },
      {
        type: 'National Identification Number',
        value: 'Saudi national identity card number 1029384756',
        country: null,
      },
    ]);
    expect(findListing(result, 'un-6909103').identifiers[1]).toEqual({
      type: 'Passport (Diplomatic passport)',
      value: '836220471',
      country: 'KP',
    });
  });

  it('maps the UN spellings of country names to ISO codes', () => {
    expect(findListing(result, 'un-6909103').nationalities).toEqual(['KP']);
    expect(findListing(result, 'un-6909105').nationalities).toEqual(['IR']);
    expect(findListing(result, 'un-6909104').nationalities).toEqual([]);
    expect(findListing(result, 'un-6909202').addresses.map((address) => address.country)).toEqual([
      'TR',
      'VN',
    ]);
  });

  it('skips empty address and place-of-birth elements', () => {
    expect(findListing(result, 'un-6909103').addresses).toEqual([]);
    expect(findListing(result, 'un-6909103').placesOfBirth).toEqual([]);
    expect(findListing(result, 'un-6909203').addresses).toEqual([]);
  });

  it('reads an entity: name from FIRST_NAME, a.k.a. and f.k.a. aliases, postal codes', () => {
    const listing = findListing(result, 'un-6909202');
    expect(listing.name).toBe('AL-NUR RELIEF FOUNDATION');
    expect(listing.aliases).toEqual([
      { name: 'Nur Relief Organization', kind: 'aka' },
      { name: "Mu'assasat al-Nur al-Khayriya", kind: 'aka' },
      { name: 'Light of Hope Charitable Society', kind: 'fka' },
    ]);
    expect(listing.addresses[0]?.postalCode).toBe('34425');
    expect(listing.datesOfBirth).toEqual([]);
    expect(listing.identifiers).toEqual([
      { type: 'UN reference number', value: 'QDe.219', country: null },
    ]);
  });

  it('folds multi-line comments and joins several titles', () => {
    const listing = findListing(result, 'un-6909104');
    expect(listing.remarks).toBe(
      'Believed to be in the Afghanistan/Pakistan border area. Member of the Taliban leadership council.',
    );
    expect(listing.title).toBe('Maulavi; Mullah');
    expect(findListing(result, 'un-6909105').remarks).toBeNull();
  });
});

describe('readUnXml on a broken file', () => {
  const fixture = readFileSync(FIXTURE, 'utf8');

  it('names the file and the record where the XML breaks off', () => {
    const cut = fixture.slice(0, fixture.indexOf('<DATAID>6909103</DATAID>') + 40);
    const error = catchFormatError(readFromText(cut));
    expect(error.file).toBe(FILE_ID);
    expect(error.row).toBe(3);
    expect(error.message).toMatch(/^un\/consolidated\.xml, row 3: malformed XML: .*truncated/);
  });

  it('rejects mismatched tags, which the parser alone would forgive', () => {
    const broken = fixture.replace('<CITY>Goma</CITY>', '<CITY>Goma</TOWN>');
    expect(catchFormatError(readFromText(broken)).message).toMatch(
      /row 1: malformed XML at line 31, column \d+: Expected closing tag 'CITY'/,
    );
  });

  it('names the missing root element', () => {
    const error = catchFormatError(
      readFromText('<?xml version="1.0"?><SANCTIONS_LIST><INDIVIDUALS/></SANCTIONS_LIST>'),
    );
    expect(error.field).toBe('CONSOLIDATED_LIST');
    expect(error.message).toContain('missing root element <CONSOLIDATED_LIST>');
  });

  it('names the record and field that do not fit the schema', () => {
    const broken = fixture.replace('<DATAID>6909202</DATAID>', '');
    const error = catchFormatError(readFromText(broken));
    expect(error.row).toBe(7);
    expect(error.field).toBe('DATAID');
  });

  it('rejects bytes that are not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(fixture.slice(0, 200)), Buffer.from([0xff, 0xfe])]);
    expect(() => readUnXml({ id: FILE_ID, bytes })).toThrow(/not valid UTF-8/);
  });
});

describe('readUnXml on the real Consolidated List', () => {
  const bytes = readRealBytes();
  const result = readUnXml({ id: FILE_ID, bytes });
  const individuals = result.listings.filter((listing) => listing.type === 'individual');
  const entities = result.listings.filter((listing) => listing.type === 'entity');

  it('writes 730 individuals and 273 entities, one row each', () => {
    expect(individuals).toHaveLength(730);
    expect(entities).toHaveLength(273);
    expect(result.rows).toHaveLength(1003);
    expect(result.rows.every((row) => row.outcome.kind === 'written')).toBe(true);
    expect(result.rows.map((row) => row.row)).toEqual(
      Array.from({ length: 1003 }, (_, i) => i + 1),
    );
  });

  it('is dated 2026-02-27 and its newest listing is 2026-02-24', () => {
    expect(result.asOf).toBe('2026-02-27');
    const newest = result.listings
      .map(listedDate)
      .reduce((a, b) => ((b ?? '') > (a ?? '') ? b : a));
    expect(newest).toBe('2026-02-24');
  });

  it('keeps the aliases the README counts: 2,139 + 613 non-empty', () => {
    const xml = bytes.toString('utf8');
    const [individualPart = '', entityPart = ''] = xml.split('<ENTITIES>');
    const countNonEmpty = (part: string) =>
      part.match(/<ALIAS_NAME>[^<]*\S[^<]*<\/ALIAS_NAME>/g)?.length ?? 0;
    expect(countNonEmpty(individualPart)).toBe(2139);
    expect(countNonEmpty(entityPart)).toBe(613);
    const countAliases = (listings: SourceListing[]) =>
      listings.reduce((sum, listing) => sum + listing.aliases.length, 0);
    // 2,139 − 10 exact repeats (same name, same quality) + 336 original-script names.
    expect(countAliases(individuals)).toBe(2465);
    // 613 + 41 original-script names (a 42nd equals the entity's own name and is not an alias).
    expect(countAliases(entities)).toBe(654);
    const kinds = result.listings.flatMap((listing) => listing.aliases.map((alias) => alias.kind));
    expect(kinds.filter((kind) => kind === 'fka')).toHaveLength(19);
  });

  it('warns only about the two nationalities that are not countries', () => {
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'not a country: "former Soviet Union"',
      'not a country: "na"',
    ]);
  });

  it('reads every LISTED_ON, including the ones with a time zone', () => {
    expect(result.listings.filter((listing) => listedDate(listing) === null)).toEqual([]);
  });

  it('produces only listings that satisfy the output contract', () => {
    for (const listing of result.listings)
      expect(() => sourceListingSchema.parse(listing)).not.toThrow();
  });
});
