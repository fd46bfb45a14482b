import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import type {
  Address,
  Alias,
  AliasKind,
  Identifier,
  SourceListing,
  ListingEvent,
} from '../../domain/listing';
import { toCountryCode } from '../../domain/countries';
import { addressFromParts, cleanText, parseIsoDate } from '../fields';
import {
  SourceFormatError,
  type AdapterResult,
  type DataWarning,
  type RowRecord,
  type SourceFile,
} from '../types';

/**
 * The UN Security Council Consolidated List in its XML form
 * (https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list, schema
 * https://www.un.org/sc/resources/sc-sanctions.xsd). One listing per INDIVIDUAL or ENTITY.
 */

/** Elements the schema lets repeat. Listed so that a record with one of them still gets an
 * array: fast-xml-parser otherwise turns a single child into a plain value. */
const REPEATABLE = new Set([
  'INDIVIDUAL',
  'ENTITY',
  'INDIVIDUAL_ALIAS',
  'ENTITY_ALIAS',
  'INDIVIDUAL_ADDRESS',
  'ENTITY_ADDRESS',
  'INDIVIDUAL_DATE_OF_BIRTH',
  'INDIVIDUAL_PLACE_OF_BIRTH',
  'INDIVIDUAL_DOCUMENT',
  'VALUE',
]);

const ROOT = 'CONSOLIDATED_LIST';

// ---- the boundary: what a parsed record must look like --------------------------------------

/** An element the file may write empty (`<INDIVIDUAL_DOCUMENT/>`), which the parser gives as ''. */
function element<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.preprocess((value) => (value === '' ? {} : value), z.object(shape));
}

const text = z.string().optional();
const valueList = element({ VALUE: z.array(z.string()).optional() }).optional();

const aliasElement = element({ QUALITY: text, ALIAS_NAME: text });
const addressElement = element({
  STREET: text,
  CITY: text,
  STATE_PROVINCE: text,
  ZIP_CODE: text,
  COUNTRY: text,
});
const dateOfBirthElement = element({
  TYPE_OF_DATE: text,
  DATE: text,
  YEAR: text,
  FROM_YEAR: text,
  TO_YEAR: text,
  NOTE: text,
});
const placeOfBirthElement = element({
  STREET: text,
  CITY: text,
  STATE_PROVINCE: text,
  COUNTRY: text,
  NOTE: text,
});
const documentElement = element({
  TYPE_OF_DOCUMENT: text,
  TYPE_OF_DOCUMENT2: text,
  NUMBER: text,
  ISSUING_COUNTRY: text,
  COUNTRY_OF_ISSUE: text,
  NOTE: text,
});

const recordShape = {
  DATAID: z.string().regex(/^\d+$/, 'expected digits'),
  FIRST_NAME: text,
  SECOND_NAME: text,
  THIRD_NAME: text,
  FOURTH_NAME: text,
  UN_LIST_TYPE: text,
  REFERENCE_NUMBER: text,
  LISTED_ON: text,
  COMMENTS1: text,
  NAME_ORIGINAL_SCRIPT: text,
  TITLE: valueList,
  NATIONALITY: valueList,
  LAST_DAY_UPDATED: valueList,
};

const individualSchema = z.object({
  ...recordShape,
  INDIVIDUAL_ALIAS: z.array(aliasElement).optional(),
  INDIVIDUAL_ADDRESS: z.array(addressElement).optional(),
  INDIVIDUAL_DATE_OF_BIRTH: z.array(dateOfBirthElement).optional(),
  INDIVIDUAL_PLACE_OF_BIRTH: z.array(placeOfBirthElement).optional(),
  INDIVIDUAL_DOCUMENT: z.array(documentElement).optional(),
});

const entitySchema = z.object({
  ...recordShape,
  ENTITY_ALIAS: z.array(aliasElement).optional(),
  ENTITY_ADDRESS: z.array(addressElement).optional(),
});

/** Records are checked one by one below, so that an error can name the record. */
const rootSchema = z.object({
  [ROOT]: z.object({
    '@_dateGenerated': z.string().optional(),
    INDIVIDUALS: element({ INDIVIDUAL: z.array(z.unknown()).optional() }).optional(),
    ENTITIES: element({ ENTITY: z.array(z.unknown()).optional() }).optional(),
  }),
});

type AliasElement = z.infer<typeof aliasElement>;
type AddressElement = z.infer<typeof addressElement>;
type DateOfBirthElement = z.infer<typeof dateOfBirthElement>;
type PlaceOfBirthElement = z.infer<typeof placeOfBirthElement>;
type DocumentElement = z.infer<typeof documentElement>;
type ValueList = z.infer<typeof valueList>;

/** One INDIVIDUAL or ENTITY after validation, with the parts both kinds share under one name. */
interface UnRecord {
  readonly row: number;
  readonly type: 'individual' | 'entity';
  readonly fields: z.infer<typeof entitySchema>;
  readonly aliases: readonly AliasElement[];
  readonly addresses: readonly AddressElement[];
  readonly datesOfBirth: readonly DateOfBirthElement[];
  readonly placesOfBirth: readonly PlaceOfBirthElement[];
  readonly documents: readonly DocumentElement[];
}

// ---- reading ----------------------------------------------------------------------------------

export function readUnXml(file: Pick<SourceFile, 'id' | 'bytes'>): AdapterResult {
  const xml = decodeUtf8(file.id, file.bytes);
  const root = parseRoot(file.id, xml);
  const records = validateRecords(file.id, root);
  const warnings: DataWarning[] = [];
  const rows: RowRecord[] = [];
  const listings: SourceListing[] = [];
  const seen = new Set<string>();

  for (const record of records) {
    const id = `un-${record.fields.DATAID}`;
    const name = joinName(record);
    if (seen.has(id)) {
      rows.push(reject(file.id, record.row, `duplicate DATAID ${record.fields.DATAID}`));
    } else if (name === null) {
      rows.push(reject(file.id, record.row, 'no name'));
    } else {
      seen.add(id);
      listings.push(buildListing(file.id, record, id, name, warnings));
      rows.push({ file: file.id, row: record.row, outcome: { kind: 'written', listingIds: [id] } });
    }
  }

  const asOf = readDateGenerated(root[ROOT]['@_dateGenerated']);
  return {
    format: 'un-xml',
    sourceName: 'un',
    files: [file.id],
    rowCounts: { [file.id]: records.length },
    asOf,
    asOfBasis:
      asOf === null
        ? 'no readable dateGenerated attribute'
        : 'dateGenerated attribute of CONSOLIDATED_LIST',
    complete: true,
    lists: ['UN'],
    listings,
    rows,
    warnings,
  };
}

function decodeUtf8(fileId: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SourceFormatError(fileId, null, null, 'not valid UTF-8');
  }
}

/** fast-xml-parser forgives unclosed and mismatched tags, so the text is checked first: a
 * truncated download must fail loudly rather than yield a shorter list. */
function parseRoot(fileId: string, xml: string): z.infer<typeof rootSchema> {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) throw describeMalformedXml(fileId, xml, validation.err);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    // DATAIDs and years stay text: a number would drop leading zeros and invite arithmetic.
    parseTagValue: false,
    isArray: (tagName) => REPEATABLE.has(tagName),
  });
  const parsed: unknown = parser.parse(xml);
  const result = rootSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const missingRoot = issue?.path.length === 1 && issue.path[0] === ROOT;
    throw new SourceFormatError(
      fileId,
      null,
      issue ? issue.path.join('.') || ROOT : ROOT,
      missingRoot ? `missing root element <${ROOT}>` : (issue?.message ?? 'unexpected structure'),
    );
  }
  return result.data;
}

interface XmlProblem {
  readonly code: string;
  readonly msg: string;
  readonly line: number;
  readonly col: number;
}

/**
 * Elements left open (a truncated download) are reported as `InvalidXml` at line 1, listing the
 * open tags; the break is then at the end of the file, in the last record opened. Any other
 * problem has its own line, and the record is the last one opened before it.
 */
function describeMalformedXml(fileId: string, xml: string, problem: XmlProblem): SourceFormatError {
  const isUnclosed = problem.code === 'InvalidXml' && problem.msg.startsWith("Invalid '[");
  if (isUnclosed) {
    return new SourceFormatError(
      fileId,
      countRecordsBefore(xml, Number.POSITIVE_INFINITY),
      null,
      'malformed XML: the file ends before its elements are closed (truncated?)',
    );
  }
  return new SourceFormatError(
    fileId,
    countRecordsBefore(xml, problem.line),
    null,
    `malformed XML at line ${problem.line}, column ${problem.col}: ${problem.msg}`,
  );
}

/** The number of the record an XML error falls in: records opened up to that line. */
function countRecordsBefore(xml: string, line: number): number | null {
  const before = Number.isFinite(line) ? xml.split('\n').slice(0, line).join('\n') : xml;
  const count = before.match(/<(INDIVIDUAL|ENTITY)[\s>]/g)?.length ?? 0;
  return count === 0 ? null : count;
}

/** The XSD puts INDIVIDUALS before ENTITIES, so this numbering is document order. */
function validateRecords(fileId: string, root: z.infer<typeof rootSchema>): UnRecord[] {
  const individuals = root[ROOT].INDIVIDUALS?.INDIVIDUAL ?? [];
  const entities = root[ROOT].ENTITIES?.ENTITY ?? [];
  const records: UnRecord[] = [];
  individuals.forEach((raw, index) => {
    const fields = checkRecord(fileId, index + 1, individualSchema, raw);
    records.push({
      row: index + 1,
      type: 'individual',
      fields,
      aliases: fields.INDIVIDUAL_ALIAS ?? [],
      addresses: fields.INDIVIDUAL_ADDRESS ?? [],
      datesOfBirth: fields.INDIVIDUAL_DATE_OF_BIRTH ?? [],
      placesOfBirth: fields.INDIVIDUAL_PLACE_OF_BIRTH ?? [],
      documents: fields.INDIVIDUAL_DOCUMENT ?? [],
    });
  });
  entities.forEach((raw, index) => {
    const row = individuals.length + index + 1;
    const fields = checkRecord(fileId, row, entitySchema, raw);
    records.push({
      row,
      type: 'entity',
      fields,
      aliases: fields.ENTITY_ALIAS ?? [],
      addresses: fields.ENTITY_ADDRESS ?? [],
      datesOfBirth: [],
      placesOfBirth: [],
      documents: [],
    });
  });
  return records;
}

function checkRecord<Schema extends z.ZodType>(
  fileId: string,
  row: number,
  schema: Schema,
  raw: unknown,
): z.infer<Schema> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new SourceFormatError(
    fileId,
    row,
    issue?.path.join('.') || null,
    issue?.message ?? 'unexpected record structure',
  );
}

// ---- building a listing -----------------------------------------------------------------------

function buildListing(
  fileId: string,
  record: UnRecord,
  id: string,
  name: string,
  warnings: DataWarning[],
): SourceListing {
  const fields = record.fields;
  return {
    id,
    sourceId: fields.DATAID,
    list: 'UN',
    agency: 'un',
    type: record.type,
    name,
    aliases: collectAliases(record, name),
    title: joinValues(fields.TITLE, '; '),
    addresses: record.addresses
      .map((address) => buildAddress(fileId, record.row, address, warnings))
      .filter((address): address is Address => address !== null),
    nationalities: readNationalities(fileId, record.row, fields.NATIONALITY, warnings),
    citizenships: [],
    datesOfBirth: record.datesOfBirth
      .map(formatDateOfBirth)
      .filter((value): value is string => value !== null),
    placesOfBirth: record.placesOfBirth
      .map(formatPlaceOfBirth)
      .filter((value): value is string => value !== null),
    programs: [cleanText(fields.UN_LIST_TYPE)].filter((value): value is string => value !== null),
    licenseRequirement: null,
    licensePolicy: null,
    citations: [],
    events: buildEvents(fileId, record.row, fields, warnings),
    identifiers: collectIdentifiers(record),
    remarks: cleanText(fields.COMMENTS1),
    vessel: null,
    standardOrder: null,
    sourceListUrl: null,
    sourceInfoUrl: null,
    source: { file: fileId, row: record.row, format: 'un-xml' },
  };
}

function joinName(record: UnRecord): string | null {
  const { FIRST_NAME, SECOND_NAME, THIRD_NAME, FOURTH_NAME } = record.fields;
  // Entities carry their whole name in FIRST_NAME; the other parts are simply absent.
  const parts = [FIRST_NAME, SECOND_NAME, THIRD_NAME, FOURTH_NAME]
    .map((part) => cleanText(part))
    .filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.join(' ');
}

/**
 * Aliases in file order, then the name in its original script. Empty `<ALIAS_NAME/>` elements
 * are placeholders and are skipped; an alias repeated with the same quality (the real file
 * has ten such) is kept once.
 */
function collectAliases(record: UnRecord, name: string): Alias[] {
  const aliases: Alias[] = [];
  const seen = new Set<string>([`aka|${name}`]);
  const add = (alias: Alias) => {
    const key = `${alias.kind}|${alias.name}`;
    if (!seen.has(key)) {
      seen.add(key);
      aliases.push(alias);
    }
  };
  for (const element of record.aliases) {
    const aliasName = cleanText(element.ALIAS_NAME);
    if (aliasName !== null) add({ name: aliasName, kind: toAliasKind(element.QUALITY) });
  }
  const original = cleanText(record.fields.NAME_ORIGINAL_SCRIPT);
  if (original !== null) add({ name: original, kind: 'aka' });
  return aliases;
}

/** UN qualities: `Good`/`a.k.a.` and empty are plain a.k.a.s; `Low` is what the UN calls a low
 * quality alias (our `weak`); `f.k.a.` a former name. */
function toAliasKind(quality: string | undefined): AliasKind {
  const value = cleanText(quality)?.toLowerCase();
  if (value === 'low') return 'weak';
  if (value === 'f.k.a.') return 'fka';
  return 'aka';
}

function joinValues(list: ValueList, separator: string): string | null {
  const values = (list?.VALUE ?? [])
    .map((value) => cleanText(value))
    .filter((value): value is string => value !== null);
  return values.length === 0 ? null : values.join(separator);
}

function buildAddress(
  fileId: string,
  row: number,
  element: AddressElement,
  warnings: DataWarning[],
): Address | null {
  return addressFromParts(
    {
      street: element.STREET,
      city: element.CITY,
      region: element.STATE_PROVINCE,
      postalCode: element.ZIP_CODE,
      country: element.COUNTRY,
    },
    (countryText) => readCountry(fileId, row, 'COUNTRY', countryText, warnings),
  );
}

function readNationalities(
  fileId: string,
  row: number,
  list: ValueList,
  warnings: DataWarning[],
): string[] {
  const codes = new Set<string>();
  for (const value of list?.VALUE ?? []) {
    const code = readCountry(fileId, row, 'NATIONALITY', cleanText(value), warnings);
    if (code !== null) codes.add(code);
  }
  return [...codes];
}

/** A country name as the UN writes it; `former Soviet Union` or `na` stay out, with a warning. */
function readCountry(
  fileId: string,
  row: number,
  field: string,
  value: string | null,
  warnings: DataWarning[],
): string | null {
  if (value === null) return null;
  const code = toCountryCode(value);
  if (code === null)
    warnings.push({ file: fileId, row, field, message: `not a country: "${value}"` });
  return code;
}

/** Written the way the CSL writes dates of birth (`1971`, `circa 1971`, `1973 to 1974`), so
 * both sources read alike; a note such as `Nov. 1973` stands in when there is no date. */
function formatDateOfBirth(element: DateOfBirthElement): string | null {
  const date = cleanText(element.DATE);
  const year = cleanText(element.YEAR);
  const from = cleanText(element.FROM_YEAR);
  const to = cleanText(element.TO_YEAR);
  const isApproximate = cleanText(element.TYPE_OF_DATE)?.toUpperCase() === 'APPROXIMATELY';
  if (from !== null && to !== null) return `${from} to ${to}`;
  const single = date === null ? (year ?? from ?? to) : (readXmlDate(date) ?? date);
  if (single !== null) return isApproximate ? `circa ${single}` : single;
  return cleanText(element.NOTE);
}

function formatPlaceOfBirth(element: PlaceOfBirthElement): string | null {
  const parts = [element.STREET, element.CITY, element.STATE_PROVINCE, element.COUNTRY]
    .map((part) => cleanText(part))
    .filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(', ') : cleanText(element.NOTE);
}

/** The UN reference number (`QDi.001`), then each travel or identity document. A document
 * without a NUMBER keeps its NOTE, where the UN often writes the number in prose. */
function collectIdentifiers(record: UnRecord): Identifier[] {
  const identifiers: Identifier[] = [];
  const reference = cleanText(record.fields.REFERENCE_NUMBER);
  if (reference !== null) {
    identifiers.push({ type: 'UN reference number', value: reference, country: null });
  }
  for (const element of record.documents) {
    const identifier = buildDocumentIdentifier(element);
    if (identifier !== null) identifiers.push(identifier);
  }
  return identifiers;
}

function buildDocumentIdentifier(element: DocumentElement): Identifier | null {
  const value = cleanText(element.NUMBER) ?? cleanText(element.NOTE);
  if (value === null) return null;
  const type = cleanText(element.TYPE_OF_DOCUMENT) ?? 'Document';
  const subtype = cleanText(element.TYPE_OF_DOCUMENT2);
  return {
    type: subtype === null ? type : `${type} (${subtype})`,
    value,
    country: toCountryCode(
      cleanText(element.ISSUING_COUNTRY) ?? cleanText(element.COUNTRY_OF_ISSUE),
    ),
  };
}

/** LISTED_ON → `listed`; every LAST_DAY_UPDATED value → `amended` (the UN publishes no
 * citation for either). */
function buildEvents(
  fileId: string,
  row: number,
  fields: UnRecord['fields'],
  warnings: DataWarning[],
): ListingEvent[] {
  const events: ListingEvent[] = [];
  const listed = readEventDate(fileId, row, 'LISTED_ON', fields.LISTED_ON, warnings);
  if (listed !== null)
    events.push({ kind: 'listed', date: listed, citation: null, from: 'LISTED_ON' });
  for (const value of fields.LAST_DAY_UPDATED?.VALUE ?? []) {
    const date = readEventDate(fileId, row, 'LAST_DAY_UPDATED', value, warnings);
    if (date !== null) {
      events.push({ kind: 'amended', date, citation: null, from: 'LAST_DAY_UPDATED' });
    }
  }
  return events;
}

function readEventDate(
  fileId: string,
  row: number,
  field: string,
  value: string | undefined,
  warnings: DataWarning[],
): string | null {
  const raw = cleanText(value);
  if (raw === null) return null;
  const date = readXmlDate(raw);
  if (date === null)
    warnings.push({ file: fileId, row, field, message: `not a real date: "${raw}"` });
  return date;
}

/** An xs:date, which may carry a time zone: the real file has `2015-04-07-04:00`. The calendar
 * day as written is the date the Committee gave. */
function readXmlDate(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$/.exec(value.trim());
  return match ? parseIsoDate(match[1]) : null;
}

/** `2026-02-27T00:00:09.554Z` → `2026-02-27`. */
function readDateGenerated(value: string | undefined): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T|$)/.exec(value?.trim() ?? '');
  return match ? parseIsoDate(match[1]) : null;
}

function reject(file: string, row: number, reason: string): RowRecord {
  return { file, row, outcome: { kind: 'rejected', reason } };
}
