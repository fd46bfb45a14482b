import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceListing } from '../../../src/domain/listing';
import { sourceListingSchema } from '../../../src/domain/listing-schema';
import { readCslCsv } from '../../../src/pipeline/adapters/csl-csv';
import { readCslJson } from '../../../src/pipeline/adapters/csl-json';
import { SourceFormatError, type AdapterResult } from '../../../src/pipeline/types';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/csl/consolidated.json');
const CSV_FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/csl/consolidated.csv');
const FILE_ID = 'csl/consolidated.json';

function readText(text: string): AdapterResult {
  return readCslJson({ id: FILE_ID, bytes: Buffer.from(text, 'utf8') });
}

function byId(result: AdapterResult, id: string): SourceListing {
  const listing = result.listings.find((candidate) => candidate.id === id);
  if (!listing) throw new Error(`no listing ${id}`);
  return listing;
}

/** The fixture as an object, to break one field at a time. */
function fixtureWith(
  change: (json: { results: Record<string, unknown>[]; total?: number }) => void,
): string {
  const json = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
    results: Record<string, unknown>[];
    total?: number;
  };
  change(json);
  return JSON.stringify(json);
}

describe('readCslJson on the fixture', () => {
  const result = readText(readFileSync(FIXTURE, 'utf8'));

  it('reports one row outcome per result and rejects an unknown list', () => {
    expect(result.format).toBe('csl-json');
    expect(result.rowCounts).toEqual({ [FILE_ID]: 7 });
    expect(result.rows.map((row) => row.outcome.kind)).toEqual([
      'written',
      'written',
      'written',
      'written',
      'written',
      'written',
      'rejected',
    ]);
    expect(result.lists).toEqual(['SDN', 'EL', 'DPL', 'CMIC']);
    expect(result.complete).toBe(true);
    expect(result.asOf).toBe('2021-12-17');
  });

  it('produces listings that all pass the schema', () => {
    expect(result.listings).toHaveLength(6);
    for (const listing of result.listings)
      expect(() => sourceListingSchema.parse(listing)).not.toThrow();
  });

  it('reads structured addresses into street, city, region, postal code and country', () => {
    expect(byId(result, 'el-4fe9b77faaca81a7e3c74f2f889de136518a61ad').addresses).toEqual([
      {
        text: '27 Taiping Road, Haidian District, Beijing, 100850, CN',
        street: '27 Taiping Road, Haidian District',
        city: 'Beijing',
        region: null,
        postalCode: '100850',
        country: 'CN',
      },
    ]);
    expect(
      byId(result, 'sdn-90001').addresses.map((address) => [address.city, address.country]),
    ).toEqual([
      ['Beirut', 'LB'],
      ['Damascus', 'SY'],
    ]);
  });

  it('keeps an alias array element whole, "; " included', () => {
    expect(byId(result, 'el-4fe9b77faaca81a7e3c74f2f889de136518a61ad').aliases[0]).toEqual({
      name: 'Institute of Pharmacology and Institute of Toxicology; Drug Research Medicine',
      kind: 'aka',
    });
  });

  it('splits an alias string and drops the alias equal to the name', () => {
    expect(byId(result, 'sdn-90003').aliases).toEqual([{ name: 'SEA EXAMPLE', kind: 'aka' }]);
    expect(byId(result, 'sdn-90003').vessel?.tonnage).toBe('81479');
  });

  it('turns CMIC id records into events and keeps the others as identifiers', () => {
    const dji = byId(result, 'cmic-91001');
    expect(dji.events.map((event) => [event.kind, event.date, event.from])).toEqual([
      ['listed', '2021-12-16', 'ids'],
      ['effective', '2022-02-14', 'ids'],
      ['divestment', '2022-12-16', 'ids'],
    ]);
    expect(dji.identifiers).toEqual([
      { type: 'Unified Social Credit Code (USCC)', value: '914403000000000001', country: 'CN' },
    ]);
    expect(dji.title).toBeNull();
    expect(dji.remarks).toBeNull();
  });

  it('reads weak aliases, Gender and passports like the CSV', () => {
    const person = byId(result, 'sdn-90001');
    expect(person.aliases.at(-1)).toEqual({ name: 'THE BANKER', kind: 'weak' });
    expect(person.identifiers).toEqual([
      { type: 'Gender', value: 'Male', country: null },
      { type: 'Passport', value: 'K111222', country: 'JO' },
    ]);
  });

  it('warns about an impossible start date', () => {
    expect(result.warnings).toEqual([
      {
        file: FILE_ID,
        row: 6,
        field: 'start_date',
        message: '"0097-06-30" is not a plausible date; no event recorded',
      },
    ]);
  });

  it('builds the same listing as the CSV for the same entry, apart from address parts', () => {
    const csv = readCslCsv({ id: 'csl/consolidated.csv', bytes: readFileSync(CSV_FIXTURE) });
    const strip = (listing: SourceListing) => ({ ...listing, addresses: [], source: null });
    for (const id of ['dpl-267d79babfcd538826c7bed8a03aaf2c22dbd361', 'cmic-91001']) {
      const fromJson = byId(result, id);
      const fromCsv = csv.listings.find((listing) => listing.id === id);
      expect(strip(fromJson)).toEqual(fromCsv && strip(fromCsv));
    }
  });

  it('marks a paged API response, whose total exceeds its results, as incomplete', () => {
    const page = readText(fixtureWith((json) => (json.total = 14160)));
    expect(page.complete).toBe(false);
  });

  it('throws for malformed JSON, naming the file', () => {
    expect(() => readText('{"results": [')).toThrow(SourceFormatError);
    expect(() => readText('{"results": [')).toThrow(/^csl\/consolidated\.json: not valid JSON/);
  });

  it('throws when the envelope has no results array', () => {
    expect(() => readText('{"items": []}')).toThrow(`${FILE_ID}, field "results"`);
  });

  it('throws naming the result row and field on a mismatch', () => {
    const broken = fixtureWith((json) => {
      json.results[2]!.addresses = [{ city: ['Beirut'] }];
    });
    expect(() => readText(broken)).toThrow(
      `${FILE_ID}, row 3, field "results[2].addresses[0].city"`,
    );
    const noSource = fixtureWith((json) => {
      delete json.results[0]!.source;
    });
    expect(() => readText(noSource)).toThrow(`${FILE_ID}, row 1, field "results[0].source"`);
  });
});
