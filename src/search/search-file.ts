/**
 * `search.bin`: the search index's documents and words, written by the pipeline next to
 * `listings.json`. Built from the listings, the worker's index took ~0.9 s after they had been
 * checked (search was ready ~2.4 s after the page opened); read from this file it is lookup tables
 * of numbers (`indexFromSearchFile`): no name is normalised in the browser, and a name's objects
 * are made when a search first meets it.
 *
 * The file, version 4 (a documented contract, checked at the boundary by `readSearchFile`), is
 * binary, little-endian:
 *
 *     "SXSEARCH"            8 bytes
 *     header length         uint32
 *     header                UTF-8 JSON:
 *       {"format":"sanctions-explorer/search","version":4,
 *        "normalizer":"1f4-9c0e33a1",   what tokenizeName and toSearchDocs make of probes
 *        "listingsSha256":"…",          SHA-256 of the listings.json these names were taken from
 *        "listingCount":15204,"nameCount":46569,"wordCount":26322,"identifierCount":8468,
 *        "nameWordBytes":2,             2 (uint16) while there are at most 65,536 words, else 4
 *        "lists":["CAP",…],             the lists' codes, which `listOfListing` points into
 *        "identifierTypes":["ISIN",…],  the identifiers' types, which `identifierTypeOf` points
 *                                       into
 *        "sections":{"words":[offset,bytes],…}}
 *     then the sections, each at an offset that is a multiple of 4:
 *       words               every word of every name, sorted (UTF-16 order), unique; UTF-8,
 *                           one per line
 *       listingIds          each listing's id, in the order of listings.json; one per line
 *       firstName           int32 by listing: the ordinal of its first name; one more entry, the
 *                           number of names
 *       listOfListing       uint8 by listing: its list, a position in "lists"
 *       nameKinds           uint8 by name: its kind, a position in `NAME_KINDS`
 *       nameWordStarts      int32 by name, one more entry: where its words begin in nameWords
 *       nameWords           uint16 or int32 ("nameWordBytes"): every name's words, as
 *                           positions in "words"
 *       identifierListings  int32 by exact-lookup identifier (in listing order): its listing
 *       identifierTypeOf    uint16 by identifier: its type, a position in "identifierTypes"
 *       written             UTF-8 JSON, {"primaryNames":[…],"identifierValues":[…]}: each
 *                           listing's name as its list writes it, and each identifier's value
 *
 * A listing's search documents are, in `toSearchDocs` order, its names and then its identifiers
 * (the n-th is `${id}#${n}`). Of the names as written, only each listing's primary name is here,
 * with its list: enough for the page to show what a search finds before the listings have
 * arrived (`preview` in protocol.ts). The rest are in the listings (a hit says which of its
 * listing's names matched, `matchedSlot`, and the page names it: `namedHit`).
 *
 * Why binary: the runs of numbers are read as typed arrays over the file's own bytes, and only
 * the words and ids are decoded before search is ready; "written", text from the lists, is
 * decoded and checked when first asked for (`SearchFile.written`), after "ready". Version 3 was
 * one JSON text: in a cold load, decoding 2.2 MB and `JSON.parse` took the worker 0.2–0.3 s of
 * the way to "ready" (bench/HISTORY.md, session 23). Version 1 held each listing as nested arrays;
 * version 2 had runs of numbers in JSON; version 3 added the primary names and lists.
 *
 * The words and documents are those `tokenizeName` and `toSearchDocs` made when the pipeline ran.
 * Should either have changed since, the fingerprint differs and the worker indexes the listings
 * instead, as without the file: a query is never normalised differently from the names it is
 * matched against.
 */
import { tokenizeName } from './normalize';
import { NAME_KINDS, toSearchDocs } from './search-docs';
import type { Listing } from '../domain/listing';

export const SEARCH_FILE_FORMAT = 'sanctions-explorer/search';
export const SEARCH_FILE_VERSION = 4;
/** The file's first bytes. */
export const SEARCH_FILE_MAGIC = 'SXSEARCH';

/** The text a search file holds as its lists write it: read and checked when first asked for. */
export interface SearchFileWritten {
  /** By listing number, its name as its list writes it. */
  readonly primaryNames: readonly string[];
  /** By identifier, its value. */
  readonly identifierValues: readonly string[];
}

/** A checked search file (`readSearchFile`), its runs of numbers in typed arrays. */
export interface SearchFile {
  readonly normalizer: string;
  readonly listingsSha256: string;
  readonly listingCount: number;
  readonly words: readonly string[];
  /** By listing number (its place in listings.json). */
  readonly listingIds: readonly string[];
  /** By listing number, its list's code. */
  readonly lists: readonly string[];
  /** By listing number, the ordinal of its first name; one more entry: the number of names. */
  readonly firstName: Int32Array;
  /** By name ordinal, its kind: a position in `NAME_KINDS`. */
  readonly nameKinds: Uint8Array;
  /** Name n's words are `nameWords[nameWordStarts[n] .. nameWordStarts[n + 1])`, as positions in
   * `words`. */
  readonly nameWordStarts: Int32Array;
  readonly nameWords: Int32Array | Uint16Array;
  /** The exact-lookup identifiers in document order: the listing each is of, and its type. */
  readonly identifierListings: Int32Array;
  readonly identifierTypes: readonly string[];
  /** The primary names and the identifiers' values, decoded and checked on the first call (a
   * `SearchFileError` then, should they be damaged), the same object after. */
  readonly written: () => SearchFileWritten;
}

export const IDENTIFIER_KIND = NAME_KINDS.indexOf('identifier');

/**
 * Names that exercise every step of `tokenizeName` (folding, initials, apostrophes, legal forms,
 * scripts): what it makes of them changes whenever the normalisation does.
 */
const FINGERPRINT_PROBES: readonly string[] = [
  'Joint Stock Company "Gazprom Bank"',
  'MEGVII TECHNOLOGY LIMITED',
  'Huawei Technologies Co., Ltd.',
  'Limited Liability Company Sugon',
  'Sberbank of Russia PJSC',
  'Grupo Empresarial S.A. de C.V.',
  'AL-QA‘IDA',
  "Mu'assasat al-Shahid",
  'Zürich Straße Œuvre Ørsted Łódź',
  'ООО «Тесон» Газпромбанк',
  'محمد بن سلمان',
  '华为技术有限公司',
  'KIM, Jong Un',
  'A.B.C. Trading FZE',
  'OOO',
  'Müller GmbH & Co. KG',
  'Public Joint Stock Company',
  'İstanbul Şirketi Ğ',
  'Việt Nam Đông',
  'ṬĀHIR  Ḥusayn No. 5/7',
];

/** A listing whose search documents (`toSearchDocs`) change whenever the choice of documents
 * does: which kinds of names, which identifiers are looked up exactly, in which order. */
const FINGERPRINT_LISTING: Pick<Listing, 'id' | 'name' | 'aliases' | 'identifiers'> = {
  id: 'probe',
  name: 'Probe Trading LLC',
  aliases: [
    { name: 'Probe Alias', kind: 'aka' },
    { name: 'Old Probe', kind: 'fka' },
    { name: 'Probe Remark', kind: 'weak' },
  ],
  identifiers: [
    { type: 'ISIN', value: 'CNE100001TW7', country: null },
    { type: 'Gender', value: 'Male', country: null },
    { type: 'Passport', value: 'A12', country: 'IR' },
    { type: 'Website', value: 'www.probe1.com', country: null },
    { type: 'Vessel Registration Identification', value: 'IMO 9187629', country: null },
    { type: 'Digital Currency Address - XBT', value: '1AbC2dE', country: null },
    { type: 'Unified Social Credit Code (USCC)', value: '91120000783342508F', country: 'CN' },
    { type: 'Nationality of Registration', value: 'Panama', country: 'PA' },
  ],
};

let fingerprint: string | null = null;

/** A short hash of what `tokenizeName` makes of `FINGERPRINT_PROBES` and of the documents of
 * `FINGERPRINT_LISTING` (FNV-1a, 32 bits): the file's words and documents are valid only while
 * it is the same. */
export function normalizerFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const text = [
    ...FINGERPRINT_PROBES.map((probe) => tokenizeName(probe).join(' ')),
    JSON.stringify(toSearchDocs(FINGERPRINT_LISTING)),
  ].join('\n');
  let hash = 0x811c9dc5;
  for (let at = 0; at < text.length; at += 1) {
    hash ^= text.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  fingerprint = `${text.length.toString(16)}-${hash.toString(16).padStart(8, '0')}`;
  return fingerprint;
}

/**
 * A search file's contents in plain arrays, before `encodeSearchFile` lays them out: what the
 * pipeline writes (`searchFileParts`), and what tests damage to check `readSearchFile`'s messages.
 */
export interface SearchFileParts {
  format: string;
  version: number;
  normalizer: string;
  listingsSha256: string;
  words: string[];
  /** By listing: its id, its name as written, its list's code, the ordinal of its first name
   * (one more entry: the number of names). */
  listingIds: string[];
  primaryNames: string[];
  lists: string[];
  firstName: number[];
  /** By name: its kind (a position in `NAME_KINDS`), where its words begin in `nameWords` (one
   * more entry: their number); and every name's words, as positions in `words`. */
  nameKinds: number[];
  nameWordStarts: number[];
  nameWords: number[];
  /** By exact-lookup identifier, in listing order: its listing, value and type. */
  identifierListings: number[];
  identifierValues: string[];
  identifierTypes: string[];
}

/** What the search file holds of a listing. */
type SearchFileListing = Pick<Listing, 'id' | 'list' | 'name' | 'aliases' | 'identifiers'>;

/** The contents of the search file for these listings; `listingsSha256` is that of the
 * listings.json written with them, so the worker can tell the two belong together. */
export function searchFileParts(
  listings: readonly SearchFileListing[],
  listingsSha256: string,
): SearchFileParts {
  const docsByListing = listings.map((listing) => toSearchDocs(listing));
  const tokensByName = new Map<string, readonly string[]>();
  for (const docs of docsByListing) {
    for (const doc of docs) {
      if (doc.kind !== 'identifier' && !tokensByName.has(doc.name))
        tokensByName.set(doc.name, tokenizeName(doc.name));
    }
  }
  const words = [...new Set([...tokensByName.values()].flat())].sort();
  const positions = new Map(words.map((word, at) => [word, at]));
  const parts: SearchFileParts = {
    format: SEARCH_FILE_FORMAT,
    version: SEARCH_FILE_VERSION,
    normalizer: normalizerFingerprint(),
    listingsSha256,
    words,
    listingIds: listings.map((listing) => listing.id),
    primaryNames: listings.map((listing) => listing.name),
    lists: listings.map((listing) => listing.list),
    firstName: [0],
    nameKinds: [],
    nameWordStarts: [0],
    nameWords: [],
    identifierListings: [],
    identifierValues: [],
    identifierTypes: [],
  };
  docsByListing.forEach((docs, listing) => {
    for (const doc of docs) {
      if (doc.kind === 'identifier') {
        parts.identifierListings.push(listing);
        parts.identifierValues.push(doc.name);
        parts.identifierTypes.push(doc.identifierType ?? '');
      } else {
        parts.nameKinds.push(NAME_KINDS.indexOf(doc.kind));
        for (const token of tokensByName.get(doc.name) ?? [])
          parts.nameWords.push(positions.get(token) ?? -1);
        parts.nameWordStarts.push(parts.nameWords.length);
      }
    }
    parts.firstName.push(parts.nameKinds.length);
  });
  return parts;
}

/** The search file's bytes for these listings (`searchFileParts`, `encodeSearchFile`). */
export function searchFileBytes(
  listings: readonly SearchFileListing[],
  listingsSha256: string,
): Uint8Array<ArrayBuffer> {
  return encodeSearchFile(searchFileParts(listings, listingsSha256));
}

/** Typed arrays are read over the file's bytes in this machine's order; the file's is little. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Where the sections begin: after the magic, the header's length and the header, at a
 * multiple of 4 (every section's offset is one too, so each can be an Int32Array's). */
function sectionsStart(headerBytes: number): number {
  return align4(SEARCH_FILE_MAGIC.length + 4 + headerBytes);
}

function align4(offset: number): number {
  return Math.ceil(offset / 4) * 4;
}

/** The bytes of `parts`, laid out as the module's comment says. Throws on what the layout
 * cannot hold: a line break in a word or id, more than 256 lists. */
export function encodeSearchFile(parts: SearchFileParts): Uint8Array<ArrayBuffer> {
  if (!LITTLE_ENDIAN) throw new Error('search file: written only on a little-endian machine');
  const encoder = new TextEncoder();
  const lines = (field: string, values: readonly string[]) => {
    const broken = values.find((value) => /[\n\r]/.test(value));
    if (broken !== undefined)
      throw new Error(`search file: ${field}: ${JSON.stringify(broken)} holds a line break`);
    return encoder.encode(values.join('\n'));
  };
  const codes = (values: readonly string[]) => {
    const table = [...new Set(values)].sort();
    const at = new Map(table.map((value, position) => [value, position]));
    return { table, of: values.map((value) => at.get(value) ?? 0) };
  };
  const lists = codes(parts.lists);
  if (lists.table.length > 256) throw new Error('search file: more than 256 lists');
  const types = codes(parts.identifierTypes);
  if (types.table.length > 0x10000) throw new Error('search file: more than 65,536 types');
  // Half the size while the positions fit: 0.3 MB less of the real lists to download.
  const nameWordBytes = parts.words.length <= 0x10000 ? 2 : 4;
  const bytesOf = (array: ArrayBufferView) =>
    new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const sections: [string, Uint8Array][] = [
    ['words', lines('words', parts.words)],
    ['listingIds', lines('listingIds', parts.listingIds)],
    ['firstName', bytesOf(Int32Array.from(parts.firstName))],
    ['listOfListing', Uint8Array.from(lists.of)],
    ['nameKinds', Uint8Array.from(parts.nameKinds)],
    ['nameWordStarts', bytesOf(Int32Array.from(parts.nameWordStarts))],
    [
      'nameWords',
      bytesOf(
        nameWordBytes === 2 ? Uint16Array.from(parts.nameWords) : Int32Array.from(parts.nameWords),
      ),
    ],
    ['identifierListings', bytesOf(Int32Array.from(parts.identifierListings))],
    ['identifierTypeOf', bytesOf(Uint16Array.from(types.of))],
    [
      'written',
      encoder.encode(
        JSON.stringify({
          primaryNames: parts.primaryNames,
          identifierValues: parts.identifierValues,
        }),
      ),
    ],
  ];
  const placed: Record<string, [number, number]> = {};
  let offset = 0;
  for (const [name, bytes] of sections) {
    placed[name] = [offset, bytes.length];
    offset = align4(offset + bytes.length);
  }
  const header = encoder.encode(
    JSON.stringify({
      format: parts.format,
      version: parts.version,
      normalizer: parts.normalizer,
      listingsSha256: parts.listingsSha256,
      listingCount: parts.listingIds.length,
      nameCount: parts.nameKinds.length,
      wordCount: parts.words.length,
      identifierCount: parts.identifierListings.length,
      nameWordBytes,
      lists: lists.table,
      identifierTypes: types.table,
      sections: placed,
    }),
  );
  const start = sectionsStart(header.length);
  const out = new Uint8Array(start + offset);
  out.set(encoder.encode(SEARCH_FILE_MAGIC), 0);
  new DataView(out.buffer).setUint32(SEARCH_FILE_MAGIC.length, header.length, true);
  out.set(header, SEARCH_FILE_MAGIC.length + 4);
  for (const [name, bytes] of sections) out.set(bytes, start + (placed[name]?.[0] ?? 0));
  return out;
}

/** A search file that cannot be used; the message names the file, the place and the problem. */
export class SearchFileError extends Error {
  constructor(file: string, where: string, problem: string) {
    super(`${file}: ${where}: ${problem}`);
    this.name = 'SearchFileError';
  }
}

/**
 * Reads and checks a search file before anything is built from it: the header, the sections'
 * places, the words and ids, and every number (each a position in what it points into, the runs
 * in order). The first problem is thrown as a `SearchFileError` naming the file, the listing
 * (1-based, with its id), name or identifier, and the field or section. The text as the lists
 * write it is checked when first asked for (`SearchFile.written`).
 *
 * The numbers are views over `bytes` where it is aligned for them (the worker's), copies where
 * not: the caller must not change `bytes` after.
 */
export function readSearchFile(bytes: Uint8Array, file: string): SearchFile {
  const fail = (where: string, problem: string): never => {
    throw new SearchFileError(file, where, problem);
  };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (where: string, part: Uint8Array): string => {
    try {
      return decoder.decode(part);
    } catch {
      return fail(where, 'is not UTF-8');
    }
  };
  const magic = String.fromCharCode(...bytes.subarray(0, SEARCH_FILE_MAGIC.length));
  if (magic !== SEARCH_FILE_MAGIC || bytes.length < SEARCH_FILE_MAGIC.length + 4)
    fail('the file', `is not a search file (it does not begin with "${SEARCH_FILE_MAGIC}")`);
  if (!LITTLE_ENDIAN) fail('the file', 'its numbers are little-endian, and this machine is not');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerBytes = view.getUint32(SEARCH_FILE_MAGIC.length, true);
  const headerStart = SEARCH_FILE_MAGIC.length + 4;
  if (headerStart + headerBytes > bytes.length) fail('the header', 'runs past the end of the file');
  let value: unknown;
  try {
    value = JSON.parse(
      decode('the header', bytes.subarray(headerStart, headerStart + headerBytes)),
    );
  } catch (error) {
    if (error instanceof SearchFileError) throw error;
    fail('the header', `is not JSON (${String(error)})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('the header', 'is not a JSON object');
  const head = value as Record<string, unknown>;
  if (head.format !== SEARCH_FILE_FORMAT)
    fail('field "format"', `expected "${SEARCH_FILE_FORMAT}"`);
  if (head.version !== SEARCH_FILE_VERSION)
    fail('field "version"', `expected ${SEARCH_FILE_VERSION}`);
  const { listingsSha256, normalizer } = head;
  if (typeof listingsSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(listingsSha256))
    return fail('field "listingsSha256"', 'expected a SHA-256 in hex');
  if (normalizer !== normalizerFingerprint())
    fail(
      'field "normalizer"',
      `written by another version of the name normalisation (${String(normalizer)}, this one is ${normalizerFingerprint()})`,
    );
  const count = (field: string): number => {
    const number = head[field];
    return isWholeNumber(number) ? number : fail(`field "${field}"`, 'expected a whole number');
  };
  const listingCount = count('listingCount');
  const nameCount = count('nameCount');
  const wordCount = count('wordCount');
  const identifierCount = count('identifierCount');
  /** A header table of strings (non-empty ones only where `nonEmpty`: a list's code). */
  const codeTable = (field: string, nonEmpty: boolean): string[] => {
    const table = head[field];
    if (
      !Array.isArray(table) ||
      !table.every((code) => typeof code === 'string' && (!nonEmpty || code !== ''))
    )
      fail(`field "${field}"`, `expected an array of ${nonEmpty ? 'non-empty ' : ''}strings`);
    return table as string[];
  };
  const listCodes = codeTable('lists', true);
  const typeCodes = codeTable('identifierTypes', false);
  const sections = head.sections;
  if (typeof sections !== 'object' || sections === null)
    return fail('field "sections"', 'expected an object');
  const start = sectionsStart(headerBytes);
  /** Section `name`'s bytes, which must be `size` bytes long when it is given. */
  const section = (name: string, size?: number): Uint8Array => {
    const place: unknown = (sections as Record<string, unknown>)[name];
    if (!Array.isArray(place) || !isWholeNumber(place[0]) || !isWholeNumber(place[1]))
      return fail(`section "${name}"`, 'missing from "sections"');
    const [offset, length] = place as [number, number];
    if (offset % 4 !== 0) fail(`section "${name}"`, `its offset ${offset} is not a multiple of 4`);
    if (start + offset + length > bytes.length)
      fail(`section "${name}"`, 'runs past the end of the file');
    if (size !== undefined && length !== size)
      fail(`section "${name}"`, `${length} bytes where the header's counts make ${size}`);
    return bytes.subarray(start + offset, start + offset + length);
  };
  const int32s = (name: string, entries: number) =>
    typedOver(section(name, 4 * entries), Int32Array);
  const lines = (name: string, entries: number): string[] => {
    const text = decode(`section "${name}"`, section(name));
    const found = entries === 0 && text === '' ? [] : text.split('\n');
    if (found.length !== entries)
      fail(`section "${name}"`, `${found.length} lines where the header's counts make ${entries}`);
    return found;
  };

  const words = lines('words', wordCount);
  for (let at = 0; at < words.length; at += 1) {
    const word = words[at] ?? '';
    if (word.length === 0) fail(`word ${at + 1}`, 'expected a non-empty string');
    if (at > 0 && !((words[at - 1] ?? '') < word))
      fail(`word ${at + 1} ("${word}")`, 'words must be sorted and unique');
  }
  const listingIds = lines('listingIds', listingCount);
  const listing = (at: number) => {
    const id = listingIds[at] ?? '';
    return `listing ${at + 1}${id.length > 0 ? ` (${id})` : ''}`;
  };
  // Named only for a message: a string (or a closure) per name was a third of the checks' time.
  const nameAt = (at: number, slot: number) => `${listing(at)}: name ${slot + 1}`;
  const firstName = int32s('firstName', listingCount + 1);
  const listOfListing = section('listOfListing', listingCount);
  const nameKinds = section('nameKinds', nameCount);
  const nameWordStarts = int32s('nameWordStarts', nameCount + 1);
  const nameWordBytes = head.nameWordBytes;
  if (nameWordBytes !== 2 && nameWordBytes !== 4)
    return fail('field "nameWordBytes"', 'expected 2 or 4');
  const wordsPart = section('nameWords');
  if (wordsPart.length % nameWordBytes !== 0)
    fail('section "nameWords"', `${wordsPart.length} bytes: not a whole number of positions`);
  const nameWords =
    nameWordBytes === 4 ? typedOver(wordsPart, Int32Array) : typedOver(wordsPart, Uint16Array);
  const identifierListings = int32s('identifierListings', identifierCount);
  const identifierTypeOf = typedOver(section('identifierTypeOf', 2 * identifierCount), Uint16Array);

  if (firstName[0] !== 0) fail('section "firstName"', "the first listing's first name is not 0");
  if (nameWordStarts[0] !== 0)
    fail('section "nameWordStarts"', 'the first name does not begin at 0');
  const lists: string[] = new Array<string>(listingCount);
  for (let at = 0; at < listingCount; at += 1) {
    if ((listingIds[at] ?? '').length === 0)
      fail(listing(at), 'field "listingIds": expected a non-empty string');
    const list = listCodes[listOfListing[at] ?? 0];
    if (list === undefined)
      fail(
        listing(at),
        `section "listOfListing": ${listOfListing[at]} is not a position in "lists"`,
      );
    lists[at] = list as string;
    const first = firstName[at] ?? 0;
    const end = firstName[at + 1] ?? 0;
    if (end <= first || end > nameCount)
      fail(
        listing(at),
        `section "firstName": its names end at ${end}, after ${first} (of ${nameCount})`,
      );
    for (let ordinal = first; ordinal < end; ordinal += 1) {
      const kind = nameKinds[ordinal] ?? 0;
      if (kind >= NAME_KINDS.length || kind === IDENTIFIER_KIND)
        fail(
          nameAt(at, ordinal - first),
          `its kind: expected 0–${NAME_KINDS.length - 1}, not ${IDENTIFIER_KIND}; found ${kind}`,
        );
      const wordsStart = nameWordStarts[ordinal] ?? 0;
      const wordsEnd = nameWordStarts[ordinal + 1] ?? 0;
      if (wordsEnd < wordsStart || wordsEnd > nameWords.length)
        fail(nameAt(at, ordinal - first), 'its words run past the end of "nameWords"');
      for (let word = wordsStart; word < wordsEnd; word += 1) {
        const position = nameWords[word] ?? -1;
        if (position < 0 || position >= wordCount)
          fail(
            nameAt(at, ordinal - first),
            `word ${word - wordsStart + 1}: ${position} is not a position in "words"`,
          );
      }
    }
  }
  if (firstName[listingCount] !== nameCount)
    fail(
      'section "firstName"',
      `${firstName[listingCount]} names where "nameCount" says ${nameCount}`,
    );
  if (nameWordStarts[nameCount] !== nameWords.length)
    fail(
      'section "nameWords"',
      `${nameWords.length} words where the last name's end says ${nameWordStarts[nameCount]}`,
    );
  const identifierTypes: string[] = new Array<string>(identifierCount);
  for (let at = 0; at < identifierCount; at += 1) {
    const owner = identifierListings[at] ?? -1;
    if (owner < 0 || owner >= listingCount)
      fail(`identifier ${at + 1}`, `section "identifierListings": ${owner} is not a listing`);
    if (at > 0 && owner < (identifierListings[at - 1] ?? 0))
      fail(
        `identifier ${at + 1}`,
        'section "identifierListings": identifiers must be in listing order',
      );
    const type = typeCodes[identifierTypeOf[at] ?? 0];
    if (type === undefined)
      fail(
        `identifier ${at + 1}`,
        'section "identifierTypeOf": not a position in "identifierTypes"',
      );
    identifierTypes[at] = type as string;
  }

  const writtenBytes = section('written');
  let written: SearchFileWritten | null = null;
  return {
    normalizer: normalizer as string,
    listingsSha256,
    listingCount,
    words,
    listingIds,
    lists,
    firstName,
    nameKinds,
    nameWordStarts,
    nameWords,
    identifierListings,
    identifierTypes,
    written: () =>
      (written ??= readWritten(
        decode('section "written"', writtenBytes),
        listingCount,
        identifierCount,
        listing,
        fail,
      )),
  };
}

/** `part`'s bytes as a typed array (little-endian, as this machine is: checked first): a view
 * where `part` is aligned for it, else a copy (the file's bytes may begin anywhere in their
 * buffer, as a Node Buffer's do). */
function typedOver<T extends Int32Array | Uint16Array>(
  part: Uint8Array,
  Type: {
    new (buffer: ArrayBufferLike, offset: number, length: number): T;
    BYTES_PER_ELEMENT: number;
  },
): T {
  const length = part.length / Type.BYTES_PER_ELEMENT;
  return part.byteOffset % Type.BYTES_PER_ELEMENT === 0
    ? new Type(part.buffer, part.byteOffset, length)
    : new Type(part.slice().buffer, 0, length);
}

/** Section "written": its primary names and identifier values, checked. */
function readWritten(
  text: string,
  listingCount: number,
  identifierCount: number,
  listing: (at: number) => string,
  fail: (where: string, problem: string) => never,
): SearchFileWritten {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail('section "written"', `is not JSON (${String(error)})`);
  }
  const { primaryNames, identifierValues } = (value ?? {}) as Record<string, unknown>;
  if (!Array.isArray(primaryNames) || primaryNames.length !== listingCount)
    fail('section "written"', `expected "primaryNames", ${listingCount} of them`);
  if (!Array.isArray(identifierValues) || identifierValues.length !== identifierCount)
    fail('section "written"', `expected "identifierValues", ${identifierCount} of them`);
  (primaryNames as unknown[]).forEach((name, at) => {
    if (typeof name !== 'string' || name.length === 0)
      fail(listing(at), 'field "primaryNames": expected a non-empty string');
  });
  (identifierValues as unknown[]).forEach((identifier, at) => {
    if (typeof identifier !== 'string')
      fail(`identifier ${at + 1}`, 'field "identifierValues": expected a string');
  });
  return {
    primaryNames: primaryNames as string[],
    identifierValues: identifierValues as string[],
  };
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
