/**
 * `search.json`: the search index's documents and words, written by the pipeline next to
 * `listings.json`. Built from the listings, the worker's index took ~0.9 s after they had been
 * checked (search was ready ~2.4 s after the page opened); read from this file it is lookup tables
 * of numbers (`indexFromSearchFile`): no name is normalised in the browser, and a name's objects
 * are made when a search first meets it.
 *
 * The file, version 3 (a documented contract, checked at the boundary by `readSearchFile`):
 *
 *     {"format":"sanctions-explorer/search","version":3,
 *      "normalizer":"1f4-9c0e33a1",   what tokenizeName and toSearchDocs make of probes
 *      "listingsSha256":"…",          SHA-256 of the listings.json these names were taken from
 *      "listingCount":15204,
 *      "words":["0","00",…],          every word of every name, sorted (UTF-16 order), unique
 *      "listingIds":["sdn-36",…],     each listing's id, in the order of listings.json
 *      "primaryNames":["AEROCARIBBEAN AIRLINES",…],  each listing's name as its list writes it
 *      "lists":["SDN",…],             and the code of its list
 *      "nameCounts":[2,4,…],          how many names each listing has (at least one)
 *      "identifierListings":[1,…],    the exact-lookup identifiers: the listing each is of
 *      "identifierValues":["CNE100001TW7",…],  (in listing order), its value
 *      "identifierTypes":["ISIN",…],           and its type
 *      "names":[
 *     0,3,17,412,5,1,2,16,9,
 *     0,4,4051,9870,9911,12,
 *     …
 *     ]}
 *
 * `names` has one line per listing: each of its names as its kind (a position in `NAME_KINDS`),
 * its number of words, and the positions of its normalised words in `words`. A listing's search
 * documents are, in `toSearchDocs` order, its names and then its identifiers (the n-th is
 * `${id}#${n}`). Of the names as written, only each listing's primary name is here, with its
 * list: enough for the page to show what a search finds before the listings have arrived
 * (`preview` in protocol.ts), 0.17 MB of the file compressed. The rest are in the listings (a
 * hit says which of its listing's names matched, `matchedSlot`, and the page names it:
 * `namedHit`); with all of them the file was 0.94 MB compressed, without any 0.53 MB.
 *
 * Version 2 had no primary names or lists. Version 1 held each listing as nested arrays
 * (`["sdn-36","SDN",[0,17,412],[1,16]]`): ~70,000 small arrays that `JSON.parse` made, the
 * checks walked and the collector then swept, in the worker's last step before search is ready
 * and again on the page. Since version 2, long runs of numbers are read straight into typed
 * arrays (bench/HISTORY.md, session 16).
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
export const SEARCH_FILE_VERSION = 3;

/** A checked search file (`readSearchFile`), its runs of numbers in typed arrays. */
export interface SearchFile {
  readonly normalizer: string;
  readonly listingsSha256: string;
  readonly listingCount: number;
  readonly words: readonly string[];
  /** By listing number (its place in listings.json). */
  readonly listingIds: readonly string[];
  /** By listing number, its name as its list writes it, and its list's code. */
  readonly primaryNames: readonly string[];
  readonly lists: readonly string[];
  /** By listing number, the ordinal of its first name; one more entry: the number of names. */
  readonly firstName: Int32Array;
  /** By name ordinal, its kind: a position in `NAME_KINDS`. */
  readonly nameKinds: Uint8Array;
  /** Name n's words are `nameWords[nameWordStarts[n] .. nameWordStarts[n + 1])`, as positions in
   * `words`. */
  readonly nameWordStarts: Int32Array;
  readonly nameWords: Int32Array;
  /** The exact-lookup identifiers in document order: the listing each is of, its value, its type. */
  readonly identifierListings: Int32Array;
  readonly identifierValues: readonly string[];
  readonly identifierTypes: readonly string[];
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

/** The file's text for these listings; `listingsSha256` is that of the listings.json written
 * with them, so the worker can tell the two belong together. */
export function searchFileText(
  listings: readonly Pick<Listing, 'id' | 'list' | 'name' | 'aliases' | 'identifiers'>[],
  listingsSha256: string,
): string {
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
  const nameCounts: number[] = [];
  const identifierListings: number[] = [];
  const identifierValues: string[] = [];
  const identifierTypes: string[] = [];
  const lines = docsByListing.map((docs, listing) => {
    const line: number[] = [];
    let names = 0;
    for (const doc of docs) {
      if (doc.kind === 'identifier') {
        identifierListings.push(listing);
        identifierValues.push(doc.name);
        identifierTypes.push(doc.identifierType ?? '');
      } else {
        const tokens = tokensByName.get(doc.name) ?? [];
        line.push(NAME_KINDS.indexOf(doc.kind), tokens.length);
        for (const token of tokens) line.push(positions.get(token) ?? -1);
        names += 1;
      }
    }
    nameCounts.push(names);
    return line.join(',');
  });
  const head = JSON.stringify({
    format: SEARCH_FILE_FORMAT,
    version: SEARCH_FILE_VERSION,
    normalizer: normalizerFingerprint(),
    listingsSha256,
    listingCount: listings.length,
    words,
    listingIds: listings.map((listing) => listing.id),
    primaryNames: listings.map((listing) => listing.name),
    lists: listings.map((listing) => listing.list),
    nameCounts,
    identifierListings,
    identifierValues,
    identifierTypes,
  });
  const body = lines.length === 0 ? '' : `${lines.join(',\n')}\n`;
  return `${head.slice(0, -1)},"names":[\n${body}]}\n`;
}

/** A search file that cannot be used; the message names the file, the place and the problem. */
export class SearchFileError extends Error {
  constructor(file: string, where: string, problem: string) {
    super(`${file}: ${where}: ${problem}`);
    this.name = 'SearchFileError';
  }
}

/**
 * Parses and checks a search file before anything is built from it: the header, the words, and
 * every listing's names and identifiers. The first problem is thrown as a `SearchFileError` naming
 * the file, the listing (1-based, with its id) or identifier, and the field.
 */
export function readSearchFile(text: string, file: string): SearchFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SearchFileError(file, 'the file', `is not JSON (${String(error)})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new SearchFileError(file, 'the file', 'is not a JSON object');
  const head = value as Record<string, unknown>;
  const fail = (where: string, problem: string): never => {
    throw new SearchFileError(file, where, problem);
  };
  if (head.format !== SEARCH_FILE_FORMAT)
    fail('field "format"', `expected "${SEARCH_FILE_FORMAT}"`);
  if (head.version !== SEARCH_FILE_VERSION)
    fail('field "version"', `expected ${SEARCH_FILE_VERSION}`);
  const { listingsSha256, normalizer, listingCount } = head;
  if (typeof listingsSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(listingsSha256))
    return fail('field "listingsSha256"', 'expected a SHA-256 in hex');
  if (normalizer !== normalizerFingerprint())
    fail(
      'field "normalizer"',
      `written by another version of the name normalisation (${String(normalizer)}, this one is ${normalizerFingerprint()})`,
    );
  if (typeof listingCount !== 'number' || !Number.isInteger(listingCount) || listingCount < 0)
    return fail('field "listingCount"', 'expected a whole number');

  const words = arrayField(head, 'words', fail);
  for (let at = 0; at < words.length; at += 1) {
    const word: unknown = words[at];
    if (typeof word !== 'string' || word.length === 0)
      fail(`word ${at + 1}`, 'expected a non-empty string');
    if (at > 0 && !((words[at - 1] as string) < (word as string)))
      fail(`word ${at + 1} ("${String(word)}")`, 'words must be sorted and unique');
  }

  const listingIds = arrayField(head, 'listingIds', fail);
  const primaryNames = arrayField(head, 'primaryNames', fail);
  const lists = arrayField(head, 'lists', fail);
  const nameCounts = arrayField(head, 'nameCounts', fail);
  for (const [field, column] of [
    ['listingIds', listingIds],
    ['primaryNames', primaryNames],
    ['lists', lists],
    ['nameCounts', nameCounts],
  ] as const) {
    if (column.length !== listingCount)
      fail(
        `field "${field}"`,
        `${column.length} listings where "listingCount" says ${listingCount}`,
      );
  }
  const listing = (at: number) => {
    const id: unknown = listingIds[at];
    return `listing ${at + 1}${typeof id === 'string' && id.length > 0 ? ` (${id})` : ''}`;
  };
  // Named only for a message: a string (or a closure) per name was a third of the checks' time.
  const nameAt = (at: number, slot: number) => `${listing(at)}: name ${slot + 1}`;
  let nameCount = 0;
  for (let at = 0; at < listingCount; at += 1) {
    const id: unknown = listingIds[at];
    if (typeof id !== 'string' || id.length === 0)
      fail(listing(at), 'field "listingIds": expected a non-empty string');
    const name: unknown = primaryNames[at];
    if (typeof name !== 'string' || name.length === 0)
      fail(listing(at), 'field "primaryNames": expected a non-empty string');
    const list: unknown = lists[at];
    if (typeof list !== 'string' || list.length === 0)
      fail(listing(at), 'field "lists": expected a non-empty string');
    const count: unknown = nameCounts[at];
    if (!isWholeNumber(count) || count < 1)
      fail(listing(at), 'field "nameCounts": expected a whole number, at least 1');
    nameCount += count as number;
  }

  // The names, one listing's after another: kind, number of words, the words' positions.
  const names = arrayField(head, 'names', fail);
  if (2 * nameCount > names.length)
    fail(
      'field "nameCounts"',
      `${nameCount} names, where "names" holds at most ${names.length / 2}`,
    );
  const firstName = new Int32Array(listingCount + 1);
  const nameKinds = new Uint8Array(nameCount);
  const nameWordStarts = new Int32Array(nameCount + 1);
  const nameWords = new Int32Array(names.length); // more than enough: cut to size below
  let read = 0;
  let ordinal = 0;
  let wordAt = 0;
  for (let at = 0; at < listingCount; at += 1) {
    firstName[at] = ordinal;
    const count = nameCounts[at] as number;
    for (let slot = 0; slot < count; slot += 1, ordinal += 1) {
      if (read + 2 > names.length) fail(nameAt(at, slot), 'field "names" ends before it');
      const kind: unknown = names[read];
      if (!isWholeNumber(kind) || kind >= NAME_KINDS.length || kind === IDENTIFIER_KIND)
        fail(
          nameAt(at, slot),
          `field "kind": expected 0–${NAME_KINDS.length - 1}, not ${IDENTIFIER_KIND}`,
        );
      const length: unknown = names[read + 1];
      if (!isWholeNumber(length) || read + 2 + length > names.length)
        fail(nameAt(at, slot), 'its number of words runs past the end of "names"');
      nameKinds[ordinal] = kind as number;
      nameWordStarts[ordinal] = wordAt;
      read += 2;
      for (let word = 1; word <= (length as number); word += 1, read += 1, wordAt += 1) {
        const position: unknown = names[read];
        if (!isWholeNumber(position) || position >= words.length)
          fail(nameAt(at, slot), `word ${word}: ${String(position)} is not a position in "words"`);
        nameWords[wordAt] = position as number;
      }
    }
  }
  firstName[listingCount] = ordinal;
  nameWordStarts[nameCount] = wordAt;
  if (read !== names.length)
    fail('field "names"', `${names.length - read} numbers after the last listing's names`);

  const identifierListings = arrayField(head, 'identifierListings', fail);
  const identifierValues = arrayField(head, 'identifierValues', fail);
  const identifierTypes = arrayField(head, 'identifierTypes', fail);
  for (const [field, column] of [
    ['identifierValues', identifierValues],
    ['identifierTypes', identifierTypes],
  ] as const) {
    if (column.length !== identifierListings.length)
      fail(
        `field "${field}"`,
        `${column.length} entries where "identifierListings" has ${identifierListings.length}`,
      );
  }
  for (let at = 0; at < identifierListings.length; at += 1) {
    const owner: unknown = identifierListings[at];
    if (!isWholeNumber(owner) || owner >= listingCount)
      fail(`identifier ${at + 1}`, `field "identifierListings": ${String(owner)} is not a listing`);
    if (at > 0 && (owner as number) < (identifierListings[at - 1] as number))
      fail(
        `identifier ${at + 1}`,
        'field "identifierListings": identifiers must be in listing order',
      );
    if (typeof identifierValues[at] !== 'string' || typeof identifierTypes[at] !== 'string')
      fail(`identifier ${at + 1}`, 'expected a string value and type');
  }

  return {
    normalizer: normalizer as string,
    listingsSha256,
    listingCount,
    words: words as string[],
    listingIds: listingIds as string[],
    primaryNames: primaryNames as string[],
    lists: lists as string[],
    firstName,
    nameKinds,
    nameWordStarts,
    nameWords: nameWords.slice(0, wordAt),
    identifierListings: Int32Array.from(identifierListings as number[]),
    identifierValues: identifierValues as string[],
    identifierTypes: identifierTypes as string[],
  };
}

function arrayField(
  head: Record<string, unknown>,
  field: string,
  fail: (where: string, problem: string) => never,
): readonly unknown[] {
  const value = head[field];
  return Array.isArray(value) ? value : fail(`field "${field}"`, 'expected an array');
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
