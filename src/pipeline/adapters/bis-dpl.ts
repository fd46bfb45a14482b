import { createHash } from 'node:crypto';
import { CsvError, parse } from 'csv-parse/sync';
import type { Address, Citation, SourceListing, ListingEvent } from '../../domain/listing';
import { toCountryCode } from '../../domain/countries';
import { parseFederalRegisterCitations } from '../citations';
import { addressFromParts, cleanText, parseIsoDate, parseUsDate } from '../fields';
import {
  SourceFormatError,
  type AdapterResult,
  type DataWarning,
  type RowRecord,
  type SourceFile,
} from '../types';

/**
 * The BIS Denied Persons List as BIS publishes it for download
 * (https://www.bis.gov/dpl): tab-delimited text, every field in double quotes, one header row,
 * one row per name-and-address. A denial order that names several addresses of one party is
 * written as several rows; this adapter folds them back into one listing per order.
 */

export const DPL_COLUMNS = [
  'Name',
  'Street_Address',
  'City',
  'State',
  'Country',
  'Postal_Code',
  'Effective_Date',
  'Expiration_Date',
  'Standard_Order',
  'Last_Update',
  'Action',
  'FR_Citation',
] as const;
type DplColumn = (typeof DPL_COLUMNS)[number];
type DplRow = Readonly<Record<DplColumn, string>>;

interface NumberedRow {
  /** 1-based data row number (header not counted). */
  readonly row: number;
  readonly fields: DplRow;
}

/** Rows of one denial order: same party, same effective date. */
interface OrderGroup {
  readonly id: string;
  readonly rows: NumberedRow[];
}

/** Country values seen in the DPL that are not ISO-2 codes but name a country unambiguously. */
const DPL_COUNTRY_FIXES: Readonly<Record<string, string>> = { PRC: 'CN' };

const MERGED_WHAT = 'address of the same order';

export function readBisDpl(file: Pick<SourceFile, 'id' | 'bytes'>): AdapterResult {
  const records = parseRecords(file.id, file.bytes);
  const rows = toDplRows(file.id, records);
  const warnings: DataWarning[] = [];
  const rowRecords: RowRecord[] = [];
  const groups = new Map<string, OrderGroup>();

  for (const row of rows) {
    const name = cleanText(row.fields.Name);
    if (name === null) {
      rowRecords.push({
        file: file.id,
        row: row.row,
        outcome: { kind: 'rejected', reason: 'empty Name' },
      });
      continue;
    }
    const key = orderKey(name, row.fields.Effective_Date);
    const group = groups.get(key);
    if (group) {
      group.rows.push(row);
      rowRecords.push({
        file: file.id,
        row: row.row,
        outcome: { kind: 'merged', into: group.id, what: MERGED_WHAT },
      });
    } else {
      const id = `dpl-${hashKey(key)}`;
      groups.set(key, { id, rows: [row] });
      rowRecords.push({
        file: file.id,
        row: row.row,
        outcome: { kind: 'written', listingIds: [id] },
      });
    }
  }

  const listings = [...groups.values()].map((group) => buildListing(file.id, group, warnings));
  const asOf = findAsOf(file.id, rows, warnings);
  return {
    format: 'bis-dpl',
    sourceName: 'bis-dpl',
    files: [file.id],
    rowCounts: { [file.id]: rows.length },
    asOf,
    asOfBasis:
      asOf === null ? 'no plausible Last_Update in the file' : 'newest plausible Last_Update',
    complete: true,
    lists: ['DPL'],
    listings,
    rows: rowRecords,
    warnings: sortWarnings(warnings),
  };
}

/** csv-parse with the DPL dialect; a broken line becomes a SourceFormatError naming its row. */
function parseRecords(fileId: string, bytes: Uint8Array): string[][] {
  try {
    return parse(Buffer.from(bytes), {
      delimiter: '\t',
      quote: '"',
      bom: true,
      skip_empty_lines: true,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      // `records` counts the header, so it equals the 1-based number of the failing data row.
      const row = typeof error.records === 'number' ? error.records : null;
      throw new SourceFormatError(fileId, row, null, error.message);
    }
    throw error;
  }
}

/** Map each record onto the DPL columns by header name, so a reordered file still reads. */
function toDplRows(fileId: string, records: string[][]): NumberedRow[] {
  const [header, ...data] = records;
  if (!header) throw new SourceFormatError(fileId, 0, null, 'empty file: no header row');
  const names = header.map((name) => name.trim());
  const indexes = DPL_COLUMNS.map((column) => {
    const index = names.indexOf(column);
    if (index < 0) throw new SourceFormatError(fileId, 0, column, `missing column "${column}"`);
    return [column, index] as const;
  });
  return data.map((record, position) => {
    const fields = Object.fromEntries(
      indexes.map(([column, index]) => [column, record[index] ?? '']),
    ) as DplRow;
    return { row: position + 1, fields };
  });
}

/**
 * One order = one party (name, trimmed and case-folded: ` I. ASH` and `I. ASH` are one person)
 * and one effective date. FR_Citation is deliberately NOT part of the key: rows of one order
 * carry the same citations typed differently (`88 F.R.30078`, a dropped citation, `,` vs `;`),
 * so keying on the text would split 21 orders of the real file into 51 listings.
 */
function orderKey(name: string, effectiveDate: string): string {
  const effective = parseUsDate(effectiveDate) ?? effectiveDate.trim();
  return `${name.toUpperCase()}|${effective}`;
}

/** Deterministic across runs and machines: ids in URLs and saved links must not move. */
function hashKey(key: string): string {
  return createHash('sha1').update(key, 'utf8').digest('hex').slice(0, 12);
}

function buildListing(fileId: string, group: OrderGroup, warnings: DataWarning[]): SourceListing {
  const [first] = group.rows;
  if (!first) throw new Error(`order ${group.id} has no rows`);
  const fields = first.fields;
  const citations = collectCitations(fileId, group.rows, warnings);
  warnMergedDifferences(fileId, group.rows, warnings);
  return {
    id: group.id,
    sourceId: group.id.slice('dpl-'.length),
    list: 'DPL',
    agency: 'commerce',
    type: null,
    name: cleanText(fields.Name) ?? '',
    aliases: [],
    title: null,
    addresses: collectAddresses(fileId, group.rows, warnings),
    nationalities: [],
    citizenships: [],
    datesOfBirth: [],
    placesOfBirth: [],
    programs: [],
    licenseRequirement: null,
    licensePolicy: null,
    citations,
    events: buildEvents(fileId, first, citations, warnings),
    identifiers: [],
    remarks: cleanText(fields.Action),
    vessel: null,
    standardOrder: readStandardOrder(fileId, first, warnings),
    sourceListUrl: null,
    sourceInfoUrl: null,
    source: { file: fileId, row: first.row, format: 'bis-dpl' },
  };
}

/** All citations of the order's rows, once each (by volume and page), in order of appearance. */
function collectCitations(
  fileId: string,
  rows: readonly NumberedRow[],
  warnings: DataWarning[],
): Citation[] {
  const byPage = new Map<string, Citation>();
  for (const row of rows) {
    // The stricter reader: the DPL also writes `81.F.R. 22576` and `82 F.R. 16788, 16789 4/6/2017`.
    for (const citation of parseFederalRegisterCitations(row.fields.FR_Citation)) {
      if (citation.date === null && /\d\/\d/.test(citation.text)) {
        warnings.push(
          warn(fileId, row.row, 'FR_Citation', `unreadable date in "${citation.text}"`),
        );
      }
      const key = `${citation.volume}:${citation.page}`;
      if (!byPage.has(key)) byPage.set(key, citation);
    }
  }
  return [...byPage.values()];
}

/**
 * `listed` on Effective_Date with the order's first notice, each later notice as `amended`,
 * and `expires` on Expiration_Date. "First" is the earliest-dated citation, not the first
 * written: the DPL sometimes lists a later notice ahead of the original one
 * (`67 F.R. 56530 9/4/02 67 F.R. 10890 3/11/02`).
 */
function buildEvents(
  fileId: string,
  row: NumberedRow,
  citations: readonly Citation[],
  warnings: DataWarning[],
): ListingEvent[] {
  const events: ListingEvent[] = [];
  const listingCitation = pickListingCitation(citations);
  const effective = readUsDate(fileId, row, 'Effective_Date', warnings);
  if (effective !== null) {
    events.push({
      kind: 'listed',
      date: effective,
      citation: listingCitation,
      from: 'Effective_Date',
    });
  }
  for (const citation of citations) {
    if (citation === listingCitation && effective !== null) continue;
    events.push({ kind: 'amended', date: citation.date, citation, from: 'FR_Citation' });
  }
  const expires = readUsDate(fileId, row, 'Expiration_Date', warnings);
  if (expires !== null) {
    events.push({ kind: 'expires', date: expires, citation: null, from: 'Expiration_Date' });
  }
  return events;
}

function pickListingCitation(citations: readonly Citation[]): Citation | null {
  let earliest: Citation | null = null;
  for (const citation of citations) {
    if (citation.date === null) continue;
    if (earliest?.date == null || citation.date < earliest.date) earliest = citation;
  }
  return earliest ?? citations[0] ?? null;
}

/** A US date, or null; a value that is present but not a real date is warned about. */
function readUsDate(
  fileId: string,
  row: NumberedRow,
  column: 'Effective_Date' | 'Expiration_Date',
  warnings: DataWarning[],
): string | null {
  const raw = row.fields[column].trim();
  if (raw === '') return null;
  const date = parseUsDate(raw);
  if (date === null) warnings.push(warn(fileId, row.row, column, `not a real date: "${raw}"`));
  return date;
}

/** One address per row, dropping rows that repeat an address already seen and empty ones. */
function collectAddresses(
  fileId: string,
  rows: readonly NumberedRow[],
  warnings: DataWarning[],
): Address[] {
  const byText = new Map<string, Address>();
  for (const row of rows) {
    const address = buildAddress(fileId, row, warnings);
    if (address !== null && !byText.has(address.text)) byText.set(address.text, address);
  }
  return [...byText.values()];
}

function buildAddress(fileId: string, row: NumberedRow, warnings: DataWarning[]): Address | null {
  return addressFromParts(
    {
      street: row.fields.Street_Address,
      city: row.fields.City,
      region: row.fields.State,
      postalCode: row.fields.Postal_Code,
      country: row.fields.Country,
    },
    (countryText) => readCountry(fileId, row.row, countryText, warnings),
  );
}

/** The Country column is meant to hold ISO-2 codes; a state (`NM`) sometimes lands there. An
 * empty country stays null: most empty ones are US prison addresses, but we do not guess. */
function readCountry(
  fileId: string,
  row: number,
  value: string | null,
  warnings: DataWarning[],
): string | null {
  if (value === null) return null;
  const code = DPL_COUNTRY_FIXES[value.toUpperCase()] ?? toCountryCode(value);
  if (code === null) warnings.push(warn(fileId, row, 'Country', `not a country code: "${value}"`));
  return code;
}

/** `Y`/`y` → true, `N`/`n` → false, empty → null (the CSL also has a lone space). */
function readStandardOrder(
  fileId: string,
  row: NumberedRow,
  warnings: DataWarning[],
): boolean | null {
  const value = cleanText(row.fields.Standard_Order)?.toUpperCase() ?? null;
  if (value === null) return null;
  if (value === 'Y') return true;
  if (value === 'N') return false;
  warnings.push(warn(fileId, row.row, 'Standard_Order', `expected Y or N, got "${value}"`));
  return null;
}

/** Merged rows should repeat the order's dates; when they do not, the first row wins, visibly. */
function warnMergedDifferences(
  fileId: string,
  rows: readonly NumberedRow[],
  warnings: DataWarning[],
) {
  const [first, ...others] = rows;
  if (!first) return;
  for (const other of others) {
    for (const column of ['Expiration_Date', 'Standard_Order'] as const) {
      const expected = first.fields[column].trim();
      const actual = other.fields[column].trim();
      if (expected.toUpperCase() !== actual.toUpperCase()) {
        warnings.push(
          warn(
            fileId,
            other.row,
            column,
            `"${actual}" differs from row ${first.row} ("${expected}") of the same order; kept row ${first.row}`,
          ),
        );
      }
    }
  }
}

/** The newest plausible Last_Update. Typos such as `3033-09-30` and `1023-11-01` are warned
 * about and ignored, or they would date the whole list a thousand years off. */
function findAsOf(
  fileId: string,
  rows: readonly NumberedRow[],
  warnings: DataWarning[],
): string | null {
  let newest: string | null = null;
  for (const row of rows) {
    const raw = row.fields.Last_Update.trim();
    if (raw === '') continue;
    const date = parseIsoDate(raw);
    if (date === null) {
      warnings.push(warn(fileId, row.row, 'Last_Update', `not a plausible date: "${raw}"`));
    } else if (newest === null || date > newest) {
      newest = date;
    }
  }
  return newest;
}

function warn(file: string, row: number, field: string, message: string): DataWarning {
  return { file, row, field, message };
}

/** Row order, then field: the report reads top to bottom like the file. */
function sortWarnings(warnings: readonly DataWarning[]): DataWarning[] {
  return [...warnings].sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
}
