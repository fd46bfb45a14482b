import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listedDate, type SourceListing } from '../../../src/domain/listing';
import { sourceListingSchema } from '../../../src/domain/listing-schema';
import {
  CSL_CSV_COLUMNS,
  readCslCsv,
  type CslCsvColumn,
} from '../../../src/pipeline/adapters/csl-csv';
import { SourceFormatError, type AdapterResult } from '../../../src/pipeline/types';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/csl/consolidated.csv');
const REAL_FILE = path.resolve(import.meta.dirname, '../../../../shared/data/csl/consolidated.csv');
const FILE_ID = 'csl/consolidated.csv';

function readText(text: string): AdapterResult {
  return readCslCsv({ id: FILE_ID, bytes: Buffer.from(text, 'utf8') });
}

function byId(result: AdapterResult, id: string): SourceListing {
  const listing = result.listings.find((candidate) => candidate.id === id);
  if (!listing) throw new Error(`no listing ${id}`);
  return listing;
}

function byName(result: AdapterResult, prefix: string): SourceListing {
  const listing = result.listings.find((candidate) => candidate.name.startsWith(prefix));
  if (!listing) throw new Error(`no listing named ${prefix}…`);
  return listing;
}

describe('readCslCsv on the fixture', () => {
  const fixtureText = readFileSync(FIXTURE, 'utf8');
  const result = readText(fixtureText);

  it('reports the source, one row outcome per data row, and the lists present', () => {
    expect(result.format).toBe('csl-csv');
    expect(result.sourceName).toBe('csl');
    expect(result.files).toEqual([FILE_ID]);
    expect(result.rowCounts).toEqual({ [FILE_ID]: 32 });
    expect(result.rows.map((row) => row.row)).toEqual(
      Array.from({ length: 32 }, (_, index) => index + 1),
    );
    expect(result.listings).toHaveLength(30);
    expect(result.lists).toEqual([
      'SDN',
      'EL',
      'DTC',
      'DPL',
      'SSI',
      'UVL',
      'ISN',
      'PLC',
      'MEU',
      'CMIC',
      'CAP',
      'MBS',
      'FSE',
    ]);
    expect(result.complete).toBe(true);
  });

  it('dates the file by its newest listing date', () => {
    expect(result.asOf).toBe('2021-12-17');
    expect(result.asOfBasis).toMatch(/start_date/);
  });

  it('produces listings that all pass the schema', () => {
    for (const listing of result.listings)
      expect(() => sourceListingSchema.parse(listing)).not.toThrow();
  });

  it('rejects a row of an unknown list without throwing', () => {
    expect(result.rows[31]?.outcome).toEqual({
      kind: 'rejected',
      reason: 'unknown source list "Example Watch List (EWL) - Example Department"',
    });
  });

  it('keeps the same OFAC id on two Treasury lists as two listings', () => {
    expect(byId(result, 'sdn-90010').programs).toEqual(['RUSSIA-EO14024', 'UKRAINE-EO13662']);
    expect(byId(result, 'ssi-90010').programs).toEqual(['UKRAINE-EO13662']);
    expect(byId(result, 'ssi-90010').agency).toBe('treasury');
  });

  it('merges a duplicated CAPTA row into the first, filling what it lacked', () => {
    expect(result.rows[11]?.outcome).toEqual({
      kind: 'merged',
      into: 'cap-90020',
      what: 'duplicate row of the same list entry',
    });
    const bank = byId(result, 'cap-90020');
    expect(bank.source.row).toBe(11);
    expect(bank.sourceListUrl).toBe('https://bit.ly/1QWTIfE');
    expect(bank.aliases.map((alias) => alias.name)).toEqual([
      'EXAMPLE URBAN CREDIT COOPERATIVE',
      'EXAMPLE CITY COMMERCIAL BANK',
      'BANK OF EXAMPLE HEAD OFFICE',
    ]);
    expect(bank.addresses).toHaveLength(1);
    expect(bank.identifiers).toEqual([{ type: 'SWIFT/BIC', value: 'EXBKCNBJ', country: null }]);
  });

  it('reads an OFAC individual: type, aliases (aka and weak), countries, dates and places of birth', () => {
    const person = byId(result, 'sdn-90001');
    expect(person.type).toBe('individual');
    expect(person.title).toBe('Financier');
    expect(person.aliases).toEqual([
      { name: 'AL-EXAMPLI, Karim', kind: 'aka' },
      { name: 'ABU YUSUF', kind: 'aka' },
      { name: 'THE BANKER', kind: 'weak' },
    ]);
    expect(person.nationalities).toEqual(['LB', 'SY']);
    expect(person.citizenships).toEqual(['LB']);
    expect(person.datesOfBirth).toEqual(['1962', 'circa 1965']);
    expect(person.placesOfBirth).toEqual(['Tripoli, Lebanon']);
    expect(person.events).toEqual([]);
    expect(listedDate(person)).toBeNull();
  });

  it('reads ids as country/number/type, keeping Gender and dropping passport dates', () => {
    expect(byId(result, 'sdn-90001').identifiers).toEqual([
      { type: 'Gender', value: 'Male', country: null },
      { type: 'Passport', value: 'RL1234567', country: 'LB' },
      { type: 'Passport', value: 'K111222', country: 'JO' },
      {
        type: 'Additional Sanctions Information',
        value: 'Subject to Secondary Sanctions',
        country: null,
      },
    ]);
  });

  it('turns CMIC dates in ids into listed, effective and divestment events', () => {
    const dji = byName(result, 'SZ DJI TECHNOLOGY');
    expect(dji.list).toBe('CMIC');
    expect(dji.events).toEqual([
      { kind: 'listed', date: '2021-12-16', citation: null, from: 'ids' },
      { kind: 'effective', date: '2022-02-14', citation: null, from: 'ids' },
      { kind: 'divestment', date: '2022-12-16', citation: null, from: 'ids' },
    ]);
    expect(dji.identifiers).toEqual([
      { type: 'Unified Social Credit Code (USCC)', value: '914403000000000001', country: 'CN' },
    ]);
    expect(listedDate(byId(result, 'cmic-91003'))).toBe('2021-06-03');
  });

  it('keeps EO 14024 directive dates as identifiers, not as listing events', () => {
    const bank = byId(result, 'sdn-90010');
    expect(bank.events).toEqual([]);
    expect(bank.identifiers).toContainEqual({
      type: 'Listing Date (EO 14024 Directive 2)',
      value: '24 Feb 2022',
      country: null,
    });
  });

  it('warns about impossible dates and records no event for them', () => {
    expect(result.warnings).toEqual([
      {
        file: FILE_ID,
        row: 16,
        field: 'ids',
        message: 'Effective Date (CMIC) "31 Feb 2021" is not a plausible date; no event recorded',
      },
      {
        file: FILE_ID,
        row: 21,
        field: 'start_date',
        message: '"0097-06-30" is not a plausible date; no event recorded',
      },
      {
        file: FILE_ID,
        row: 22,
        field: 'start_date',
        message: '"0017-05-26" is not a plausible date; no event recorded',
      },
    ]);
    expect(byId(result, 'cmic-91004').events.map((event) => event.kind)).toEqual(['listed']);
    expect(listedDate(byName(result, 'All-Russian Scientific'))).toBeNull();
  });

  it('reads the Entity List seed entry: listed 2021-12-17 under 86 FR 71557', () => {
    const institute = byName(result, 'Academy of Military Medical Sciences');
    expect(institute.list).toBe('EL');
    expect(institute.agency).toBe('commerce');
    expect(institute.type).toBeNull();
    expect(institute.programs).toEqual([]);
    expect(institute.events).toEqual([
      {
        kind: 'listed',
        date: '2021-12-17',
        citation: { text: '86 FR 71557', volume: 86, page: 71557, date: null },
        from: 'start_date',
      },
    ]);
    expect(institute.licenseRequirement).toBe(
      'For all items subject to the EAR. (See §744.11 of the EAR)',
    );
    expect(institute.addresses[0]?.country).toBe('CN');
  });

  it('splits an alias containing "; " in two, as the export gives no way to tell', () => {
    expect(
      byName(result, 'Academy of Military Medical Sciences').aliases.map((alias) => alias.name),
    ).toEqual([
      'Institute of Pharmacology and Institute of Toxicology',
      'Drug Research Medicine',
      'AMMS Institute of Pharmacology and Toxicology',
    ]);
  });

  it('reads several citations with a trailing space: first listed, the rest amendments', () => {
    const huawei = byName(result, 'Huawei Technologies Example Cloud');
    expect(huawei.citations.map((citation) => citation.text)).toEqual([
      '84 FR 22961',
      '85 FR 29852',
      '85 FR 36720',
      '85 FR 51603',
    ]);
    expect(huawei.events.map((event) => [event.kind, event.citation?.page])).toEqual([
      ['listed', 22961],
      ['amended', 29852],
      ['amended', 36720],
      ['amended', 51603],
    ]);
    expect(huawei.licensePolicy).toBe('Presumption of denial.');
    expect(huawei.aliases[0]?.name).toBe('Huawei Example Co”peratief U.A.');
  });

  it('reads DPL rows: dated citations, expiry and the standard order flag', () => {
    const dpl = result.listings.filter((listing) => listing.list === 'DPL');
    expect(dpl.map((listing) => listing.standardOrder)).toEqual([true, true, null, false]);
    const first = dpl[0]!;
    expect(first.name).toBe('R. SAMPLEMAN');
    expect(first.events).toEqual([
      {
        kind: 'listed',
        date: '2003-06-25',
        citation: { text: '68 F.R. 38111 6/30/03', volume: 68, page: 38111, date: '2003-06-30' },
        from: 'start_date',
      },
      {
        kind: 'amended',
        date: '2006-07-12',
        citation: { text: '71 F.R. 38222 7/12/06', volume: 71, page: 38222, date: '2006-07-12' },
        from: 'federal_register_notice',
      },
      { kind: 'expires', date: '2033-06-25', citation: null, from: 'end_date' },
    ]);
    expect(first.remarks).toBe('FEDERAL REGISTER NOTICE UPDATED');
  });

  it('takes the listing notice of a DPL row with dated citations out of order from its dates', () => {
    const orion = byName(result, 'ORION EXPORT');
    expect(
      orion.events.map((event) => [event.kind, event.date, event.citation?.page ?? null]),
    ).toEqual([
      ['listed', '2002-03-04', 10555],
      ['amended', '2002-09-04', 50111],
      ['expires', '2012-03-04', null],
    ]);
  });

  it('reads addresses: "; " separates, a bare ";" does not, country from a code or a name', () => {
    const torch = byName(result, 'Fujian Example Torch');
    expect(torch.addresses.map((address) => address.text)).toEqual([
      'No. 4 Example Rd., Licheng District, Quanzhou, Fujian, CN',
      'Suite 404, Building W2, Airport Business Park, Tianjin Airport Economic Zone;, CN',
      'Suite 905, Example Business Building, Luoyang, CN',
    ]);
    expect(torch.addresses.map((address) => address.country)).toEqual(['CN', 'CN', 'CN']);
    expect(byId(result, 'sdn-90002').addresses[0]?.country).toBe('HK');
    expect(byId(result, 'sdn-90001').addresses.map((address) => address.country)).toEqual([
      'LB',
      'SY',
    ]);
  });

  it('gives a null country, and no guessed parts, to an address ending in a postal code', () => {
    expect(byName(result, 'Beijing Kuangshi').addresses).toEqual([
      {
        text: 'No. 1 Example Street, Haidian District, Beijing, 100080',
        street: null,
        city: null,
        region: null,
        postalCode: null,
        country: null,
      },
    ]);
  });

  it('folds line breaks inside quoted fields, and cleans the \\x92 apostrophe and NBSP', () => {
    expect(byName(result, 'Shijiazhuang').name).toBe(
      'Shijiazhuang Example Precise Instrument Co. Ltd',
    );
    expect(byName(result, 'Example Missile').addresses[0]?.text).toBe(
      'Room 12, Building 3, Example Road, Haidian District, Beijing, CN',
    );
    const xian = byName(result, 'Xi’an Northwest');
    expect(xian.name).toBe('Xi’an Northwest Avionics Research Institute');
    expect(xian.addresses[0]?.text).toBe('No. 7 Example Road, Yanta District, Xi’an, Shaanxi, CN');
  });

  it('keeps non-ASCII text such as curly quotes, ½ and §', () => {
    const sky = byName(result, '“Sky Bridge”');
    expect(sky.addresses[0]?.text).toBe('Flat 3, ½ Example Lane, Kowloon, Hong Kong');
    expect(sky.licenseRequirement).toContain('§ 744.11');
  });

  it('reads vessel details only for rows that have them', () => {
    expect(byId(result, 'sdn-90003').vessel).toEqual({
      callSign: '9HXY7',
      vesselType: 'Crude Oil Tanker',
      tonnage: '81479',
      grossRegisteredTonnage: null,
      flag: 'Panama',
      owner: 'EXAMPLE SHIPPING LINES',
    });
    expect(byId(result, 'sdn-90004').vessel).toBeNull();
    expect(byId(result, 'sdn-90004').type).toBe('aircraft');
  });

  it('treats quoted-empty and bare-empty cells alike', () => {
    const plc = byId(result, 'plc-90030');
    expect(plc.aliases).toEqual([]);
    expect(plc.addresses).toEqual([]);
    expect(plc.citizenships).toEqual([]);
    expect(byId(result, 'mbs-90040').sourceListUrl).toBeNull();
  });

  it('reads ISN programs and keeps a DTC name with "; " whole; no citation from a Vol./No. notice', () => {
    const isn = byName(result, 'Example Missile');
    expect(isn.programs).toEqual(['E.O. 13382', 'INKSNA']);
    expect(isn.citations).toEqual([]);
    expect(isn.events).toEqual([
      { kind: 'listed', date: '2020-01-17', citation: null, from: 'start_date' },
    ]);
    expect(byName(result, 'Example Aerospace').name).toBe(
      'Example Aerospace, Inc. (a.k.a. Pacific Avionics; Coastal Supply)',
    );
  });

  it('strips a UTF-8 byte order mark before the header', () => {
    const withBom = readText(`\uFEFF${fixtureText}`);
    expect(withBom.listings).toHaveLength(30);
  });

  it('finds columns by name, whatever their order', () => {
    const values: Partial<Record<CslCsvColumn, string>> = {
      _id: '90050',
      source: 'Foreign Sanctions Evaders (FSE) - Treasury Department',
      type: 'Entity',
      name: 'EXAMPLE TRADING FZE',
      addresses: '"Example Free Zone, Dubai, AE"',
    };
    const reversed = [...CSL_CSV_COLUMNS].reverse();
    const text = `${reversed.join(',')}\n${reversed.map((column) => values[column] ?? '').join(',')}\n`;
    const listing = readText(text).listings[0];
    expect([listing?.id, listing?.type, listing?.addresses[0]?.country]).toEqual([
      'fse-90050',
      'entity',
      'AE',
    ]);
  });

  it('throws naming the file, the header row and the column when a column is missing', () => {
    const renamed = fixtureText.replace('alt_names', 'aliases');
    expect(() => readText(renamed)).toThrow(SourceFormatError);
    expect(() => readText(renamed)).toThrow(
      `${FILE_ID}, row 0, field "alt_names": column missing from the header`,
    );
  });

  it('throws naming the file and row when a row has the wrong number of fields', () => {
    const lines = fixtureText.split('\n');
    lines[3] = lines[3]!.replace(/,$/, '');
    expect(() => readText(lines.join('\n'))).toThrow(
      `${FILE_ID}, row 3: expected 29 fields as in the header, found 28`,
    );
  });

  it('throws a SourceFormatError for text that is not CSV', () => {
    const broken = `${fixtureText.split('\n')[0]}\n1,"unclosed\n`;
    expect(() => readText(broken)).toThrow(SourceFormatError);
    expect(() => readText(broken)).toThrow(`${FILE_ID}, row 1: not readable as CSV`);
  });
});

/** Rows per `source` in the real export, from the data README (section 1). */
const README_ROWS_PER_LIST: Record<string, number> = {
  SDN: 10026,
  EL: 2001,
  DTC: 727,
  DPL: 462,
  SSI: 290,
  UVL: 201,
  ISN: 163,
  PLC: 78,
  MEU: 71,
  CMIC: 68,
  CAP: 53,
  MBS: 17,
  FSE: 3,
};

describe('readCslCsv on the real May 2022 export', () => {
  let cached: AdapterResult | undefined;

  /** Read once, on first use. Every test calls this, so a missing file fails each test (with
   * where it looked) instead of leaving them skipped: these tests are what prove the adapter. */
  function readReal(): AdapterResult {
    if (!existsSync(REAL_FILE)) throw new Error(`CSL export not found: looked for ${REAL_FILE}`);
    cached ??= readCslCsv({ id: FILE_ID, bytes: readFileSync(REAL_FILE) });
    return cached;
  }

  it('gives one outcome per row and one listing per (list, id)', () => {
    const result = readReal();
    expect(result.rowCounts).toEqual({ [FILE_ID]: 14160 });
    expect(result.rows).toHaveLength(14160);
    // 14,160 rows, one of which repeats a CAPTA entry and is merged into it.
    expect(result.listings).toHaveLength(14159);
    expect(result.rows.filter((row) => row.outcome.kind === 'merged')).toEqual([
      {
        file: FILE_ID,
        row: 1979,
        outcome: {
          kind: 'merged',
          into: 'cap-15268',
          what: 'duplicate row of the same list entry',
        },
      },
    ]);
    expect(result.rows.some((row) => row.outcome.kind === 'rejected')).toBe(false);
  });

  it('accounts for the README row count of every list', () => {
    const result = readReal();
    const rowsPerList: Record<string, number> = {};
    const listOf = new Map(result.listings.map((listing) => [listing.id, listing.list]));
    for (const row of result.rows) {
      const id =
        row.outcome.kind === 'written'
          ? row.outcome.listingIds[0]
          : row.outcome.kind === 'merged'
            ? row.outcome.into
            : undefined;
      const list = id === undefined ? undefined : listOf.get(id);
      if (list) rowsPerList[list] = (rowsPerList[list] ?? 0) + 1;
    }
    expect(rowsPerList).toEqual(README_ROWS_PER_LIST);
  });

  it('fills the merged CAPTA entry from its second row', () => {
    const result = readReal();
    const bank = result.listings.find((listing) => listing.id === 'cap-15268');
    expect(bank?.sourceListUrl).toBe('http://bit.ly/1QWTIfE');
    expect(bank?.addresses).toHaveLength(4);
  });

  it('finds the CMIC listing dates in ids', () => {
    const result = readReal();
    const counts: Record<string, number> = {};
    for (const listing of result.listings.filter((candidate) => candidate.list === 'CMIC')) {
      const date = listedDate(listing);
      if (date) counts[date] = (counts[date] ?? 0) + 1;
    }
    expect(counts).toEqual({ '2021-06-03': 59, '2021-12-16': 8, '2021-12-10': 1 });
  });

  it('warns about exactly the three impossible start dates', () => {
    const result = readReal();
    expect(result.warnings.map((warning) => [warning.field, warning.message.slice(0, 12)])).toEqual(
      [
        ['start_date', '"0097-06-30"'],
        ['start_date', '"0097-06-30"'],
        ['start_date', '"0017-05-26"'],
      ],
    );
  });

  it('dates the export by its newest start_date', () => {
    const result = readReal();
    expect(result.asOf).toBe('2022-04-21');
  });

  it('keeps the Tianjin address with a bare ";" as one address', () => {
    const result = readReal();
    const tianjin = result.listings
      .flatMap((listing) => listing.addresses)
      .filter((address) => address.text.includes('Tianjin Airport Economic Zone'));
    expect(tianjin.map((address) => [address.text.endsWith('Zone;, CN'), address.country])).toEqual(
      [[true, 'CN']],
    );
  });

  it('produces only listings that pass the schema', () => {
    const result = readReal();
    for (const listing of result.listings) sourceListingSchema.parse(listing);
    expect(result.listings.every((listing) => !/[\n\u0092\u00a0]/.test(listing.name))).toBe(true);
  });
});
