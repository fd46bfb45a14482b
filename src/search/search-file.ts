/**
 * `search.json`: the search index's documents and words, written by the pipeline next to
 * `listings.json`. Built from the listings, the worker's index took ~0.9 s after they had been
 * checked (search was ready ~2.4 s after the page opened); read from this file it is lookup tables
 * of numbers (`indexFromSearchFile`): no name is normalised in the browser, and a name's objects
 * are made when a search first meets it.
 *
 * The file, version 1 (a documented contract, checked at the boundary by `readSearchFile`):
 *
 *     {"format":"sanctions-explorer/search","version":1,
 *      "normalizer":"1f4-9c0e33a1",   what tokenizeName and toSearchDocs make of probes
 *      "listingsSha256":"…",          SHA-256 of the listings.json these names were taken from
 *      "listingCount":15204,
 *      "words":["0","00",…],          every word of every name, sorted (UTF-16 order), unique
 *      "listings":[
 *     ["sdn-36","SDN",[0,17,412],[1,16]],
 *     ["cmic-33113","CMIC",[0,4051,9870,9911],[5,"CNE100001TW7","ISIN"]],
 *     …
 *     ]}
 *
 * One listing per line: its id, its list code, then its search documents in `toSearchDocs` order
 * (names first, then identifiers; the n-th is `${id}#${n}`). A name is `[kind, positions of its
 * normalised words in "words"…]` with the kind a position in `NAME_KINDS`: not the name as
 * written, which is in the listings (a hit says which of its listing's names matched,
 * `matchedSlot`, and the page names it: `namedHit`); with them the file was 0.94 MB
 * compressed, without 0.53 MB. An exact-lookup identifier is `[5, value, identifier type]`.
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
export const SEARCH_FILE_VERSION = 1;

export type SearchFileName = [kind: number, ...words: number[]];
export type SearchFileIdentifier = [kind: number, value: string, identifierType: string];
export type SearchFileDoc = SearchFileName | SearchFileIdentifier;
export type SearchFileListing = [id: string, list: string, ...docs: SearchFileDoc[]];

export interface SearchFile {
  readonly format: typeof SEARCH_FILE_FORMAT;
  readonly version: typeof SEARCH_FILE_VERSION;
  readonly normalizer: string;
  readonly listingsSha256: string;
  readonly listingCount: number;
  readonly words: readonly string[];
  readonly listings: readonly SearchFileListing[];
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
  const lines = listings.map((listing, at) => {
    const entry: SearchFileListing = [listing.id, listing.list];
    for (const doc of docsByListing[at] ?? []) {
      const kind = NAME_KINDS.indexOf(doc.kind);
      if (doc.kind === 'identifier') {
        entry.push([kind, doc.name, doc.identifierType ?? '']);
      } else {
        const tokens = tokensByName.get(doc.name) ?? [];
        entry.push([kind, ...tokens.map((token) => positions.get(token) ?? -1)]);
      }
    }
    return JSON.stringify(entry);
  });
  const head = JSON.stringify({
    format: SEARCH_FILE_FORMAT,
    version: SEARCH_FILE_VERSION,
    normalizer: normalizerFingerprint(),
    listingsSha256,
    listingCount: listings.length,
    words,
  });
  const body = lines.length === 0 ? '' : `${lines.join(',\n')}\n`;
  return `${head.slice(0, -1)},"listings":[\n${body}]}\n`;
}

/** A search file that cannot be used; the message names the file, the place and the problem. */
export class SearchFileError extends Error {
  constructor(file: string, where: string, problem: string) {
    super(`${file}: ${where}: ${problem}`);
    this.name = 'SearchFileError';
  }
}

/**
 * Parses and checks a search file before anything is built from it: the header, and every listing
 * and document. The first problem is thrown as a `SearchFileError` naming the file, the listing
 * (1-based, with its id), the document and the field.
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
  if (head.format !== SEARCH_FILE_FORMAT)
    throw new SearchFileError(file, 'field "format"', `expected "${SEARCH_FILE_FORMAT}"`);
  if (head.version !== SEARCH_FILE_VERSION)
    throw new SearchFileError(file, 'field "version"', `expected ${SEARCH_FILE_VERSION}`);
  if (typeof head.listingsSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(head.listingsSha256))
    throw new SearchFileError(file, 'field "listingsSha256"', 'expected a SHA-256 in hex');
  if (head.normalizer !== normalizerFingerprint())
    throw new SearchFileError(
      file,
      'field "normalizer"',
      `written by another version of the name normalisation (${String(head.normalizer)}, this one is ${normalizerFingerprint()})`,
    );
  const { words, listings, listingCount } = head;
  if (!Array.isArray(words)) throw new SearchFileError(file, 'field "words"', 'expected an array');
  for (let at = 0; at < words.length; at += 1) {
    const word: unknown = words[at];
    if (typeof word !== 'string' || word.length === 0)
      throw new SearchFileError(file, `word ${at + 1}`, 'expected a non-empty string');
    if (at > 0 && !((words[at - 1] as string) < word))
      throw new SearchFileError(
        file,
        `word ${at + 1} ("${word}")`,
        'words must be sorted and unique',
      );
  }
  if (!Array.isArray(listings))
    throw new SearchFileError(file, 'field "listings"', 'expected an array');
  if (listings.length !== listingCount)
    throw new SearchFileError(
      file,
      'field "listings"',
      `${listings.length} listings where "listingCount" says ${String(listingCount)}`,
    );
  for (let at = 0; at < listings.length; at += 1) {
    const entry: unknown = listings[at];
    const problem = listingProblem(entry, words.length);
    if (problem !== null) {
      const id = Array.isArray(entry) && typeof entry[0] === 'string' ? ` (${entry[0]})` : '';
      throw new SearchFileError(file, `listing ${at + 1}${id}`, problem);
    }
  }
  return value as SearchFile;
}

function listingProblem(entry: unknown, wordCount: number): string | null {
  if (!Array.isArray(entry) || entry.length < 3)
    return 'expected [id, list, name, …] with at least one name';
  if (typeof entry[0] !== 'string' || entry[0].length === 0) return 'field "id": expected a string';
  if (typeof entry[1] !== 'string') return 'field "list": expected a string';
  for (let at = 2; at < entry.length; at += 1) {
    const problem = docProblem(entry[at], wordCount, at > 2 && isIdentifier(entry[at - 1]));
    if (problem !== null) return `document ${at - 1}: ${problem}`;
  }
  return null;
}

function isIdentifier(doc: unknown): boolean {
  return Array.isArray(doc) && doc[0] === IDENTIFIER_KIND;
}

function docProblem(doc: unknown, wordCount: number, afterIdentifier: boolean): string | null {
  if (!Array.isArray(doc) || doc.length < 1) return 'expected [kind, …]';
  const kind: unknown = doc[0];
  if (typeof kind !== 'number' || !Number.isInteger(kind) || kind < 0 || kind >= NAME_KINDS.length)
    return `field "kind": expected 0–${NAME_KINDS.length - 1}`;
  if (kind === IDENTIFIER_KIND)
    return doc.length === 3 && typeof doc[1] === 'string' && typeof doc[2] === 'string'
      ? null
      : 'expected [5, value, type]';
  if (afterIdentifier) return 'a name after an identifier (names come first)';
  for (let at = 1; at < doc.length; at += 1) {
    const word: unknown = doc[at];
    if (typeof word !== 'number' || !Number.isInteger(word) || word < 0 || word >= wordCount)
      return `word ${at}: ${String(word)} is not a position in "words"`;
  }
  return null;
}
