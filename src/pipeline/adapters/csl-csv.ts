import { CsvError, parse } from 'csv-parse/sync';
import { toCountryCode } from '../../domain/countries';
import type { Address } from '../../domain/listing';
import { parseIsoDate, splitMulti } from '../fields';
import { SourceFormatError, type AdapterResult } from '../types';
import { addressFromText, buildCslResult, type CslId, type CslRecord } from './csl-common';

/**
 * The trade.gov Consolidated Screening List as its CSV export
 * (https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv):
 * 29 named columns, multi-valued fields joined by "; ". See the data README, section 1.
 */
export const CSL_CSV_COLUMNS = [
  '_id',
  'source',
  'entity_number',
  'type',
  'programs',
  'name',
  'title',
  'addresses',
  'federal_register_notice',
  'start_date',
  'end_date',
  'standard_order',
  'license_requirement',
  'license_policy',
  'call_sign',
  'vessel_type',
  'gross_tonnage',
  'gross_registered_tonnage',
  'vessel_flag',
  'vessel_owner',
  'remarks',
  'source_list_url',
  'alt_names',
  'citizenships',
  'dates_of_birth',
  'nationalities',
  'places_of_birth',
  'source_information_url',
  'ids',
] as const;
export type CslCsvColumn = (typeof CSL_CSV_COLUMNS)[number];

type Row = (column: CslCsvColumn) => string;

export function readCslCsv(file: { readonly id: string; readonly bytes: Buffer }): AdapterResult {
  const [header, ...data] = parseTable(file);
  if (header === undefined)
    throw new SourceFormatError(file.id, 0, null, 'empty file: no header row');
  const columns = indexColumns(file.id, header);
  const records = data.map((fields, index) => {
    const row = index + 1;
    if (fields.length !== header.length) {
      throw new SourceFormatError(
        file.id,
        row,
        null,
        `expected ${header.length} fields as in the header, found ${fields.length}`,
      );
    }
    return toRecord(row, (column) => fields[columns[column]] ?? '');
  });
  return buildCslResult({
    file: file.id,
    format: 'csl-csv',
    rowCount: data.length,
    records,
    complete: true,
  });
}

function parseTable(file: { readonly id: string; readonly bytes: Buffer }): string[][] {
  try {
    // Field counts are checked here rather than by csv-parse so the error names our row number.
    return parse(file.bytes, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse counts records header included, so its record count is our 1-based data row.
    const row = typeof error.records === 'number' ? error.records : null;
    throw new SourceFormatError(file.id, row, null, `not readable as CSV: ${error.message}`);
  }
}

/** Column positions by name: the export has kept its names but not always its order. */
function indexColumns(file: string, header: readonly string[]): Record<CslCsvColumn, number> {
  const positions = new Map<string, number>();
  header.forEach((name, index) => {
    const trimmed = name.trim();
    if (positions.has(trimmed))
      throw new SourceFormatError(file, 0, trimmed, 'column appears twice in the header');
    positions.set(trimmed, index);
  });
  const columns = {} as Record<CslCsvColumn, number>;
  for (const column of CSL_CSV_COLUMNS) {
    const position = positions.get(column);
    if (position === undefined)
      throw new SourceFormatError(file, 0, column, 'column missing from the header');
    columns[column] = position;
  }
  return columns;
}

function toRecord(row: number, get: Row): CslRecord {
  return {
    row,
    id: get('_id'),
    source: get('source'),
    type: get('type'),
    programs: splitMulti(get('programs')),
    name: get('name'),
    title: get('title'),
    addresses: readAddresses(get('addresses')),
    federalRegisterNotice: get('federal_register_notice'),
    startDate: get('start_date'),
    endDate: get('end_date'),
    standardOrder: get('standard_order'),
    licenseRequirement: get('license_requirement'),
    licensePolicy: get('license_policy'),
    vessel: {
      callSign: get('call_sign'),
      vesselType: get('vessel_type'),
      tonnage: get('gross_tonnage'),
      grossRegisteredTonnage: get('gross_registered_tonnage'),
      flag: get('vessel_flag'),
      owner: get('vessel_owner'),
    },
    remarks: get('remarks'),
    sourceListUrl: get('source_list_url'),
    altNames: splitMulti(get('alt_names')),
    citizenships: splitMulti(get('citizenships')),
    datesOfBirth: splitMulti(get('dates_of_birth')),
    nationalities: splitMulti(get('nationalities')),
    placesOfBirth: splitMulti(get('places_of_birth')),
    sourceInformationUrl: get('source_information_url'),
    ids: splitMulti(get('ids')).map(parseIdText),
  };
}

/** Addresses are joined by "; " exactly, so `…Economic Zone;, CN` stays one address. */
function readAddresses(value: string): Address[] {
  return splitMulti(value)
    .map(addressFromText)
    .filter((address): address is Address => address !== null);
}

/**
 * One `ids` entry. The CSV flattens the JSON's {country, expiration_date, issue_date, number,
 * type} into `country, number, type` or `value, type`, with up to two ISO dates before the number
 * (`JO, 2014-08-30, 2009-08-31, K475336, Passport`). The type is the last part; a leading ISO-2
 * code is the country; leading ISO dates are document dates, which the listing schema has no
 * place for (and a single one cannot be told issue from expiry), so they are left out. Whatever
 * remains is the value, commas included (`section 1(b) of Executive Order 13224, as amended …`).
 */
export function parseIdText(text: string): CslId {
  const parts = text.split(', ').map((part) => part.trim());
  const type = parts.pop() ?? '';
  let country: string | null = null;
  if (parts.length > 1 && toCountryCode(parts[0]) !== null && /^[A-Z]{2}$/.test(parts[0] ?? '')) {
    country = parts.shift() ?? null;
  }
  while (parts.length > 1 && parseIsoDate(parts[0]) !== null) parts.shift();
  return { type, value: parts.join(', '), country };
}
