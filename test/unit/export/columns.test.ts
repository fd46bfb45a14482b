import { describe, expect, it } from 'vitest';
import {
  ALL_FIELDS,
  TABLE_COLUMNS,
  selectColumns,
  toHeader,
  toRow,
} from '../../../src/features/export/model/columns';
import { makeListing } from './fixtures';

const LISTING = makeListing({
  list: 'SDN',
  agency: 'treasury',
  type: 'vessel',
  name: 'SEA STAR',
  aliases: [
    { name: 'STAR ONE', kind: 'aka' },
    { name: 'OLD STAR', kind: 'fka' },
  ],
  addresses: [
    {
      text: 'Tehran, Iran',
      street: null,
      city: 'Tehran',
      region: null,
      postalCode: null,
      country: 'IR',
    },
  ],
  nationalities: ['KP'],
  programs: ['IRAN', 'SDGT'],
  events: [
    { kind: 'amended', date: '2022-01-01', citation: null, from: 'ids' },
    {
      kind: 'listed',
      date: '2021-12-17',
      citation: { text: '86 FR 71557', volume: 86, page: 71557, date: null },
      from: 'start_date',
    },
  ],
  identifiers: [{ type: 'IMO', value: '1234567', country: null }],
  vessel: {
    callSign: 'ABCD',
    vesselType: 'Tanker',
    tonnage: null,
    grossRegisteredTonnage: null,
    flag: 'Iran',
    owner: null,
  },
  standardOrder: false,
});

describe('export columns', () => {
  it('uses the table ids and headers', () => {
    expect(TABLE_COLUMNS.map((column) => column.id)).toEqual([
      'name',
      'list',
      'agency',
      'type',
      'countries',
      'programs',
      'rationale',
      'sector',
      'listed',
    ]);
    expect(toHeader(TABLE_COLUMNS)).toEqual([
      'Name',
      'List',
      'Agency',
      'Type',
      'Countries',
      'Programs',
      'Rationale',
      'Sector',
      'Date listed',
    ]);
  });

  it('reads the table columns as the screen shows them, values joined with "; "', () => {
    expect(toRow(LISTING, TABLE_COLUMNS)).toEqual([
      'SEA STAR',
      'SDN',
      'Treasury (OFAC)',
      'vessel',
      'IR; KP',
      'IRAN; SDGT',
      'Terrorism; Iran',
      // A vessel: the sector classifier's vessel rule.
      'Shipping & maritime',
      '2021-12-17',
    ]);
  });

  it('leaves the listed date, type and countries empty when the source gives none', () => {
    const row = toRow(
      makeListing(),
      selectColumns('visible', ['name', 'type', 'countries', 'listed']),
    );
    expect(row).toEqual(['Academy of Military Medical Sciences', '', '', '']);
  });

  it('follows the visible columns in their order and keeps the name', () => {
    expect(selectColumns('visible', ['listed', 'list']).map((column) => column.id)).toEqual([
      'name',
      'listed',
      'list',
    ]);
    expect(selectColumns('visible', ['list', 'name', 'bogus']).map((column) => column.id)).toEqual([
      'list',
      'name',
    ]);
  });

  it('writes every field in "all fields"', () => {
    const cells = Object.fromEntries(
      selectColumns('all', []).map((column) => [column.header, column.read(LISTING)]),
    );
    expect(cells).toMatchObject({
      Id: 'el-1',
      'List name': 'Specially Designated Nationals',
      Aliases: 'aka: STAR ONE; fka: OLD STAR',
      Addresses: 'Tehran, Iran',
      Countries: 'Iran (IR); North Korea (KP)',
      Events: 'amended 2022-01-01; listed 2021-12-17 86 FR 71557',
      Identifiers: 'IMO 1234567',
      'Vessel call sign': 'ABCD',
      'Vessel flag': 'Iran',
      'Standard order': 'no',
      'Source file': 'csl/consolidated.csv',
      'Source row': '7',
      'Date listed': '2021-12-17',
      'Sector (explorer estimate)': 'Shipping & maritime',
    });
    expect(cells['Legal basis']).toContain('EO 13224');
    expect(ALL_FIELDS.length).toBeGreaterThan(30);
  });
});
