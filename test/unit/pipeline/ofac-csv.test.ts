import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { SourceListing } from '../../../src/domain/listing';
import { sourceListingSchema } from '../../../src/domain/listing-schema';
import {
  assignConsolidatedLists,
  detectOfacFile,
  normalizeBirthDate,
  readOfacCsvSet,
  readRemarkFacts,
  splitPrograms,
  type OfacCsvSet,
  type OfacFileRole,
} from '../../../src/pipeline/adapters/ofac-csv';
import { SourceFormatError, type AdapterResult, type RowRecord } from '../../../src/pipeline/types';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/ofac');
const REAL_DATA = path.resolve(import.meta.dirname, '../../../../shared/data');

const SDN_FILES: Record<OfacFileRole, string> = {
  primary: 'sdn/sdn.csv',
  addresses: 'sdn/add.csv',
  aliases: 'sdn/alt.csv',
  comments: 'sdn/sdn_comments.csv',
};
const CONS_FILES: Record<OfacFileRole, string> = {
  primary: 'cons/cons_prim.csv',
  addresses: 'cons/cons_add.csv',
  aliases: 'cons/cons_alt.csv',
  comments: 'cons/cons_comments.csv',
};

function readFixture(id: string): { id: string; bytes: Uint8Array } {
  return { id, bytes: readFileSync(path.join(FIXTURES, id)) };
}

function fixtureSet(names: Record<OfacFileRole, string>): OfacCsvSet {
  return {
    primary: readFixture(names.primary),
    addresses: readFixture(names.addresses),
    aliases: readFixture(names.aliases),
    comments: readFixture(names.comments),
  };
}

/** Real files are read where they lie; a missing one fails the test and says where we looked. */
function readReal(relative: string): { id: string; bytes: Uint8Array } {
  const absolute = path.join(REAL_DATA, relative);
  if (!existsSync(absolute)) throw new Error(`real data file missing: looked for ${absolute}`);
  return { id: relative, bytes: readFileSync(absolute) };
}

function byId(result: AdapterResult, id: string): SourceListing {
  const listing = result.listings.find((candidate) => candidate.id === id);
  if (!listing) throw new Error(`no listing ${id}`);
  return listing;
}

function outcomeOf(result: AdapterResult, file: string, row: number): RowRecord['outcome'] {
  const record = result.rows.find((candidate) => candidate.file === file && candidate.row === row);
  if (!record) throw new Error(`no row record for ${file}#${row}`);
  return record.outcome;
}

/** Exactly one record per data row of every file, numbered 1..n. */
function expectEveryRowAccounted(result: AdapterResult): void {
  expect(result.rows).toHaveLength(Object.values(result.rowCounts).reduce((sum, n) => sum + n, 0));
  for (const [file, count] of Object.entries(result.rowCounts)) {
    const rows = result.rows.filter((record) => record.file === file).map((record) => record.row);
    expect(rows).toEqual(Array.from({ length: count }, (_, index) => index + 1));
  }
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function outcomeKey(record: RowRecord): string {
  const { outcome } = record;
  if (outcome.kind === 'merged') return `${record.file} merged ${outcome.what}`;
  return `${record.file} ${outcome.kind}`;
}

function withBytes(file: { id: string; bytes: Uint8Array }, edit: (text: string) => string) {
  return {
    id: file.id,
    bytes: Buffer.from(edit(Buffer.from(file.bytes).toString('latin1')), 'latin1'),
  };
}

describe('the fixtures are in OFAC’s legacy format', () => {
  const all = [...Object.values(SDN_FILES), ...Object.values(CONS_FILES)];

  it.each(all)('%s: CRLF only, ASCII, no header, unquoted -0- nulls', (id) => {
    const text = Buffer.from(readFixture(id).bytes).toString('latin1');
    expect(text).toMatch(/\r\n/);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect([...text].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
    expect(text).toMatch(/^\d+,/);
    expect(text).not.toMatch(/"-0-/);
  });

  it('ends every file with Ctrl-Z except sdn_comments.csv, as OFAC does', () => {
    const endsWithCtrlZ = all.filter((id) => readFixture(id).bytes.at(-1) === 0x1a);
    expect(endsWithCtrlZ.sort()).toEqual(all.filter((id) => id !== SDN_FILES.comments).sort());
  });
});

describe('readOfacCsvSet on the SDN fixture', () => {
  const result = readOfacCsvSet(fixtureSet(SDN_FILES), 'sdn');

  it('counts rows per file and accounts for every one', () => {
    expect(result.rowCounts).toEqual({
      'sdn/sdn.csv': 14,
      'sdn/add.csv': 16,
      'sdn/alt.csv': 8,
      'sdn/sdn_comments.csv': 1,
    });
    expectEveryRowAccounted(result);
    expect(countBy(result.rows, outcomeKey)).toEqual({
      'sdn/sdn.csv written': 14,
      'sdn/add.csv merged address': 12,
      'sdn/add.csv merged empty address': 3,
      'sdn/add.csv rejected': 1,
      'sdn/alt.csv merged alias': 8,
      'sdn/sdn_comments.csv merged remarks continuation': 1,
    });
  });

  it('rejects the orphan address row and names its ent_num', () => {
    expect(outcomeOf(result, 'sdn/add.csv', 16)).toEqual({
      kind: 'rejected',
      reason: 'ent_num 88001 is not in the primary file',
    });
    expect(outcomeOf(result, 'sdn/add.csv', 2)).toEqual({
      kind: 'merged',
      into: 'sdn-4511',
      what: 'empty address',
    });
  });

  it('puts every entry on the SDN list with a valid listing', () => {
    expect(result.lists).toEqual(['SDN']);
    expect(result.sourceName).toBe('ofac-sdn');
    expect(result.complete).toBe(true);
    expect(result.listings.map((listing) => listing.id)).toEqual([
      'sdn-2674',
      'sdn-4511',
      'sdn-9112',
      'sdn-9113',
      'sdn-15788',
      'sdn-15790',
      'sdn-21345',
      'sdn-24101',
      'sdn-24102',
      'sdn-27810',
      'sdn-27811',
      'sdn-30112',
      'sdn-30500',
      'sdn-31200',
    ]);
    for (const listing of result.listings)
      expect(() => sourceListingSchema.parse(listing)).not.toThrow();
    expect(countBy(result.listings, (listing) => listing.type ?? 'null')).toEqual({
      entity: 7,
      individual: 4,
      vessel: 2,
      aircraft: 1,
    });
  });

  it('has no date to give: asOf is null and says why', () => {
    expect(result.asOf).toBeNull();
    expect(result.asOfBasis).toMatch(/no date/);
  });

  it('reads an individual’s facts out of Remarks', () => {
    const khalidi = byId(result, 'sdn-9112');
    expect(khalidi).toMatchObject({
      type: 'individual',
      title: 'Finance Director',
      programs: ['SDGT'],
      datesOfBirth: ['1968-03-04', '1969'],
      placesOfBirth: ['Tripoli, Lebanon'],
      nationalities: ['LB', 'SY'],
      citizenships: ['LB'],
      source: { file: 'sdn/sdn.csv', row: 3, format: 'ofac-csv' },
    });
    expect(khalidi.identifiers).toEqual([
      { type: 'Gender', value: 'Male', country: null },
      { type: 'Passport', value: 'RL0456123', country: 'LB' },
      { type: 'National ID No.', value: '000781234', country: 'LB' },
    ]);
    expect(khalidi.aliases).toEqual([
      { name: 'ABU SAMI', kind: 'weak' },
      { name: 'AL-KHALIDI, Samir', kind: 'aka' },
      { name: 'KHALEDI, Samir Youssef', kind: 'aka' },
    ]);
    expect(khalidi.addresses).toEqual([
      {
        text: 'Beirut, Lebanon',
        street: null,
        city: 'Beirut',
        region: null,
        postalCode: null,
        country: 'LB',
      },
    ]);
    expect(khalidi.remarks).toMatch(
      /^DOB 04 Mar 1968; .*Linked To: AL-NUR CHARITABLE FOUNDATION\.$/,
    );
  });

  it('keeps vessel details and turns an f.k.a. in Remarks into a weak alias', () => {
    const vessel = byId(result, 'sdn-4511');
    expect(vessel.vessel).toEqual({
      callSign: 'CLXY7',
      vesselType: 'General Cargo',
      tonnage: '2915',
      grossRegisteredTonnage: '1120',
      flag: 'Cuba',
      owner: 'Naviera Estrella del Caribe S.A.',
    });
    expect(vessel.aliases).toEqual([{ name: 'LUCERO II', kind: 'weak' }]);
    expect(vessel.addresses).toEqual([]);
    const tanker = byId(result, 'sdn-24102');
    expect(tanker.vessel).toMatchObject({ tonnage: null, flag: 'Korea, North' });
    expect(tanker.identifiers).toEqual([
      { type: 'Vessel Registration Identification', value: 'IMO 8801234', country: null },
      { type: 'MMSI', value: '445123000', country: null },
    ]);
  });

  it('reads an aircraft with several programs and no vessel block', () => {
    const aircraft = byId(result, 'sdn-15790');
    expect(aircraft.type).toBe('aircraft');
    expect(aircraft.programs).toEqual(['IRGC', 'SDGT', 'IFSR']);
    expect(aircraft.vessel).toBeNull();
    expect(aircraft.identifiers).toContainEqual({
      type: "Aircraft Manufacturer's Serial Number (MSN)",
      value: '702',
      country: null,
    });
  });

  it('turns an all-null entry into an entity with null fields', () => {
    expect(byId(result, 'sdn-2674')).toMatchObject({
      type: 'entity',
      remarks: null,
      title: null,
      vessel: null,
      aliases: [{ name: 'CARIBMAR', kind: 'aka' }],
      addresses: [
        { country: 'PA', street: 'Calle 50, Edificio Torre del Mar, Piso 7', city: 'Panama City' },
      ],
    });
  });

  it('joins a 1,000-character Remarks with its continuation and reads facts past the cut', () => {
    const primaryRemarks = /"([^"]{1000})"\r\n/.exec(
      Buffer.from(readFixture(SDN_FILES.primary).bytes).toString('latin1'),
    )?.[1];
    expect(primaryRemarks).toHaveLength(1000);
    const listing = byId(result, 'sdn-21345');
    expect(listing.remarks?.startsWith(primaryRemarks!)).toBe(true);
    expect(listing.remarks?.length).toBeGreaterThan(1000);
    expect(listing.remarks).toMatch(
      /; Legal Entity Number 2534009NORDFLOT00071; Linked To: VOLKOV/,
    );
    expect(listing.identifiers).toContainEqual({
      type: 'Legal Entity Number',
      value: '2534009NORDFLOT00071',
      country: null,
    });
    expect(outcomeOf(result, 'sdn/sdn_comments.csv', 1)).toEqual({
      kind: 'merged',
      into: 'sdn-21345',
      what: 'remarks continuation',
    });
  });

  it('reads month-only DOBs, currency addresses and drops passport issue dates from the value', () => {
    const volkov = byId(result, 'sdn-31200');
    expect(volkov.datesOfBirth).toEqual(['1985-11']);
    expect(volkov.identifiers).toContainEqual({
      type: 'Digital Currency Address - XBT',
      value: '1FzWLkAahHooV3kzTgyx6qsswXJ6sCXkSR',
      country: null,
    });
    expect(volkov.identifiers).toContainEqual({
      type: 'Passport',
      value: '7512345678',
      country: 'RU',
    });
  });

  it('maps OFAC country names and keeps a nka alias', () => {
    const holding = byId(result, 'sdn-30112');
    expect(holding.addresses[0]?.country).toBe('BS');
    expect(holding.aliases).toEqual([{ name: 'SCH GLOBAL LTD.', kind: 'nka' }]);
    expect(byId(result, 'sdn-24101').addresses[0]?.country).toBe('KP');
    expect(byId(result, 'sdn-30500').datesOfBirth).toEqual(['1980 to 1982']);
  });

  it('warns about a country it cannot read, keeping the address text', () => {
    expect(result.warnings).toEqual([
      {
        file: 'sdn/add.csv',
        row: 14,
        field: 'Country',
        message: '"Region: Kafia Kingi" is not a country we recognise',
      },
    ]);
    expect(byId(result, 'sdn-30500').addresses).toEqual([
      {
        text: 'Region: Kafia Kingi',
        street: null,
        city: null,
        region: null,
        postalCode: null,
        country: null,
      },
    ]);
  });
});

describe('readOfacCsvSet on the Consolidated (non-SDN) fixture', () => {
  const result = readOfacCsvSet(fixtureSet(CONS_FILES), 'cons');

  it('assigns each entry to its non-SDN list(s)', () => {
    expect(result.sourceName).toBe('ofac-cons');
    expect(result.lists).toEqual(['SSI', 'PLC', 'CMIC', 'CAP', 'MBS', 'FSE']);
    expect(result.listings.map((listing) => listing.id)).toEqual([
      'plc-9701',
      'plc-9702',
      'plc-9703',
      'cap-15301',
      'ssi-17301',
      'ssi-17302',
      'mbs-17302',
      'ssi-17303',
      'cap-17303',
      'ssi-17304',
      'fse-23401',
      'mbs-27101',
      'cmic-30920',
      'mbs-31701',
      'cmic-32861',
      'cmic-32862',
      'mbs-46101',
      'mbs-50301',
    ]);
    for (const listing of result.listings)
      expect(() => sourceListingSchema.parse(listing)).not.toThrow();
    expect(result.warnings).toEqual([]);
  });

  it('accounts for every row, rejecting the orphan alias and comment rows', () => {
    expectEveryRowAccounted(result);
    expect(countBy(result.rows, outcomeKey)).toEqual({
      'cons/cons_prim.csv written': 16,
      'cons/cons_add.csv merged address': 17,
      'cons/cons_add.csv merged empty address': 1,
      'cons/cons_alt.csv merged alias': 13,
      'cons/cons_alt.csv rejected': 1,
      'cons/cons_comments.csv merged remarks continuation': 2,
      'cons/cons_comments.csv rejected': 1,
    });
    expect(outcomeOf(result, 'cons/cons_alt.csv', 14)).toEqual({
      kind: 'rejected',
      reason: 'ent_num 88002 is not in the primary file',
    });
    expect(outcomeOf(result, 'cons/cons_comments.csv', 3)).toEqual({
      kind: 'rejected',
      reason: 'ent_num 88003 is not in the primary file',
    });
  });

  it('dates the data by the newest CMIC Listing Date', () => {
    expect(result.asOf).toBe('2021-12-16');
    expect(result.asOfBasis).toMatch(/Listing Date \(CMIC\)/);
  });

  it('reads the CMIC listing, effective and divestment dates of DJI', () => {
    const dji = byId(result, 'cmic-32861');
    expect(dji).toMatchObject({
      name: 'SZ DJI TECHNOLOGY CO., LTD.',
      type: 'entity',
      programs: ['CMIC-EO13959'],
    });
    expect(dji.events).toEqual([
      { kind: 'divestment', date: '2022-12-16', citation: null, from: 'Remarks' },
      { kind: 'effective', date: '2022-02-14', citation: null, from: 'Remarks' },
      { kind: 'listed', date: '2021-12-16', citation: null, from: 'Remarks' },
    ]);
    expect(dji.identifiers).toContainEqual({
      type: 'Unified Social Credit Code (USCC)',
      value: '914403007954257495',
      country: 'CN',
    });
    expect(dji.identifiers).toContainEqual({
      type: 'Website',
      value: 'www.dji.com',
      country: null,
    });
    expect(dji.aliases.map((alias) => alias.name)).toEqual([
      'DJI',
      'DA-JIANG INNOVATIONS SCIENCE AND TECHNOLOGY CO., LTD.',
    ]);
    expect(dji.addresses[0]).toMatchObject({ city: 'Shenzhen, Guangdong', country: 'CN' });
  });

  it('reads a CMIC date closing the Remarks with a full stop (MEGVII)', () => {
    const megvii = byId(result, 'cmic-32862');
    expect(megvii.events.map((event) => `${event.kind} ${event.date}`)).toEqual([
      'listed 2021-12-16',
      'effective 2022-02-14',
      'divestment 2022-12-16',
    ]);
  });

  it('gives Dawning its weak alias SUGON and its 2021 listing', () => {
    const dawning = byId(result, 'cmic-30920');
    expect(dawning.aliases).toContainEqual({ name: 'SUGON', kind: 'weak' });
    expect(dawning.events).toContainEqual({
      kind: 'listed',
      date: '2021-06-03',
      citation: null,
      from: 'Remarks',
    });
    expect(dawning.identifiers).toContainEqual({
      type: 'ISIN',
      value: 'CNE1000032Y1',
      country: null,
    });
  });

  it('writes an entry on two lists as two listings sharing its addresses and aliases', () => {
    expect(outcomeOf(result, 'cons/cons_prim.csv', 6)).toEqual({
      kind: 'written',
      listingIds: ['ssi-17302', 'mbs-17302'],
    });
    const ssi = byId(result, 'ssi-17302');
    const mbs = byId(result, 'mbs-17302');
    expect([ssi.list, mbs.list]).toEqual(['SSI', 'MBS']);
    expect(mbs.addresses).toEqual(ssi.addresses);
    expect(mbs.aliases).toEqual(ssi.aliases);
    expect(mbs.addresses).not.toBe(ssi.addresses);
    expect(ssi.addresses).toHaveLength(1);
    // The cut fell right after a space inside the weak alias: joining without trimming keeps it whole.
    expect(ssi.aliases).toEqual([
      { name: 'VOLGA AGROBANK', kind: 'weak' },
      { name: 'VOLGA AGRICULTURAL BANK', kind: 'aka' },
      { name: 'AO VOLGA AGROBANK', kind: 'aka' },
    ]);
    // The Directive 3 dates belong to the NS-MBS listing only.
    expect(mbs.events.map((event) => `${event.kind} ${event.date}`)).toEqual([
      'listed 2022-02-24',
      'effective 2022-03-26',
    ]);
    expect(ssi.events).toEqual([]);
    expect(outcomeOf(result, 'cons/cons_alt.csv', 5)).toMatchObject({
      kind: 'merged',
      into: 'ssi-17302',
    });
  });

  it('puts a CAPTA Directive 2 entry on SSI and CAP, and dates only the CAP listing', () => {
    expect(byId(result, 'ssi-17303').events).toEqual([]);
    expect(byId(result, 'cap-17303').events.map((event) => event.kind)).toEqual([
      'listed',
      'effective',
    ]);
  });

  it('reads the other non-SDN lists from their marks', () => {
    expect(byId(result, 'cap-15301').aliases).toEqual([
      { name: 'DUSHANZI URBAN CREDIT COOPERATIVE', kind: 'fka' },
    ]);
    expect(byId(result, 'fse-23401').nationalities).toEqual(['IR']);
    expect(byId(result, 'mbs-31701').events[0]).toMatchObject({
      kind: 'listed',
      date: '2022-02-22',
    });
    expect(byId(result, 'mbs-46101').events[0]).toMatchObject({
      kind: 'listed',
      date: '2023-10-31',
    });
    expect(byId(result, 'mbs-27101').aliases).toContainEqual({ name: 'DDP', kind: 'weak' });
    expect(byId(result, 'mbs-50301')).toMatchObject({
      type: 'individual',
      datesOfBirth: ['1963-05-09'],
    });
  });

  it('reads PLC members, including a Palestinian address and an SDGT co-program', () => {
    expect(byId(result, 'plc-9701').addresses[0]).toMatchObject({ city: 'Gaza', country: 'PS' });
    expect(byId(result, 'plc-9702')).toMatchObject({
      programs: ['SDGT', 'NS-PLC'],
      nationalities: ['PS'],
      addresses: [],
      aliases: [
        { name: 'SALAMA, Fathi', kind: 'weak' },
        { name: 'SALAMEH, Fathi Abdul Rahman', kind: 'aka' },
      ],
    });
  });
});

describe('readOfacCsvSet edge cases', () => {
  const sdn = fixtureSet(SDN_FILES);

  it('reads a file without the trailing Ctrl-Z, and LF line ends, the same way', () => {
    const expected = readOfacCsvSet(sdn, 'sdn');
    const withoutCtrlZ = withBytes(sdn.primary, (text) =>
      text.slice(0, text.lastIndexOf('\u001a')),
    );
    expect(readOfacCsvSet({ ...sdn, primary: withoutCtrlZ }, 'sdn').listings).toEqual(
      expected.listings,
    );
    const lf = withBytes(sdn.primary, (text) => text.replace(/\r\n/g, '\n'));
    expect(readOfacCsvSet({ ...sdn, primary: lf }, 'sdn').listings).toEqual(expected.listings);
  });

  it('marks a primary-only set incomplete and warns about the cut Remarks it cannot finish', () => {
    const result = readOfacCsvSet({ primary: sdn.primary }, 'sdn');
    expect(result.complete).toBe(false);
    expect(result.files).toEqual(['sdn/sdn.csv']);
    expect(result.rows).toHaveLength(14);
    expect(byId(result, 'sdn-21345').remarks).toHaveLength(1000);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        file: 'sdn/sdn.csv',
        row: 7,
        field: 'Remarks',
        message:
          'Remarks is exactly 1000 characters, so probably cut; no comments file was given to hold its continuation',
      }),
    ]);
  });

  it('throws SourceFormatError naming file, row and field for a short primary row', () => {
    const broken = withBytes(sdn.primary, (text) => {
      const lines = text.split('\r\n');
      lines[2] = lines[2]!.replace(/,"[^"]*"$/, '');
      return lines.join('\r\n');
    });
    const error = captureError(() => readOfacCsvSet({ ...sdn, primary: broken }, 'sdn'));
    expect(error).toBeInstanceOf(SourceFormatError);
    expect(error).toMatchObject({ file: 'sdn/sdn.csv', row: 3, field: 'Remarks' });
    expect((error as SourceFormatError).problem).toBe(
      'expected 12 columns (primary file), found 11',
    );
  });

  it('throws for an extra column in an address row', () => {
    const broken = withBytes(sdn.addresses!, (text) =>
      text.replace('\r\n9112,103,', '\r\n9112,103,-0- ,'),
    );
    const error = captureError(() => readOfacCsvSet({ ...sdn, addresses: broken }, 'sdn'));
    expect(error).toMatchObject({
      file: 'sdn/add.csv',
      row: 3,
      problem: 'expected 6 columns (addresses file), found 7',
    });
  });

  it('throws for an ent_num that is not a number', () => {
    const broken = withBytes(sdn.aliases!, (text) => text.replace(/^2674,/, 'X2674,'));
    const error = captureError(() => readOfacCsvSet({ ...sdn, aliases: broken }, 'sdn'));
    expect(error).toMatchObject({ file: 'sdn/alt.csv', row: 1, field: 'ent_num' });
  });

  it('rejects an entry of unknown type and, with it, its companion rows', () => {
    const odd = withBytes(sdn.primary, (text) =>
      text.replace('"KHALIDI, Samir Yusuf","individual"', '"KHALIDI, Samir Yusuf","spaceship"'),
    );
    const result = readOfacCsvSet({ ...sdn, primary: odd }, 'sdn');
    expect(outcomeOf(result, 'sdn/sdn.csv', 3)).toEqual({
      kind: 'rejected',
      reason: 'unknown SDN_Type "spaceship"',
    });
    expect(outcomeOf(result, 'sdn/add.csv', 3)).toEqual({
      kind: 'rejected',
      reason: 'its entry 9112 was rejected',
    });
    expect(result.listings.some((listing) => listing.sourceId === '9112')).toBe(false);
    expectEveryRowAccounted(result);
  });

  it('places an entry with no list mark on NS-MBS by elimination, with a warning', () => {
    const primary = {
      id: 'cons_prim.csv',
      bytes: Buffer.from(
        '501,"SAMPLE HOLDING",-0- ,"NEWPROGRAM-EO99999",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a',
        'latin1',
      ),
    };
    const result = readOfacCsvSet({ primary }, 'cons');
    expect(result.listings.map((listing) => listing.id)).toEqual(['mbs-501']);
    expect(result.warnings).toEqual([
      expect.objectContaining({ file: 'cons_prim.csv', row: 1, field: 'Program' }),
    ]);
  });
});

/** Build once, on first use inside a test, so a missing real file fails each test that needs it. */
function once<T>(build: () => T): () => T {
  let value: { built: T } | null = null;
  return () => (value ??= { built: build() }).built;
}

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('assignConsolidatedLists', () => {
  it.each([
    [['NS-PLC'], null, ['PLC']],
    [['SDGT', 'NS-PLC'], 'DOB 1961.', ['PLC']],
    [['CMIC-EO13959'], null, ['CMIC']],
    [['FSE-SY', 'SYRIA'], null, ['FSE']],
    [['561-Related'], null, ['CAP']],
    [['CAATSA - RUSSIA'], null, ['MBS']],
    [
      ['UKRAINE-EO13662'],
      'Executive Order 13662 Directive Determination - Subject to Directive 1.',
      ['SSI'],
    ],
    // RUSSIA-EO14024 beside UKRAINE-EO13662 is the party's SDN program, not a menu-based listing.
    [
      ['UKRAINE-EO13662', 'RUSSIA-EO14024'],
      'Executive Order 13662 Directive Determination - Subject to Directive 1.',
      ['SSI'],
    ],
    [
      ['UKRAINE-EO13662', 'RUSSIA-EO14024'],
      'Listing Date (EO 14024 Directive 3): 24 Feb 2022.',
      ['SSI', 'MBS'],
    ],
    [
      ['UKRAINE-EO13662', 'RUSSIA-EO14024'],
      'Listing Date (EO 14024 Directive 2): 24 Feb 2022.',
      ['SSI', 'CAP'],
    ],
    [['RUSSIA-EO14024'], 'Listing Date (EO 14024 Directive 1a): 22 Feb 2022.', ['MBS']],
    [['BURMA-EO14014'], 'Listing Date (EO 14014 Directive 1): 31 Oct 2023.', ['MBS']],
  ] as const)('%j with %j → %j', (programs, remarks, lists) => {
    expect(assignConsolidatedLists(programs, remarks)).toEqual({ lists, byElimination: false });
  });

  it('falls back to NS-MBS and says so', () => {
    expect(assignConsolidatedLists(['RUSSIA-EO14024'], null)).toEqual({
      lists: ['MBS'],
      byElimination: true,
    });
  });
});

describe('field readers', () => {
  it('splits programs on "] [" and strips outer brackets', () => {
    expect(splitPrograms('SDGT] [NS-PLC')).toEqual(['SDGT', 'NS-PLC']);
    expect(splitPrograms('[IRGC] [SDGT] [IFSR]')).toEqual(['IRGC', 'SDGT', 'IFSR']);
    expect(splitPrograms('CUBA')).toEqual(['CUBA']);
    expect(splitPrograms(null)).toEqual([]);
  });

  it('normalises dates inside DOB facts, leaving impossible ones as written', () => {
    expect(
      [
        '25 Jan 1947',
        'Nov 1950',
        'circa 12 Jul 1970',
        '01 Jan 1950 to 31 Dec 1950',
        'circa 1946',
        '31 Feb 1960',
      ].map(normalizeBirthDate),
    ).toEqual([
      '1947-01-25',
      '1950-11',
      'circa 1970-07-12',
      '1950-01-01 to 1950-12-31',
      'circa 1946',
      '31 Feb 1960',
    ]);
  });

  it('reports a nationality that is not a country and an unreadable CMIC date as problems', () => {
    const facts = readRemarkFacts(
      'nationality possibly Atlantis; Listing Date (CMIC) sometime in 2021; citizen Burma.',
    );
    expect(facts.citizenships).toEqual(['MM']);
    expect(facts.nationalities).toEqual([]);
    expect(facts.events).toEqual([]);
    expect(facts.problems.map((problem) => problem.message)).toEqual([
      'nationality "possibly Atlantis" is not a country we recognise',
      '"sometime in 2021" is not a date',
    ]);
  });

  it('keeps a bracket that is part of an ID number in the value', () => {
    expect(readRemarkFacts('National ID No. K357514(4) (Hong Kong).').identifiers).toEqual([
      { type: 'National ID No.', value: 'K357514(4)', country: 'HK' },
    ]);
  });
});

describe('detectOfacFile', () => {
  it.each([
    [SDN_FILES.primary, 'primary'],
    [SDN_FILES.addresses, 'addresses'],
    [SDN_FILES.aliases, 'aliases'],
    [SDN_FILES.comments, 'comments'],
    [CONS_FILES.primary, 'primary'],
    [CONS_FILES.addresses, 'addresses'],
    [CONS_FILES.aliases, 'aliases'],
    [CONS_FILES.comments, 'comments'],
  ] as const)('recognises %s as %s', (id, role) => {
    expect(detectOfacFile(readFixture(id).bytes)).toBe(role);
  });

  it.each([
    ['empty', ''],
    ['only Ctrl-Z', '\x1a'],
    [
      'a header row',
      'ent_num,SDN_Name,SDN_Type,Program,Title,Call_Sign,Vess_type,Tonnage,GRT,Vess_flag,Vess_owner,Remarks\r\n',
    ],
    ['a CSL-style file', '_id,source,entity_number,type,programs,name\n1,x,1,Entity,SDGT,Y\n'],
    ['a 5-column file whose type is not aka/fka/nka', '1,2,"alias","NAME",-0- \r\n'],
  ])('returns null for %s', (_, text) => {
    expect(detectOfacFile(Buffer.from(text, 'latin1'))).toBeNull();
  });
});

describe('real OFAC files, read in place', () => {
  it.each([
    ['ofac/sdn-2021-07/sdn.csv', 'primary'],
    ['ofac/sdn-2021-07/add.csv', 'addresses'],
    ['ofac/sdn-2021-07/alt.csv', 'aliases'],
    ['ofac/sdn-2021-07/sdn_comments.csv', 'comments'],
    ['ofac/sdn-2024-05/sdn.csv', 'primary'],
    ['ofac/consolidated-2025-12/cons_prim.csv', 'primary'],
    ['ofac/consolidated-2025-12/cons_add.csv', 'addresses'],
    ['ofac/consolidated-2025-12/cons_alt.csv', 'aliases'],
    ['ofac/consolidated-2025-12/cons_comments.csv', 'comments'],
    ['csl/consolidated.csv', null],
  ] as const)('detectOfacFile recognises %s as %s', (relative, role) => {
    expect(detectOfacFile(readReal(relative).bytes)).toBe(role);
  });

  describe('sdn-2021-07 (complete four-file set)', () => {
    const load = once(() =>
      readOfacCsvSet(
        {
          primary: readReal('ofac/sdn-2021-07/sdn.csv'),
          addresses: readReal('ofac/sdn-2021-07/add.csv'),
          aliases: readReal('ofac/sdn-2021-07/alt.csv'),
          comments: readReal('ofac/sdn-2021-07/sdn_comments.csv'),
        },
        'sdn',
      ),
    );

    it('gives 8,976 SDN listings with the README’s type counts, all valid', () => {
      const result = load();
      expect(result.listings).toHaveLength(8976);
      expect(result.lists).toEqual(['SDN']);
      expect(result.complete).toBe(true);
      expect(countBy(result.listings, (listing) => listing.type ?? 'null')).toEqual({
        individual: 4620,
        entity: 3673,
        vessel: 406,
        aircraft: 277,
      });
      for (const listing of result.listings) sourceListingSchema.parse(listing);
    }, 60_000);

    it('accounts for 13,837 address, 11,910 alias and 5 comment rows, none rejected', () => {
      const result = load();
      expect(result.rowCounts).toEqual({
        'ofac/sdn-2021-07/sdn.csv': 8976,
        'ofac/sdn-2021-07/add.csv': 13837,
        'ofac/sdn-2021-07/alt.csv': 11910,
        'ofac/sdn-2021-07/sdn_comments.csv': 5,
      });
      expectEveryRowAccounted(result);
      expect(result.rows.filter((record) => record.outcome.kind === 'rejected')).toEqual([]);
      const aliases = result.listings
        .flatMap((listing) => listing.aliases)
        .filter((alias) => alias.kind !== 'weak');
      // The README counts rows (aka 11,523); two aka rows repeat a name their entry already has,
      // and a listing carries each (name, kind) once.
      expect(countBy(aliases, (alias) => alias.kind)).toEqual({ aka: 11521, fka: 369, nka: 18 });
      expect(
        result.listings.filter((listing) => listing.aliases.some((alias) => alias.kind !== 'weak')),
      ).toHaveLength(4139);
    }, 60_000);

    it('programs: 67 distinct', () => {
      const result = load();
      expect(new Set(result.listings.flatMap((listing) => listing.programs)).size).toBe(67);
    }, 60_000);
  });

  describe('consolidated-2025-12 (non-SDN lists)', () => {
    const load = once(() => {
      const result = readOfacCsvSet(
        {
          primary: readReal('ofac/consolidated-2025-12/cons_prim.csv'),
          addresses: readReal('ofac/consolidated-2025-12/cons_add.csv'),
          aliases: readReal('ofac/consolidated-2025-12/cons_alt.csv'),
          comments: readReal('ofac/consolidated-2025-12/cons_comments.csv'),
        },
        'cons',
      );
      // One listing per entry (its first list), for per-entry counts.
      const entries = result.listings.filter(
        (listing, index, all) =>
          all.findIndex((other) => other.sourceId === listing.sourceId) === index,
      );
      return { result, entries };
    });

    it('writes all 442 entries with the README’s type and program counts', () => {
      const { result, entries } = load();
      expect(entries).toHaveLength(442);
      expect(result.rows.filter((record) => record.outcome.kind === 'written')).toHaveLength(442);
      expect(countBy(entries, (listing) => listing.type ?? 'null')).toEqual({
        entity: 363,
        individual: 79,
      });
      const programs = countBy(
        entries.flatMap((listing) => listing.programs),
        (program) => program,
      );
      expect(programs).toMatchObject({
        'UKRAINE-EO13662': 286,
        'RUSSIA-EO14024': 93,
        'NS-PLC': 78,
        'CMIC-EO13959': 68,
      });
      expect(Object.keys(programs)).toHaveLength(4 + 7);
      for (const listing of result.listings) sourceListingSchema.parse(listing);
    }, 60_000);

    it('accounts for 574 addresses, 1,073 aliases (aka 932, fka 141) on 395 entries and 10 comments', () => {
      const { result, entries } = load();
      expect(result.rowCounts).toEqual({
        'ofac/consolidated-2025-12/cons_prim.csv': 442,
        'ofac/consolidated-2025-12/cons_add.csv': 574,
        'ofac/consolidated-2025-12/cons_alt.csv': 1073,
        'ofac/consolidated-2025-12/cons_comments.csv': 10,
      });
      expectEveryRowAccounted(result);
      expect(result.rows.filter((record) => record.outcome.kind === 'rejected')).toEqual([]);
      const aliases = entries
        .flatMap((listing) => listing.aliases)
        .filter((alias) => alias.kind !== 'weak');
      expect(countBy(aliases, (alias) => alias.kind)).toEqual({ aka: 932, fka: 141 });
      expect(
        entries.filter((listing) => listing.aliases.some((alias) => alias.kind !== 'weak')),
      ).toHaveLength(395);
    }, 60_000);

    it('gives the 68 CMIC entries their listing dates (59 × 3 Jun 2021, 8 × 16 Dec, 1 × 10 Dec 2021)', () => {
      const { result } = load();
      const cmic = result.listings.filter((listing) => listing.list === 'CMIC');
      expect(cmic).toHaveLength(68);
      const listed = cmic.map(
        (listing) => listing.events.find((event) => event.kind === 'listed')?.date ?? 'none',
      );
      expect(countBy(listed, (date) => date)).toEqual({
        '2021-06-03': 59,
        '2021-12-16': 8,
        '2021-12-10': 1,
      });
      expect(
        cmic.every((listing) => listing.events.some((event) => event.kind === 'divestment')),
      ).toBe(true);
      expect(result.asOf).toBe('2021-12-16');
    }, 60_000);

    it('assigns lists: SSI 286, PLC 78, CMIC 68, CAP 15, MBS 15', () => {
      const { result } = load();
      expect(countBy(result.listings, (listing) => listing.list)).toEqual({
        SSI: 286,
        PLC: 78,
        CMIC: 68,
        CAP: 15,
        MBS: 15,
      });
      expect(result.warnings).toEqual([]);
    }, 60_000);

    it('agrees with the CSL’s classification of the same ent_nums except where the lists changed', () => {
      const { result } = load();
      const csl = readCslTreasuryLists();
      const mine = new Map<string, string[]>();
      for (const listing of result.listings)
        mine.set(listing.sourceId, [...(mine.get(listing.sourceId) ?? []), listing.list]);
      const differences: Record<string, number> = {};
      let shared = 0;
      for (const [entNum, lists] of mine) {
        const theirs = csl.get(entNum);
        if (!theirs) continue;
        shared += 1;
        const [a, b] = [lists.sort().join('+'), theirs.sort().join('+')];
        if (a !== b) differences[`${a} vs CSL ${b}`] = (differences[`${a} vs CSL ${b}`] ?? 0) + 1;
      }
      expect(shared).toBe(440);
      // The May 2022 CSL has 25 VTB/VEB-group banks on CAPTA whose 2025 remarks no longer carry a
      // CAPTA mark, and leaves Sberbank itself off CAPTA although its remarks date a Directive 2 listing.
      expect(differences).toEqual({ 'SSI vs CSL CAP+SSI': 25, 'CAP+MBS+SSI vs CSL MBS+SSI': 1 });
    }, 60_000);
  });

  describe('sdn-2024-05 (primary file only)', () => {
    const load = once(() =>
      readOfacCsvSet({ primary: readReal('ofac/sdn-2024-05/sdn.csv') }, 'sdn'),
    );

    it('gives 14,965 valid listings and says it is incomplete', () => {
      const result = load();
      expect(result.listings).toHaveLength(14965);
      expect(result.complete).toBe(false);
      expect(result.rowCounts).toEqual({ 'ofac/sdn-2024-05/sdn.csv': 14965 });
      expect(countBy(result.listings, (listing) => listing.type ?? 'null')).toEqual({
        entity: 6884,
        individual: 6854,
        vessel: 851,
        aircraft: 376,
      });
      for (const listing of result.listings) sourceListingSchema.parse(listing);
    }, 60_000);

    it('splits programs as the README counts them', () => {
      const result = load();
      const programs = countBy(
        result.listings.flatMap((listing) => listing.programs),
        (program) => program,
      );
      expect(Object.keys(programs)).toHaveLength(75);
      expect(programs).toMatchObject({ 'RUSSIA-EO14024': 4439, SDGT: 2386, SDNTK: 1439 });
      expect(result.listings.filter((listing) => listing.programs.length > 1)).toHaveLength(1685);
    }, 60_000);

    it('warns about the 18 Remarks cut at 1,000 characters whose continuations are missing', () => {
      const result = load();
      const cut = result.warnings.filter((warning) =>
        /exactly 1000 characters/.test(warning.message),
      );
      expect(cut).toHaveLength(18);
    }, 60_000);
  });
});

/** ent_num → Treasury non-SDN list codes, as the trade.gov CSL export classifies them. */
function readCslTreasuryLists(): Map<string, string[]> {
  const codes: Record<string, string> = {
    'Sectoral Sanctions Identifications List (SSI) - Treasury Department': 'SSI',
    'Palestinian Legislative Council List (PLC) - Treasury Department': 'PLC',
    'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department':
      'CMIC',
    'Capta List (CAP) - Treasury Department': 'CAP',
    'Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department': 'MBS',
    'Foreign Sanctions Evaders (FSE) - Treasury Department': 'FSE',
  };
  const rows = parse(readReal('csl/consolidated.csv').bytes, { columns: true }) as Record<
    string,
    string
  >[];
  const lists = new Map<string, string[]>();
  for (const row of rows) {
    const code = codes[row.source ?? ''];
    const entNum = row.entity_number ?? '';
    if (!code) continue;
    const known = lists.get(entNum) ?? [];
    if (!known.includes(code)) lists.set(entNum, [...known, code]);
  }
  return lists;
}
