import { parse } from 'csv-parse/sync';
import { toCountryCode } from '../../domain/countries';
import type {
  Address,
  Alias,
  EntityType,
  Identifier,
  SourceListing,
  ListingEvent,
  Vessel,
} from '../../domain/listing';
import { LIST_CODES, LISTS, type ListCode } from '../../domain/lists';
import { cleanText, parseDayMonthYear } from '../fields';
import { SourceFormatError, type AdapterResult, type DataWarning, type RowRecord } from '../types';

/**
 * OFAC's legacy CSV file sets: the SDN list (`sdn.csv`, `add.csv`, `alt.csv`, `sdn_comments.csv`)
 * and the Consolidated non-SDN list (`cons_prim.csv`, `cons_add.csv`, `cons_alt.csv`,
 * `cons_comments.csv`), described at https://ofac.treasury.gov/sdn-list-data-formats-data-schemas
 * ("legacy" delimited files). No header row, CRLF, `-0- ` for null, a Ctrl-Z after the last line.
 * Pure: bytes in, listings and a row-by-row account out.
 */

export const OFAC_FILE_ROLES = ['primary', 'addresses', 'aliases', 'comments'] as const;
export type OfacFileRole = (typeof OFAC_FILE_ROLES)[number];

export const OFAC_LIST_KINDS = ['sdn', 'cons'] as const;
export type OfacListKind = (typeof OFAC_LIST_KINDS)[number];

export interface OfacFileBytes {
  readonly id: string;
  readonly bytes: Uint8Array;
}

export interface OfacCsvSet {
  readonly primary: OfacFileBytes;
  readonly addresses?: OfacFileBytes;
  readonly aliases?: OfacFileBytes;
  readonly comments?: OfacFileBytes;
}

/** Column names as OFAC's data specification names them; the files themselves carry no header. */
const COLUMNS = {
  primary: [
    'ent_num',
    'SDN_Name',
    'SDN_Type',
    'Program',
    'Title',
    'Call_Sign',
    'Vess_type',
    'Tonnage',
    'GRT',
    'Vess_flag',
    'Vess_owner',
    'Remarks',
  ],
  addresses: [
    'ent_num',
    'Add_num',
    'Address',
    'City/State/Province/Postal Code',
    'Country',
    'Add_remarks',
  ],
  aliases: ['ent_num', 'alt_num', 'alt_type', 'alt_name', 'alt_remarks'],
  comments: ['ent_num', 'Remarks_Extension'],
} as const satisfies Record<OfacFileRole, readonly string[]>;

/** OFAC cuts `Remarks` at this many characters and continues it in the comments file. */
const REMARKS_LIMIT = 1000;

const CTRL_Z = '\u001a';

const LIST_PAGE: Record<OfacListKind, string> = {
  sdn: 'https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists',
  cons: 'https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists',
};

type Cell = string | null;

interface CsvRecord {
  /** 1-based data record number (there is no header). */
  readonly row: number;
  readonly cells: readonly Cell[];
}

// ---------------------------------------------------------------------------------------------
// Reading the files

/** ASCII in practice; decode as UTF-8 (a superset) and fall back to Latin-1 rather than fail. */
function decodeBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** OFAC ends each file with a DOS end-of-file byte after the last CRLF; it is not a record. */
function stripEndOfFile(text: string): string {
  const end = text.lastIndexOf(CTRL_Z);
  return end >= 0 && text.slice(end + 1).trim() === '' ? text.slice(0, end) : text;
}

/** `-0- ` (with its space) is OFAC's null. OFAC never quotes it and no real value is `-0-`, so
 * the text alone decides (csv-parse does not say whether a field was quoted). */
function toCell(value: string): Cell {
  return value.trim() === '-0-' ? null : value;
}

function parseCsvText(file: OfacFileBytes): string[][] {
  try {
    return parse(stripEndOfFile(decodeBytes(file.bytes)), {
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw new SourceFormatError(
      file.id,
      typeof line === 'number' ? line : null,
      null,
      `not readable as CSV: ${(error as Error).message}`,
    );
  }
}

/** Parse one file of the set and check every record has its role's column count. */
function readRecords(file: OfacFileBytes, role: OfacFileRole): CsvRecord[] {
  const columns = COLUMNS[role];
  return parseCsvText(file).map((values, index) => {
    const row = index + 1;
    if (values.length !== columns.length) {
      throw new SourceFormatError(
        file.id,
        row,
        columns[Math.min(values.length, columns.length - 1)] ?? null,
        `expected ${columns.length} columns (${role} file), found ${values.length}`,
      );
    }
    return { row, cells: values.map(toCell) };
  });
}

function readEntNum(file: OfacFileBytes, record: CsvRecord): string {
  const value = record.cells[0]?.trim() ?? '';
  if (!/^\d+$/.test(value)) {
    throw new SourceFormatError(
      file.id,
      record.row,
      'ent_num',
      `expected a whole number, found "${value}"`,
    );
  }
  return String(Number(value));
}

// ---------------------------------------------------------------------------------------------
// Recognising a file by its shape

/**
 * Which file of an OFAC legacy set these bytes are, from the first record's shape: column count,
 * a numeric ent_num (so a file with a header row is not taken for one), and, for the 5- and
 * 6-column files, a numeric second column and an aka/fka/nka type. Null for anything else.
 */
export function detectOfacFile(bytes: Uint8Array): OfacFileRole | null {
  const values = readFirstRecord(bytes);
  if (values === null || !/^\d+$/.test(values[0] ?? '')) return null;
  const second = values[1] ?? '';
  switch (values.length) {
    case COLUMNS.primary.length:
      return 'primary';
    case COLUMNS.addresses.length:
      return /^\d+$/.test(second) ? 'addresses' : null;
    case COLUMNS.aliases.length:
      return /^\d+$/.test(second) && isAliasType(normalizeAliasType(values[2])) ? 'aliases' : null;
    case COLUMNS.comments.length:
      return 'comments';
    default:
      return null;
  }
}

function readFirstRecord(bytes: Uint8Array): string[] | null {
  // Records never span lines in these files, so the first line is the first record.
  const newline = bytes.indexOf(0x0a);
  const head = stripEndOfFile(decodeBytes(newline >= 0 ? bytes.subarray(0, newline + 1) : bytes));
  try {
    const [first] = parse(head, { relax_column_count: true }) as string[][];
    return first ?? null;
  } catch {
    return null;
  }
}

const ALIAS_TYPES = ['aka', 'fka', 'nka'] as const;
type AliasType = (typeof ALIAS_TYPES)[number];

/** OFAC writes `aka`; lower-case it anyway so an `AKA` does not lose the alias. */
function normalizeAliasType(value: Cell | undefined): string {
  return value?.trim().toLowerCase() ?? '';
}

function isAliasType(value: string): value is AliasType {
  return (ALIAS_TYPES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Remarks: a `; `-separated bag of facts

/** Facts read out of `Remarks`. Dated facts name the list they date (a CMIC Listing Date is not
 * an SDN designation date), so each event goes only to the listing on that list. */
export interface RemarkFacts {
  readonly datesOfBirth: string[];
  readonly placesOfBirth: string[];
  readonly nationalities: string[];
  readonly citizenships: string[];
  readonly identifiers: Identifier[];
  readonly weakAliases: string[];
  readonly events: { readonly list: ListCode; readonly event: ListingEvent }[];
  /** Facts that looked like something we read but could not be: become DataWarnings. */
  readonly problems: { readonly fact: string; readonly message: string }[];
}

/**
 * Identifier labels as OFAC writes them before the value (`Passport A123 (Iran)`). Taken from the
 * `ids` of the trade.gov CSL, which carries the same OFAC facts. Descriptive facts (Aircraft Model,
 * Target Type, Organization Established Date, sanctions information) are not identifiers and stay
 * in `remarks` only.
 */
const IDENTIFIER_TYPES = [
  'Passport',
  'Diplomatic Passport',
  'British National Overseas Passport',
  'Stateless Person Passport',
  'Stateless Person ID Card',
  'National ID No.',
  'National Foreign ID Number',
  'Personal ID Card',
  'Tax ID No.',
  'Registration Number',
  'Registration ID',
  'Public Registration Number',
  'Identification Number',
  'Cedula No.',
  'NIT #',
  'C.U.R.P.',
  'R.F.C.',
  'RFC',
  'RUC #',
  'RIF #',
  'D.N.I.',
  'C.U.I.',
  'C.U.I.T.',
  'C.U.I.P.',
  'C.I.F.',
  'C.R. No.',
  'Romanian C.R.',
  'I.F.E.',
  'N.I.E.',
  'Credencial electoral',
  'Electoral Registry No.',
  'Cartilla de Servicio Militar Nacional',
  'Government Gazette Number',
  'Vessel Registration Identification',
  'MMSI',
  "Aircraft Manufacturer's Serial Number (MSN)",
  'Aircraft Construction Number (also called L/N or S/N or F/N)',
  'Aircraft Tail Number',
  'Previous Aircraft Tail Number',
  'Aircraft Serial Identification',
  'Aircraft Mode S Transponder Code',
  'Company Number',
  'UK Company Number',
  'Commercial Registry Number',
  'Business Registration Number',
  'Business Registration Document #',
  'Business Number',
  'Enterprise Number',
  'Certificate of Incorporation Number',
  'Chamber of Commerce Number',
  'Dubai Chamber of Commerce Membership No.',
  'Istanbul Chamber of Comm. No.',
  'Trade License No.',
  'Tourism License No.',
  'License',
  'Matricula Mercantil No',
  'Folio Mercantil No.',
  'Economic Register Number (CBLS)',
  'Legal Entity Number',
  'LE Number',
  'D-U-N-S Number',
  'BIK (RU)',
  'SWIFT/BIC',
  'ISIN',
  'Equity Ticker',
  'MICEX Code',
  'Unified Social Credit Code (USCC)',
  'United Social Credit Code Certificate (USCCC)',
  'Chinese Commercial Code',
  'V.A.T. Number',
  'US FEIN',
  'SSN',
  'Italian Fiscal Code',
  'Fiscal Code',
  'CNP (Personal Numerical Code)',
  'Romanian Tax Registration',
  'Romanian Permanent Resident',
  'Paraguayan tax identification number',
  'Numero Unico de Identificacao Tributaria (NUIT)',
  "Driver's License No.",
  'Birth Certificate Number',
  'Residency Number',
  'Registered Charity No.',
  'Branch Unit Number',
  'Turkish Identification Number',
  "Citizen's Card Number",
  'Numero de Identidad',
  'Travel Document Number',
  'Kenyan ID No.',
  'Bosnian Personal ID No.',
  'Moroccan Personal ID No.',
  'Tazkira National ID Card',
  'Refugee ID Card',
  'UAE Identification',
  'Public Security and Immigration No.',
  'Immigration No.',
  'SRE Permit No.',
  "Seafarer's Identification Document",
  'Pilot License Number',
  'Afghan Money Service Provider License Number',
  'MSB Registration Number',
  'Central Registration System Number',
  'RSIN',
  'RTN',
  'File Number',
  'Serial No.',
  'VisaNumberID',
  'UN/LOCODE',
  'Website',
  'Email Address',
  'Phone Number',
  'Telephone',
  'Fax',
] as const;

// Longest first, so `Passport` does not swallow `Passport No.`-style longer labels.
const IDENTIFIER_PREFIXES = [...IDENTIFIER_TYPES].sort((a, b) => b.length - a.length);

const CMIC_EVENTS: Record<string, ListingEvent['kind']> = {
  'Listing Date': 'listed',
  'Effective Date': 'effective',
  'Purchase/Sales For Divestment Date': 'divestment',
};

function emptyFacts(): RemarkFacts {
  return {
    datesOfBirth: [],
    placesOfBirth: [],
    nationalities: [],
    citizenships: [],
    identifiers: [],
    weakAliases: [],
    events: [],
    problems: [],
  };
}

/** Split `Remarks` into facts: on exactly `; ` (a bare `;` occurs inside values), dropping the
 * `alt. ` that marks a second value of the same kind and the full stop closing the text. */
export function splitRemarks(remarks: string | null): string[] {
  if (remarks === null) return [];
  return remarks
    .split('; ')
    .map((fact) =>
      fact
        .trim()
        .replace(/^alt\.\s+/, '')
        .replace(/\.$/, '')
        .trim(),
    )
    .filter((fact) => fact !== '');
}

export function readRemarkFacts(remarks: string | null): RemarkFacts {
  const facts = emptyFacts();
  for (const fact of splitRemarks(remarks)) readFact(fact, facts);
  return facts;
}

function readFact(fact: string, facts: RemarkFacts): void {
  const weak = /^[afn]\.k\.a\.\s+'(.*)'$/.exec(fact);
  if (weak) {
    const name = cleanText(weak[1]);
    if (name) facts.weakAliases.push(name);
    return;
  }
  const labelled = /^(DOB|POB|nationality|citizen|Gender) (.+)$/.exec(fact);
  if (labelled) return readPersonalFact(labelled[1]!, labelled[2]!, fact, facts);
  const cmic =
    /^(Listing Date|Effective Date|Purchase\/Sales For Divestment Date) \(CMIC\):? (.+)$/.exec(
      fact,
    );
  if (cmic) return pushDatedFact('CMIC', CMIC_EVENTS[cmic[1]!]!, cmic[2]!, fact, facts);
  const directive = /^(Listing|Effective) Date \(EO (\d+) Directive ([0-9a-z]+)\):? (.+)$/.exec(
    fact,
  );
  if (directive) {
    const list = listOfDirective(directive[2]!, directive[3]!);
    const kind = directive[1] === 'Listing' ? 'listed' : 'effective';
    if (list) pushDatedFact(list, kind, directive[4]!, fact, facts);
    return;
  }
  const identifier = readIdentifier(fact);
  if (identifier) facts.identifiers.push(identifier);
}

function readPersonalFact(label: string, value: string, fact: string, facts: RemarkFacts): void {
  switch (label) {
    case 'DOB':
      facts.datesOfBirth.push(normalizeBirthDate(value));
      return;
    case 'POB':
      facts.placesOfBirth.push(value);
      return;
    case 'Gender':
      // Schema 1 has no gender field; the CSL carries it among the ids (`Male, Gender`), so do we.
      facts.identifiers.push({ type: 'Gender', value, country: null });
      return;
    default: {
      const code = toCountryCode(value);
      if (code === null) {
        facts.problems.push({ fact, message: `${label} "${value}" is not a country we recognise` });
      } else {
        (label === 'nationality' ? facts.nationalities : facts.citizenships).push(code);
      }
    }
  }
}

function pushDatedFact(
  list: ListCode,
  kind: ListingEvent['kind'],
  value: string,
  fact: string,
  facts: RemarkFacts,
): void {
  const date = parseDayMonthYear(value);
  if (date === null) {
    facts.problems.push({ fact, message: `"${value}" is not a date` });
    return;
  }
  facts.events.push({ list, event: { kind, date, citation: null, from: 'Remarks' } });
}

/**
 * The non-SDN list a dated directive fact belongs to. EO 14024 Directive 2 is the CAPTA directive
 * (correspondent and payable-through accounts); Directives 1a, 3 and 4 under EO 14024 and the
 * Burma EO 14014 directives are menu-based sanctions (NS-MBS). See
 * https://ofac.treasury.gov/sanctions-programs-and-country-information/russian-harmful-foreign-activities-sanctions#directives
 */
function listOfDirective(order: string, directive: string): ListCode | null {
  if (order === '14024') {
    if (directive === '2') return 'CAP';
    return ['1a', '3', '4'].includes(directive) ? 'MBS' : null;
  }
  return order === '14014' ? 'MBS' : null;
}

/** Dates inside a DOB in ISO form, the words around them kept: `25 Jan 1947` → `1947-01-25`,
 * `Nov 1950` → `1950-11`, `circa 12 Jul 1970` → `circa 1970-07-12`, `01 Jan 1950 to 31 Dec 1950`
 * → `1950-01-01 to 1950-12-31`; `1962`, `circa 1946`, `1955 to 1957` are already as the CSL writes
 * them. A token that is not a real date stays as written. */
export function normalizeBirthDate(value: string): string {
  return value.replace(
    /\b(?:(\d{1,2}) )?([A-Za-z]{3}) (\d{4})\b/g,
    (text, day: string | undefined, month: string, year: string) => {
      if (day !== undefined) return parseDayMonthYear(text) ?? text;
      return parseDayMonthYear(`1 ${month} ${year}`)?.slice(0, 7) ?? text;
    },
  );
}

function readIdentifier(fact: string): Identifier | null {
  const currency = /^(Digital Currency Address - [A-Z0-9]+) (.+)$/.exec(fact);
  if (currency) return { type: currency[1]!, value: currency[2]!, country: null };
  const type = IDENTIFIER_PREFIXES.find((prefix) => fact.startsWith(`${prefix} `));
  if (!type) return null;
  const { value, country } = splitValueAndCountry(fact.slice(type.length + 1).trim());
  return value ? { type, value, country } : null;
}

/** `A123 (Iran) expires 01 Jan 2020` → value `A123`, country IR. Issue and expiry dates stay in
 * `remarks`. A bracket that is not a country (`K357514(4)`) stays part of the value. */
function splitValueAndCountry(text: string): { value: string; country: string | null } {
  const bracketed = /^(.+?) \(([^()]+)\)(.*)$/.exec(text);
  const country = bracketed ? toCountryCode(bracketed[2]) : null;
  if (bracketed && country) return { value: bracketed[1]!.trim(), country };
  return { value: text.replace(/ (issued|expires) .*$/, '').trim(), country: null };
}

// ---------------------------------------------------------------------------------------------
// Which lists an entry is on

/** Program tags: `SDGT] [NS-PLC` (the brackets between several tags are all that is written). */
export function splitPrograms(value: Cell): string[] {
  if (value === null) return [];
  return value
    .replace(/^\s*\[/, '')
    .replace(/\]\s*$/, '')
    .split('] [')
    .map((program) => cleanText(program))
    .filter((program): program is string => program !== null);
}

export interface ConsolidatedLists {
  readonly lists: ListCode[];
  /** True when no marker named a list and NS-MBS was chosen as the only list left. */
  readonly byElimination: boolean;
}

const CAP_REMARKS =
  /\(EO 14024 Directive 2\)|Executive Order 14024 Directive Information:? Subject to Directive 2\b|correspondent account or a payable-through account/;
const MBS_REMARKS =
  /\(EO 14024 Directive (?:1a|3|4)\)|Executive Order 14024 Directive Information:? Subject to Directive (?:1a|3|4)\b|Executive Order 14014 Directive|\(EO 14014 Directive|CAATSA Section \d+ Information|Executive Order 14059 information|Executive Order 13846 information|IFCA Determination/;

/**
 * Which non-SDN lists an entry of the Consolidated list (`cons_prim.csv`) is on. The legacy CSV has
 * no list column (the XML formats do); OFAC's page on the Consolidated Sanctions List,
 * https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists, names the lists it merges —
 * FSE, SSI, NS-PLC, CAPTA, NS-MBS and NS-CMIC — and each leaves a mark in the programs or remarks:
 * - FSE: a program `FSE-…` (FSE-IR, FSE-SY…).
 * - SSI: program `UKRAINE-EO13662` (the SSI directives under EO 13662), or an
 *   "Executive Order 13662 Directive Determination" remark.
 * - PLC: program `NS-PLC`.
 * - CMIC: program `CMIC-EO13959` (or `NS-CMIC-EO13959`), or a `(CMIC)` date.
 * - CAP (CAPTA): program `561-Related` (31 CFR 561.201 Iran CAPTA), or EO 14024 Directive 2 (the
 *   Russia CAPTA directive), or the CAPTA prohibition text in the remarks.
 * - MBS: program `CAATSA - RUSSIA`, or a menu-based sanction in the remarks: EO 14024 Directives
 *   1a/3/4, EO 14014 (Burma) directives, CAATSA section information, EO 14059 / EO 13846
 *   information, IFCA determinations.
 * - An entry with no mark at all is on NS-MBS by elimination (it is the list OFAC uses for
 *   menu-based sanctions under any authority) and the caller warns about it.
 * A RUSSIA-EO14024 program alone is not a mark: next to UKRAINE-EO13662 it usually records the
 * party's blocking (SDN listing) under EO 14024, and only a directive fact says NS-MBS or CAPTA.
 *
 * Checked against the trade.gov CSL export of May 2022 (which names each row's list): of the 440
 * ent_nums of the 2025 cons_prim.csv that the CSL also carries, 414 get exactly the CSL's lists.
 * The other 26 are CAPTA: 25 VTB/VEB-group banks the CSL had on CAPTA carry no CAPTA mark in the
 * 2025 remarks, and Sberbank, which the CSL left off CAPTA, carries an EO 14024 Directive 2 date.
 */
export function assignConsolidatedLists(
  programs: readonly string[],
  remarks: string | null,
): ConsolidatedLists {
  const text = remarks ?? '';
  const marks: Partial<Record<ListCode, boolean>> = {
    FSE: programs.some((program) => program.startsWith('FSE-')),
    SSI:
      programs.includes('UKRAINE-EO13662') ||
      text.includes('Executive Order 13662 Directive Determination'),
    PLC: programs.includes('NS-PLC'),
    CMIC: programs.some((program) => program.endsWith('CMIC-EO13959')) || text.includes('(CMIC)'),
    CAP: programs.includes('561-Related') || CAP_REMARKS.test(text),
    MBS: programs.includes('CAATSA - RUSSIA') || MBS_REMARKS.test(text),
  };
  const lists = LIST_CODES.filter((code) => marks[code] === true);
  return lists.length > 0
    ? { lists, byElimination: false }
    : { lists: ['MBS'], byElimination: true };
}

// ---------------------------------------------------------------------------------------------
// Building listings

const ENTITY_TYPE_OF: Record<string, EntityType> = {
  individual: 'individual',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/** One primary row, with what its companion files add to it. */
interface Entry {
  readonly entNum: string;
  readonly record: CsvRecord;
  rawRemarks: string;
  hasContinuation: boolean;
  /** Set once the entry is built; empty when the primary row was rejected. */
  listingIds: string[];
  readonly addresses: Address[];
  readonly aliases: Alias[];
}

interface Built {
  readonly entry: Entry;
  readonly lists: readonly ListCode[];
  readonly base: Omit<SourceListing, 'id' | 'list' | 'agency' | 'events' | 'aliases' | 'addresses'>;
  readonly facts: RemarkFacts;
}

class Collector {
  readonly rows: RowRecord[] = [];
  readonly warnings: DataWarning[] = [];

  outcome(file: string, row: number, outcome: RowRecord['outcome']): void {
    this.rows.push({ file, row, outcome });
  }

  warn(file: string, row: number, field: string, message: string): void {
    this.warnings.push({ file, row, field, message });
  }
}

export function readOfacCsvSet(files: OfacCsvSet, kind: OfacListKind): AdapterResult {
  const collector = new Collector();
  const given = givenFiles(files);
  // Read (and shape-check) every file before building anything: a malformed file fails whole.
  const records = readAllRecords(files);
  const entries = indexEntries(files.primary, records.primary, collector);
  const commentTargets = attachComments(files.comments, records.comments, entries);
  const built = [...entries.values()].flatMap((entry) => {
    const result = buildEntry(entry, kind, files, collector);
    return result ? [result] : [];
  });
  recordComments(files.comments, records.comments, commentTargets, entries, collector);
  for (const role of ['addresses', 'aliases'] as const) {
    const file = files[role];
    if (!file) continue;
    for (const record of records[role]) attachCompanion(file, role, record, entries, collector);
  }
  const listings = built.flatMap(toListings);
  return {
    format: 'ofac-csv',
    sourceName: kind === 'sdn' ? 'ofac-sdn' : 'ofac-cons',
    files: given.map(({ file }) => file.id),
    rowCounts: Object.fromEntries(given.map(({ role, file }) => [file.id, records[role].length])),
    ...findAsOf(built),
    complete: files.addresses !== undefined && files.aliases !== undefined,
    lists: LIST_CODES.filter((code) => listings.some((listing) => listing.list === code)),
    listings,
    rows: sortRows(collector.rows, given),
    warnings: collector.warnings,
  };
}

function readAllRecords(files: OfacCsvSet): Record<OfacFileRole, CsvRecord[]> {
  const read = (role: OfacFileRole): CsvRecord[] => {
    const file = files[role];
    return file ? readRecords(file, role) : [];
  };
  return {
    primary: read('primary'),
    addresses: read('addresses'),
    aliases: read('aliases'),
    comments: read('comments'),
  };
}

/** File by file in set order, each by row: the order a reader checks the account in. */
function sortRows(rows: readonly RowRecord[], given: readonly GivenFile[]): RowRecord[] {
  const order = new Map(given.map(({ file }, index) => [file.id, index]));
  return [...rows].sort(
    (a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.row - b.row,
  );
}

interface GivenFile {
  readonly role: OfacFileRole;
  readonly file: OfacFileBytes;
}

function givenFiles(files: OfacCsvSet): GivenFile[] {
  return OFAC_FILE_ROLES.flatMap((role) => {
    const file = files[role];
    return file ? [{ role, file }] : [];
  });
}

function indexEntries(
  file: OfacFileBytes,
  records: CsvRecord[],
  collector: Collector,
): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const record of records) {
    const entNum = readEntNum(file, record);
    if (entries.has(entNum)) {
      collector.outcome(file.id, record.row, {
        kind: 'rejected',
        reason: `duplicate ent_num ${entNum}`,
      });
      continue;
    }
    entries.set(entNum, {
      entNum,
      record,
      rawRemarks: record.cells[11] ?? '',
      hasContinuation: false,
      listingIds: [],
      addresses: [],
      aliases: [],
    });
  }
  return entries;
}

/** Append each continuation to its entry's raw `Remarks` (before any trimming: the cut can fall
 * on a space). Returns the ent_num each comment row belongs to, or null for an orphan. */
function attachComments(
  file: OfacFileBytes | undefined,
  records: CsvRecord[],
  entries: Map<string, Entry>,
): (string | null)[] {
  if (!file) return [];
  return records.map((record) => {
    const entry = entries.get(readEntNum(file, record));
    if (!entry) return null;
    entry.rawRemarks += record.cells[1] ?? '';
    entry.hasContinuation = true;
    return entry.entNum;
  });
}

function recordComments(
  file: OfacFileBytes | undefined,
  records: CsvRecord[],
  targets: (string | null)[],
  entries: Map<string, Entry>,
  collector: Collector,
): void {
  if (!file) return;
  records.forEach((record, index) => {
    const entNum = targets[index] ?? null;
    const into = entNum === null ? undefined : entries.get(entNum)?.listingIds[0];
    if (entNum === null) {
      const reason = `ent_num ${readEntNum(file, record)} is not in the primary file`;
      collector.outcome(file.id, record.row, { kind: 'rejected', reason });
    } else if (into === undefined) {
      collector.outcome(file.id, record.row, {
        kind: 'rejected',
        reason: `its entry ${entNum} was rejected`,
      });
    } else {
      collector.outcome(file.id, record.row, {
        kind: 'merged',
        into,
        what: 'remarks continuation',
      });
    }
  });
}

function buildEntry(
  entry: Entry,
  kind: OfacListKind,
  files: OfacCsvSet,
  collector: Collector,
): Built | null {
  const file = files.primary.id;
  const { cells, row } = entry.record;
  const name = cleanText(cells[1]);
  const type = toEntityType(cells[2] ?? null);
  if (name === null || type === null) {
    const reason = name === null ? 'no SDN_Name' : `unknown SDN_Type "${cells[2] ?? ''}"`;
    collector.outcome(file, row, { kind: 'rejected', reason });
    return null;
  }
  const remarks = cleanText(entry.rawRemarks);
  const programs = splitPrograms(cells[3] ?? null);
  const lists = chooseLists(kind, programs, remarks, file, row, collector);
  warnAboutCutRemarks(entry, files, collector);
  const facts = readRemarkFacts(remarks);
  for (const problem of facts.problems) collector.warn(file, row, 'Remarks', problem.message);
  entry.listingIds = lists.map((list) => `${list.toLowerCase()}-${entry.entNum}`);
  entry.aliases.push(...facts.weakAliases.map((alias): Alias => ({ name: alias, kind: 'weak' })));
  collector.outcome(file, row, { kind: 'written', listingIds: entry.listingIds });
  const base = buildBase(entry, { kind, file, name, type, programs, remarks, facts });
  return { entry, lists, facts, base };
}

function toEntityType(value: Cell): EntityType | null {
  if (value === null) return 'entity';
  return ENTITY_TYPE_OF[value.trim().toLowerCase()] ?? null;
}

function chooseLists(
  kind: OfacListKind,
  programs: string[],
  remarks: string | null,
  file: string,
  row: number,
  collector: Collector,
): readonly ListCode[] {
  if (kind === 'sdn') return ['SDN'];
  const { lists, byElimination } = assignConsolidatedLists(programs, remarks);
  if (byElimination) {
    collector.warn(
      file,
      row,
      'Program',
      `no list named by programs [${programs.join(', ')}] or remarks; placed on NS-MBS by elimination`,
    );
  }
  return lists;
}

/** OFAC cuts Remarks at 1,000 characters; without the comments file the rest is missing. */
function warnAboutCutRemarks(entry: Entry, files: OfacCsvSet, collector: Collector): void {
  const primaryRemarks = entry.record.cells[11] ?? '';
  if (primaryRemarks.length === REMARKS_LIMIT && !entry.hasContinuation) {
    const missing = files.comments
      ? `its continuation is not in ${files.comments.id}`
      : 'no comments file was given to hold its continuation';
    collector.warn(
      files.primary.id,
      entry.record.row,
      'Remarks',
      `Remarks is exactly ${REMARKS_LIMIT} characters, so probably cut; ${missing}`,
    );
  }
}

interface BaseParts {
  readonly kind: OfacListKind;
  readonly file: string;
  readonly name: string;
  readonly type: EntityType;
  readonly programs: string[];
  readonly remarks: string | null;
  readonly facts: RemarkFacts;
}

function buildBase(entry: Entry, parts: BaseParts): Built['base'] {
  const { kind, file, name, type, programs, remarks, facts } = parts;
  const { cells } = entry.record;
  return {
    sourceId: entry.entNum,
    type,
    name,
    title: cleanText(cells[4]),
    nationalities: unique(facts.nationalities),
    citizenships: unique(facts.citizenships),
    datesOfBirth: facts.datesOfBirth,
    placesOfBirth: facts.placesOfBirth,
    programs,
    licenseRequirement: null,
    licensePolicy: null,
    citations: [],
    identifiers: facts.identifiers,
    remarks,
    vessel: readVessel(cells),
    standardOrder: null,
    sourceListUrl: LIST_PAGE[kind],
    sourceInfoUrl: null,
    source: { file, row: entry.record.row, format: 'ofac-csv' },
  };
}

function readVessel(cells: readonly Cell[]): Vessel | null {
  const vessel: Vessel = {
    callSign: cleanText(cells[5]),
    vesselType: cleanText(cells[6]),
    tonnage: cleanText(cells[7]),
    grossRegisteredTonnage: cleanText(cells[8]),
    flag: cleanText(cells[9]),
    owner: cleanText(cells[10]),
  };
  return Object.values(vessel).some((value) => value !== null) ? vessel : null;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** An address or alias row: merged into its entry's listings, or rejected when the entry is not
 * in the primary file. A row of an entry on two lists merges into both; `into` names the first
 * (the primary row's `written` record names them all). */
function attachCompanion(
  file: OfacFileBytes,
  role: 'addresses' | 'aliases',
  record: CsvRecord,
  entries: Map<string, Entry>,
  collector: Collector,
): void {
  const entNum = readEntNum(file, record);
  const entry = entries.get(entNum);
  const into = entry?.listingIds[0];
  if (!entry) {
    collector.outcome(file.id, record.row, {
      kind: 'rejected',
      reason: `ent_num ${entNum} is not in the primary file`,
    });
    return;
  }
  if (into === undefined) {
    collector.outcome(file.id, record.row, {
      kind: 'rejected',
      reason: `its entry ${entNum} was rejected`,
    });
    return;
  }
  const what =
    role === 'addresses'
      ? attachAddress(file, record, entry, collector)
      : attachAlias(record, entry);
  if (what === null) {
    collector.outcome(file.id, record.row, {
      kind: 'rejected',
      reason: `alias row without a known alt_type and name`,
    });
  } else {
    collector.outcome(file.id, record.row, { kind: 'merged', into, what });
  }
}

function attachAddress(
  file: OfacFileBytes,
  record: CsvRecord,
  entry: Entry,
  collector: Collector,
): string {
  const street = cleanText(record.cells[2]);
  const city = cleanText(record.cells[3]);
  const countryName = cleanText(record.cells[4]);
  const remarks = cleanText(record.cells[5]);
  if (remarks)
    collector.warn(file.id, record.row, 'Add_remarks', `address remark not carried: "${remarks}"`);
  // OFAC writes an address row even when it knows no address; it says nothing, so it adds nothing.
  if (street === null && city === null && countryName === null) return 'empty address';
  const country = toCountryCode(countryName);
  if (countryName !== null && country === null && countryName.toLowerCase() !== 'undetermined') {
    collector.warn(
      file.id,
      record.row,
      'Country',
      `"${countryName}" is not a country we recognise`,
    );
  }
  entry.addresses.push({
    text: [street, city, countryName].filter((part) => part !== null).join(', '),
    street,
    // `City/State/Province/Postal Code` mixes all four in one free-text field with no fixed
    // order ("Daqing 163453", "Miami, FL"); splitting it would be guessing, so it stays whole.
    city,
    region: null,
    postalCode: null,
    country,
  });
  return 'address';
}

function attachAlias(record: CsvRecord, entry: Entry): string | null {
  const type = normalizeAliasType(record.cells[2]);
  const name = cleanText(record.cells[3]);
  if (!isAliasType(type) || name === null) return null;
  entry.aliases.push({ name, kind: type });
  return 'alias';
}

function toListings(built: Built): SourceListing[] {
  const { entry, lists, base, facts } = built;
  const aliases = uniqueAliases(entry.aliases);
  return lists.map((list, index) => ({
    ...base,
    id: entry.listingIds[index]!,
    list,
    agency: LISTS[list].agency,
    aliases: aliases.map((alias) => ({ ...alias })),
    addresses: entry.addresses.map((address) => ({ ...address })),
    events: facts.events.filter((item) => item.list === list).map((item) => ({ ...item.event })),
    identifiers: base.identifiers.map((identifier) => ({ ...identifier })),
    source: { ...base.source },
  }));
}

function uniqueAliases(aliases: readonly Alias[]): Alias[] {
  const seen = new Set<string>();
  return aliases.filter((alias) => {
    const key = `${alias.kind}\u0000${alias.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The legacy files carry no publication date; the newest CMIC Listing Date is a lower bound. */
function findAsOf(built: readonly Built[]): { asOf: string | null; asOfBasis: string } {
  let newest: string | null = null;
  for (const { facts } of built) {
    for (const { list, event } of facts.events) {
      if (
        list === 'CMIC' &&
        event.kind === 'listed' &&
        event.date !== null &&
        (newest === null || event.date > newest)
      ) {
        newest = event.date;
      }
    }
  }
  return newest === null
    ? {
        asOf: null,
        asOfBasis: 'OFAC legacy CSV files carry no date, and no Remarks has a Listing Date (CMIC)',
      }
    : {
        asOf: newest,
        asOfBasis:
          'newest "Listing Date (CMIC)" in Remarks (OFAC legacy CSV files carry no date; the data is at least this new)',
      };
}
