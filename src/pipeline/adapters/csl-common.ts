import { toCountryCode } from '../../domain/countries';
import {
  ENTITY_TYPES,
  type Address,
  type Alias,
  type Citation,
  type EntityType,
  type EventKind,
  type Identifier,
  type SourceListing,
  type ListingEvent,
  type SourceFormat,
  type Vessel,
} from '../../domain/listing';
import { LISTS, LIST_CODES, listCodeForCslSource, type ListCode } from '../../domain/lists';
import { parseFederalRegisterCitations } from '../citations';
import { cleanText, parseDayMonthYear, parseIsoDate, parseYesNo } from '../fields';
import type { AdapterResult, DataWarning, RowRecord } from '../types';

/**
 * Row → Listing logic shared by the two exports of the trade.gov Consolidated Screening List
 * (https://www.trade.gov/consolidated-screening-list): the CSV and the JSON carry the same fields,
 * and differ only in how multi-valued fields and addresses are written. Each adapter turns its
 * records into `CslRecord`s; everything after that happens here, once.
 */

/** An identifier as the export gives it, before the CMIC dates are told apart from real ids.
 * `country` is the raw text (an ISO-2 code in practice). */
export interface CslId {
  readonly type: string;
  readonly value: string;
  readonly country: string | null;
}

/** One CSL record, fields still raw text (untrimmed, maybe empty); lists already split. */
export interface CslRecord {
  /** 1-based data record number in the file. */
  readonly row: number;
  /** CSV `_id` / JSON `id`. Not unique on its own: (source, id) is. */
  readonly id: string;
  readonly source: string;
  readonly type: string | null;
  readonly programs: readonly string[];
  readonly name: string | null;
  readonly title: string | null;
  readonly addresses: readonly Address[];
  readonly federalRegisterNotice: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly standardOrder: string | null;
  readonly licenseRequirement: string | null;
  readonly licensePolicy: string | null;
  readonly vessel: Vessel;
  readonly remarks: string | null;
  readonly sourceListUrl: string | null;
  readonly altNames: readonly string[];
  readonly citizenships: readonly string[];
  readonly datesOfBirth: readonly string[];
  readonly nationalities: readonly string[];
  readonly placesOfBirth: readonly string[];
  readonly sourceInformationUrl: string | null;
  readonly ids: readonly CslId[];
}

export interface CslSource {
  readonly file: string;
  readonly format: Extract<SourceFormat, 'csl-csv' | 'csl-json'>;
  /** Data records in the file, header excluded. */
  readonly rowCount: number;
  readonly records: readonly CslRecord[];
  /** False when the file says it holds only part of the list (a paged API response). */
  readonly complete: boolean;
}

type Warn = (field: string, message: string) => void;

/** Build the adapter result: one listing per (list, id), one row outcome per record. */
export function buildCslResult(source: CslSource): AdapterResult {
  const warnings: DataWarning[] = [];
  const rows: RowRecord[] = [];
  const listings: SourceListing[] = [];
  const indexByKey = new Map<string, number>();

  for (const record of source.records) {
    const warn: Warn = (field, message) =>
      warnings.push({ file: source.file, row: record.row, field, message });
    const built = toListing(record, source, warn);
    if ('reason' in built) {
      rows.push({
        file: source.file,
        row: record.row,
        outcome: { kind: 'rejected', reason: built.reason },
      });
      continue;
    }
    const existing = indexByKey.get(built.id);
    if (existing === undefined) {
      indexByKey.set(built.id, listings.length);
      listings.push(built);
      rows.push({
        file: source.file,
        row: record.row,
        outcome: { kind: 'written', listingIds: [built.id] },
      });
      continue;
    }
    // The same (list, id) twice is one list entry written twice (one CAPTA entry in the May 2022
    // export, identical but for a source_list_url missing from the first copy): keep one listing.
    listings[existing] = mergeListings(listings[existing]!, built, warn);
    rows.push({
      file: source.file,
      row: record.row,
      outcome: { kind: 'merged', into: built.id, what: 'duplicate row of the same list entry' },
    });
  }

  const asOf = newestListedDate(listings);
  return {
    format: source.format,
    sourceName: 'csl',
    files: [source.file],
    rowCounts: { [source.file]: source.rowCount },
    asOf,
    asOfBasis:
      asOf === null
        ? 'no listing date in the file'
        : 'newest plausible start_date or CMIC "Listing Date" in the file; the export itself carries no publication date',
    complete: source.complete,
    lists: listsPresent(listings),
    listings,
    rows,
    warnings,
  };
}

function toListing(
  record: CslRecord,
  source: CslSource,
  warn: Warn,
): SourceListing | { reason: string } {
  const list = listCodeForCslSource(record.source);
  if (list === null) return { reason: `unknown source list "${cleanText(record.source) ?? ''}"` };
  const sourceId = record.id.trim();
  // Ids become part of URLs and listing ids, so only the characters the schema allows pass.
  if (!/^[A-Za-z0-9._-]+$/.test(sourceId)) return { reason: `unusable id "${sourceId}"` };
  const name = cleanText(record.name);
  if (name === null) return { reason: 'no name' };

  const citations = parseFederalRegisterCitations(record.federalRegisterNotice);
  const { identifiers, events: idEvents } = readIds(record.ids, warn);
  return {
    id: `${list.toLowerCase()}-${sourceId}`,
    sourceId,
    list,
    agency: LISTS[list].agency,
    type: readEntityType(record.type, warn),
    name,
    aliases: readAliases(record.altNames, record.remarks, name),
    title: cleanText(record.title),
    addresses: uniqueBy(record.addresses, (address) => address.text),
    nationalities: readCountries(record.nationalities, 'nationalities', warn),
    citizenships: readCountries(record.citizenships, 'citizenships', warn),
    datesOfBirth: cleanAll(record.datesOfBirth),
    placesOfBirth: cleanAll(record.placesOfBirth),
    programs: cleanAll(record.programs),
    licenseRequirement: cleanText(record.licenseRequirement),
    licensePolicy: cleanText(record.licensePolicy),
    citations,
    events: [
      ...readListingEvents(record, citations, warn),
      ...idEvents,
      ...readExpiry(record.endDate, warn),
    ],
    identifiers,
    remarks: cleanText(record.remarks),
    vessel: readVessel(record.vessel),
    standardOrder: parseYesNo(record.standardOrder),
    sourceListUrl: cleanText(record.sourceListUrl),
    sourceInfoUrl: cleanText(record.sourceInformationUrl),
    source: { file: source.file, row: record.row, format: source.format },
  };
}

function readEntityType(value: string | null, warn: Warn): EntityType | null {
  const text = cleanText(value)?.toLowerCase() ?? null;
  if (text === null) return null;
  if ((ENTITY_TYPES as readonly string[]).includes(text)) return text as EntityType;
  warn('type', `unknown entity type "${text}" left out`);
  return null;
}

/** OFAC writes aliases it considers weak inside the remarks: `a.k.a. 'SUGON'`, `a.k.a. "X"`
 * (https://ofac.treasury.gov/faqs/topic/1646). They are worth searching but rank below real akas. */
const WEAK_ALIAS = /a\.k\.a\.,?\s*(?:'([^']+)'|"([^"]+)"|‘([^’]+)’|“([^”]+)”)/g;

function readAliases(altNames: readonly string[], remarks: string | null, name: string): Alias[] {
  const aliases: Alias[] = cleanAll(altNames).map((alias) => ({ name: alias, kind: 'aka' }));
  for (const match of (remarks ?? '').matchAll(WEAK_ALIAS)) {
    const weak = cleanText(match[1] ?? match[2] ?? match[3] ?? match[4]);
    if (weak !== null) aliases.push({ name: weak, kind: 'weak' });
  }
  return dropRepeatedAliases(aliases, name);
}

/** An alias equal to the primary name, or repeating an earlier alias (whatever its kind), adds
 * nothing to a search; compared ignoring case and spacing. */
function dropRepeatedAliases(aliases: readonly Alias[], name: string): Alias[] {
  const seen = new Set([foldName(name)]);
  return aliases.filter((alias) => {
    const key = foldName(alias.name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function foldName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

function readCountries(values: readonly string[], field: string, warn: Warn): string[] {
  const codes: string[] = [];
  for (const value of cleanAll(values)) {
    const code = toCountryCode(value);
    if (code === null) warn(field, `"${value}" is not a country; left out`);
    else if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** The `listed` event from `start_date`, and one `amended` event per other Federal Register
 * citation. A date that is not a real, plausible day gives a warning and no event. */
function readListingEvents(
  record: CslRecord,
  citations: readonly Citation[],
  warn: Warn,
): ListingEvent[] {
  const start = readDate(record.startDate, 'start_date', warn);
  const listingIndex = start === null ? -1 : pickListingCitation(citations, start);
  const events: ListingEvent[] = [];
  if (start !== null) {
    events.push({
      kind: 'listed',
      date: start,
      citation: citations[listingIndex] ?? null,
      from: 'start_date',
    });
  }
  citations.forEach((citation, index) => {
    // Without a start_date the first citation is still the listing notice, not an amendment.
    const isListing = start === null ? index === 0 : index === listingIndex;
    if (isListing) return;
    events.push({
      kind: 'amended',
      date: citation.date,
      citation,
      from: 'federal_register_notice',
    });
  });
  return events;
}

/**
 * Which citation announced the listing. Normally the first written; but DPL rows list dated
 * notices out of order (`67 F.R. 56530 9/4/02 67 F.R. 10890 3/11/02` for an order of 2002-03-04),
 * so when the citations carry dates, it is the earliest one published on or after the start date
 * (a denial order is published in the Federal Register after it is signed).
 */
function pickListingCitation(citations: readonly Citation[], start: string): number {
  let best = -1;
  citations.forEach((citation, index) => {
    if (citation.date === null || citation.date < start) return;
    if (best === -1 || citation.date < citations[best]!.date!) best = index;
  });
  return best === -1 ? 0 : best;
}

function readExpiry(endDate: string | null, warn: Warn): ListingEvent[] {
  const date = readDate(endDate, 'end_date', warn);
  return date === null ? [] : [{ kind: 'expires', date, citation: null, from: 'end_date' }];
}

function readDate(value: string | null, field: string, warn: Warn): string | null {
  const text = cleanText(value);
  if (text === null) return null;
  const date = parseIsoDate(text);
  if (date === null) warn(field, `"${text}" is not a plausible date; no event recorded`);
  return date;
}

/** CMIC dates travel as pseudo-identifiers (`16 Dec 2021, Listing Date (CMIC)`); they are the
 * only listing dates the CMIC list publishes (https://ofac.treasury.gov/faqs/topic/5671). */
const CMIC_DATE_KINDS: Readonly<Record<string, EventKind>> = {
  'listing date (cmic)': 'listed',
  'effective date (cmic)': 'effective',
  'purchase/sales for divestment date (cmic)': 'divestment',
};

/**
 * Identifiers, with the CMIC dates turned into events. `Gender` stays an identifier: it is the
 * only place the CSL states it, and it helps tell apart two individuals of the same name.
 */
function readIds(
  ids: readonly CslId[],
  warn: Warn,
): { identifiers: Identifier[]; events: ListingEvent[] } {
  const identifiers: Identifier[] = [];
  const events: ListingEvent[] = [];
  for (const id of ids) {
    const type = cleanIdType(id.type);
    const value = cleanText(id.value);
    if (type === null || value === null) {
      warn('ids', `identifier "${id.value}, ${id.type}" lacks a type or a value; left out`);
      continue;
    }
    const kind = CMIC_DATE_KINDS[type.toLowerCase()];
    if (kind === undefined) {
      identifiers.push({ type, value, country: toCountryCode(id.country) });
      continue;
    }
    const date = parseDayMonthYear(value) ?? parseIsoDate(value);
    if (date === null) warn('ids', `${type} "${value}" is not a plausible date; no event recorded`);
    else events.push({ kind, date, citation: null, from: 'ids' });
  }
  return { identifiers: uniqueBy(identifiers, identifierKey), events };
}

/** OFAC ends some id types with the punctuation that joined them to their value
 * (`Additional Sanctions Information -`, `Secondary sanctions risk:`); it is not part of the type. */
function cleanIdType(type: string): string | null {
  return cleanText(cleanText(type)?.replace(/\s*[-:]$/, ''));
}

function identifierKey(identifier: Identifier): string {
  return `${identifier.type}\u0000${identifier.value}\u0000${identifier.country ?? ''}`;
}

function readVessel(vessel: Vessel): Vessel | null {
  const cleaned: Vessel = {
    callSign: cleanText(vessel.callSign),
    vesselType: cleanText(vessel.vesselType),
    tonnage: cleanText(vessel.tonnage),
    grossRegisteredTonnage: cleanText(vessel.grossRegisteredTonnage),
    flag: cleanText(vessel.flag),
    owner: cleanText(vessel.owner),
  };
  return Object.values(cleaned).some((value) => value !== null) ? cleaned : null;
}

/** An address written as one string, components joined by ", " (CSV `addresses`). Only the
 * country is read, from the last component; the others are too irregular to name reliably (a
 * postal code or a company suffix can end the string), so they stay null. */
export function addressFromText(value: string): Address | null {
  const text = cleanText(value);
  if (text === null) return null;
  const last = text.split(',').at(-1) ?? '';
  return {
    text,
    street: null,
    city: null,
    region: null,
    postalCode: null,
    country: toCountryCode(last),
  };
}

/** Fold a duplicate row into the listing it repeats: lists are united, a value missing from the
 * first row is taken from the second, and a real disagreement is reported, first row winning. */
function mergeListings(first: SourceListing, second: SourceListing, warn: Warn): SourceListing {
  const aliases = [...first.aliases, ...second.aliases];
  if (foldName(second.name) !== foldName(first.name))
    aliases.push({ name: second.name, kind: 'aka' });
  return {
    ...first,
    type: pickValue('type', first.type, second.type, warn),
    aliases: dropRepeatedAliases(aliases, first.name),
    title: pickValue('title', first.title, second.title, warn),
    addresses: uniqueBy([...first.addresses, ...second.addresses], (address) => address.text),
    nationalities: unique([...first.nationalities, ...second.nationalities]),
    citizenships: unique([...first.citizenships, ...second.citizenships]),
    datesOfBirth: unique([...first.datesOfBirth, ...second.datesOfBirth]),
    placesOfBirth: unique([...first.placesOfBirth, ...second.placesOfBirth]),
    programs: unique([...first.programs, ...second.programs]),
    licenseRequirement: pickValue(
      'license_requirement',
      first.licenseRequirement,
      second.licenseRequirement,
      warn,
    ),
    licensePolicy: pickValue('license_policy', first.licensePolicy, second.licensePolicy, warn),
    citations: uniqueBy([...first.citations, ...second.citations], (citation) => citation.text),
    events: uniqueBy([...first.events, ...second.events], (event) => JSON.stringify(event)),
    identifiers: uniqueBy([...first.identifiers, ...second.identifiers], identifierKey),
    remarks: pickValue('remarks', first.remarks, second.remarks, warn),
    vessel: first.vessel ?? second.vessel,
    standardOrder: pickValue('standard_order', first.standardOrder, second.standardOrder, warn),
    sourceListUrl: pickValue('source_list_url', first.sourceListUrl, second.sourceListUrl, warn),
    sourceInfoUrl: pickValue(
      'source_information_url',
      first.sourceInfoUrl,
      second.sourceInfoUrl,
      warn,
    ),
  };
}

function pickValue<T>(field: string, first: T | null, second: T | null, warn: Warn): T | null {
  if (first !== null && second !== null && first !== second) {
    warn(
      field,
      `duplicate row says "${String(second)}", first row "${String(first)}"; kept the first`,
    );
  }
  return first ?? second;
}

function newestListedDate(listings: readonly SourceListing[]): string | null {
  let newest: string | null = null;
  for (const listing of listings) {
    for (const event of listing.events) {
      if (
        event.kind === 'listed' &&
        event.date !== null &&
        (newest === null || event.date > newest)
      ) {
        newest = event.date;
      }
    }
  }
  return newest;
}

function listsPresent(listings: readonly SourceListing[]): ListCode[] {
  const present = new Set(listings.map((listing) => listing.list));
  return LIST_CODES.filter((code) => present.has(code));
}

function cleanAll(values: readonly string[]): string[] {
  return unique(
    values.map((value) => cleanText(value)).filter((value): value is string => value !== null),
  );
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function uniqueBy<T>(values: readonly T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
