/**
 * The search engine: MiniSearch options (defined ONCE, here), index building and query → ranked
 * hits per listing. Pure and synchronous: the worker and the unit tests call it unchanged.
 */
import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import {
  copyMatch,
  isPrefixTerm,
  judgeOneWordInto,
  judgeName,
  judgeNameInto,
  maxTypos,
  MET_EXACT,
  MET_PREFIX,
  newMatchScratch,
  prepareQuery,
  rankClass,
  type MatchQuality,
  type NameMatch,
} from './classify';
import {
  identifierKeys,
  normalizeIdentifier,
  tokenizeName,
  unfinishedLegalFormLength,
} from './normalize';
import {
  afterPrefix,
  lowerBound,
  toVocabulary,
  wordsWithin,
  type NearWord,
  type Vocabulary,
} from './vocabulary';
import { NAME_KINDS, type NameKind, type SearchDoc } from './search-docs';
import type { SearchFile } from './search-file';

/** The one index field: the normalised words of a name. Whole names and identifiers are looked up
 * exactly, in plain maps (`SearchIndex`); a word that is two of a name's words joined is found by
 * splitting it at query time (`planQuery`). Indexing the joined pairs and the whole-name keys in
 * MiniSearch too made the build slower: 1.1 s against 0.8 s in Node (commit 58b7d86). */
const NAME_TERMS = 'nameTerms';

/** Within one rank class a primary name is stronger evidence than an alias, and a weak alias
 * (OFAC remarks, UN low quality) the weakest. Never 0: MiniSearch drops a document boosted by 0. */
const KIND_BOOST: Readonly<Record<NameKind, number>> = {
  primary: 1,
  aka: 0.95,
  nka: 0.95,
  fka: 0.9,
  weak: 0.8,
  identifier: 1,
};

function extractField(doc: SearchDoc, field: string): string | undefined {
  switch (field) {
    case NAME_TERMS:
      if (doc.kind === 'identifier') return undefined;
      // MiniSearch asks for a field's text and then tokenises it: the words are looked up by
      // the document (a name read from a search file has no text here).
      if (building !== null) building.current = doc;
      return doc.name;
    case 'id':
    case 'listingId':
    case 'name':
    case 'kind':
      return doc[field];
    case 'identifierType':
      return doc.identifierType;
    default:
      return undefined;
  }
}

/** While MiniSearch indexes: the words of each name document, already worked out by the index
 * build; every word, each spelling kept once; the document whose name is being tokenised. */
let building: {
  readonly tokensOf: (doc: SearchDoc) => readonly string[] | undefined;
  readonly words: Map<string, string>;
  current: SearchDoc | null;
} | null = null;

/** Index-time tokenising of the name field. A query (`field` undefined) arrives already
 * normalised by `planQuery`, space-separated, so it is only split: the one normalisation is
 * `tokenizeName`. */
function tokenizeField(text: string, field?: string): string[] {
  if (field !== NAME_TERMS) return text.split(' ').filter((term) => term.length > 0);
  const current = building?.current ?? null;
  const known = current === null ? undefined : building?.tokensOf(current);
  if (known !== undefined) return [...known];
  const tokens = tokenizeName(text);
  if (building !== null) shareWords(tokens, building.words);
  return tokens;
}

/** One string per distinct word, shared by every name that has it: 465,000 names at 10× the
 * lists have ~1.3 M words but only ~150,000 distinct ones, and judging a hit reads them (fewer
 * objects to keep, to collect and to fetch from memory). */
function shareWords(tokens: string[], words: Map<string, string>): void {
  for (let at = 0; at < tokens.length; at += 1) {
    const token = tokens[at] ?? '';
    const shared = words.get(token);
    if (shared === undefined) words.set(token, token);
    else tokens[at] = shared;
  }
}

/**
 * THE MiniSearch options. Build with `new MiniSearch(SEARCH_OPTIONS)`; a serialised index must be
 * loaded with `MiniSearch.loadJSON(json, SEARCH_OPTIONS)` (see `loadSearchIndex`), because
 * MiniSearch does not store its tokenizer and a mismatch silently returns wrong results.
 * The default search is the name search: AND, prefix on the last term (the one being typed),
 * typo tolerance by `maxTypos` (none for 1–3 letters). No field is stored: the index keeps its
 * own object per name (`SearchIndex.namesById`), and a second one per document inside MiniSearch
 * was 465,000 more objects for the worker's garbage collector at 10× the lists. The boost by kind
 * of name comes with each search (`miniSearchOptions`).
 */
export const SEARCH_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: [NAME_TERMS],
  extractField,
  tokenize: tokenizeField,
  processTerm: (term) => term,
  searchOptions: {
    fields: [NAME_TERMS],
    prefix: isPrefixTerm,
    fuzzy: (term) => maxTypos(term) || false,
    combineWith: 'AND',
  },
};

const OR_SEARCH: SearchOptions = { combineWith: 'OR' };

/** A table read by key, as a Map's `get`: the index's tables are Maps when it is built from the
 * documents, and made on demand when it is read from a search file (`indexFromSearchFile`). */
interface Lookup<V> {
  get(key: string): V | undefined;
}

/** Exact keys → the documents that have them. */
type ExactKeys = Lookup<readonly SearchDoc[]>;

export interface SearchIndex {
  /** MiniSearch over the words of every name (not identifiers), for the OR reading; null in an
   * index built without it (`buildSearchIndexInSlices`), or until `addMiniSearchInSlices` has
   * added it. */
  engine: MiniSearch<SearchDoc> | null;
  /** Every word of every indexed name, sorted: the vocabulary joined and split readings of a
   * query are checked against. */
  readonly words: readonly string[];
  /** The same words, for typo lookups (`wordsWithin`). */
  readonly vocabulary: Vocabulary;
  /** How many documents have `words[i]`: how selective a query word is (`rarestTerms`). */
  readonly wordDocCounts: Uint32Array;
  /** The names that have `words[at]`, as their ordinals in order: the words a query word meets
   * are looked up here (`termHits`), not in MiniSearch. */
  readonly namesWithWord: (at: number) => ArrayLike<number>;
  /** What searching reads of each name, by ordinal, without the name's objects. */
  readonly names: NameColumns;
  /** Scratch space for `termHits`, one score per `IndexedName.ordinal`: a broad prefix at 10× the
   * lists meets 23,600 names, and a Map from name to score cost most of its time. Searches run
   * one at a time (a worker, or a test), and each leaves it all zeros. */
  readonly scoreScratch: Float64Array;
  /** Scratch space for `termHits`, by `IndexedName.ordinal`: how its word met each name (the
   * best of `MET_EXACT`, `MET_PREFIX`, `MET_PREFIX` + typos), 0 once a search is done. */
  readonly metScratch: Uint8Array;
  /** MiniSearch's average name length in words, computed as it computes it, so that `termHits`
   * scores exactly as MiniSearch would. */
  readonly averageNameLength: number;
  /** Every pair of adjacent words of a name ("gazprom", "bank"), as the positions of the two
   * words in `words` (first × `words.length` + second), sorted: a query word is split in two only
   * where some name has the two halves side by side (`hasAdjacentPair`). Numbers, not "gazprom
   * bank" strings: making, deduplicating and sorting 48,000 strings was a third of the build. */
  readonly adjacentPairs: Float64Array;
  /** A name's words joined with nothing (`compactKey`) → its documents: whole-name equality,
   * so "Gazprom Bank" and "GAZPROMBANK" are the same name. */
  readonly wholeNames: ExactKeys;
  /** `identifierKeys` of an identifier value → its documents; looked up exactly and only so. */
  readonly identifiers: ExactKeys;
  /** Every name document, with its words, by document id: MiniSearch's results name documents by
   * id, and judging a hit must not normalise its name again (a third of the time of a broad
   * prefix such as "al", 2,307 listings). */
  readonly namesById: Lookup<IndexedName> & { values(): Iterable<IndexedName> };
  readonly docCount: number;
  /** Every listing's id, by its number in the index (`IndexedName.listing`): the order of
   * `SearchListingsOptions.listingPositions`. */
  readonly listingIds: readonly string[];
  /** Each listing's place in id order, by its number: hits that tie go in id order
   * (`compareHits`) without comparing ids. The identity when the listings came in id order, as
   * the pipeline writes them. */
  readonly listingIdRanks: Int32Array;
  /** A listing's number, by its id (`listingIds` read backwards). */
  readonly listingNumbers: Lookup<number>;
}

/**
 * Every name's facts that scoring and judging a one-word query read, one typed array each, by
 * `IndexedName.ordinal`; `at` makes (once) the name's objects, for the rest. At 10× the lists a
 * broad prefix meets 23,600 names: read through their objects, made on first use from a search
 * file, the first "ha" took ~110 ms in Node, ~60 of them making the objects, and their
 * collections landed on later keystrokes.
 */
export interface NameColumns {
  readonly count: number;
  /** Distinct words: MiniSearch's field length. */
  readonly distinctWords: Uint16Array;
  readonly wordCount: Uint16Array;
  /** The length of its shortest word (`judgeOneWordInto` applies to a shorter query word). */
  readonly shortestWord: Uint16Array;
  /** `NAME_KINDS` indexes. */
  readonly kinds: Uint8Array;
  /** Its listing's number in the index (`SearchIndex.listingIds`). */
  readonly listings: Int32Array;
  /** Its position among its listing's documents: the hit's `matchedSlot`. */
  readonly slots: Int32Array;
  readonly at: (ordinal: number) => IndexedName;
  /** Its words (`at(ordinal).tokens`, without making the rest of its objects). */
  readonly tokens: (ordinal: number) => readonly string[];
  /** The name as written; '' in an index read from a search file (`SearchHit.matchedName`). */
  readonly text: (ordinal: number) => string;
}

/** `KIND_BOOST` by `NAME_KINDS` index. */
const BOOST_BY_KIND: readonly number[] = NAME_KINDS.map((kind) => KIND_BOOST[kind]);

/** A name document with its words, as `termHits` scores and judging reads it. */
interface IndexedName {
  readonly doc: SearchDoc;
  readonly tokens: readonly string[];
  /** Distinct words: MiniSearch's field length. */
  readonly length: number;
  /** Its position among the index's names: its slot in `scoreScratch`. */
  readonly ordinal: number;
  /** Its position among its listing's documents: the hit's `matchedSlot`. Kept as a number, for
   * reading it from the end of the document id (`slotOf`) flattened every id of a broad prefix
   * the first time (ids are joined strings): 35 ms of "Ha" at 10× the lists, in the worker. */
  readonly slot: number;
  /** Its listing's number in the index (`SearchIndex.listingIds`). */
  readonly listing: number;
  /** `KIND_BOOST` of its kind: MiniSearch's boost of the document. */
  readonly boost: number;
}

/** A name document's `IndexedName`. */
function makeIndexedName(
  doc: SearchDoc,
  tokens: readonly string[],
  ordinal: number,
  slot: number,
  listing: number,
): IndexedName {
  // A repeated word counts once, as MiniSearch counts it; names are a few words long, so a scan
  // of the words before costs less than a Set per name (38,000 of them).
  let distinct = 0;
  for (let at = 0; at < tokens.length; at += 1) {
    if (tokens.indexOf(tokens[at] ?? '') === at) distinct += 1;
  }
  return {
    doc,
    tokens,
    length: distinct,
    ordinal,
    slot,
    listing,
    boost: KIND_BOOST[doc.kind],
  };
}

/** Makes a name document's `IndexedName` and files it by id and under each of its words. */
function addIndexedName(
  doc: SearchDoc,
  tokens: readonly string[],
  ordinal: number,
  listing: number,
  namesById: Map<string, IndexedName>,
  postings: Map<string, number[]>,
): IndexedName {
  const name = makeIndexedName(doc, tokens, ordinal, slotOf(doc.id), listing);
  namesById.set(doc.id, name);
  for (let at = 0; at < tokens.length; at += 1) {
    const token = tokens[at] ?? '';
    if (tokens.indexOf(token) === at) addKey(postings, token, ordinal);
  }
  return name;
}

/** The `NameColumns` of names made up front, in ordinal order. */
function columnsOfNames(names: readonly IndexedName[]): NameColumns {
  const count = names.length;
  const columns = {
    count,
    distinctWords: new Uint16Array(count),
    wordCount: new Uint16Array(count),
    shortestWord: new Uint16Array(count),
    kinds: new Uint8Array(count),
    listings: new Int32Array(count),
    slots: new Int32Array(count),
  };
  names.forEach((name, ordinal) => {
    columns.distinctWords[ordinal] = name.length;
    columns.wordCount[ordinal] = name.tokens.length;
    columns.shortestWord[ordinal] = name.tokens.reduce(
      (shortest, token) => Math.min(shortest, token.length),
      0xffff,
    );
    columns.kinds[ordinal] = NAME_KINDS.indexOf(name.doc.kind);
    columns.listings[ordinal] = name.listing;
    columns.slots[ordinal] = name.slot;
  });
  return {
    ...columns,
    at: (ordinal) => names[ordinal] as IndexedName,
    tokens: (ordinal) => names[ordinal]?.tokens ?? [],
    text: (ordinal) => names[ordinal]?.doc.name ?? '',
  };
}

function addKey<T>(keys: Map<string, T[]>, key: string, doc: T): void {
  if (key.length === 0) return;
  const docs = keys.get(key);
  if (docs === undefined) keys.set(key, [doc]);
  else docs.push(doc);
}

/** The sorted, distinct codes of every pair of adjacent words of these names (`SearchIndex.
 * adjacentPairs`); `words` is the sorted vocabulary they are all in. */
function adjacentPairsOf(
  names: Iterable<readonly string[]>,
  words: readonly string[],
): Float64Array {
  const positions = new Map<string, number>();
  words.forEach((word, at) => positions.set(word, at));
  const codes: number[] = [];
  for (const tokens of names) {
    for (let at = 1; at < tokens.length; at += 1) {
      const first = positions.get(tokens[at - 1] ?? '') ?? 0;
      codes.push(first * words.length + (positions.get(tokens[at] ?? '') ?? 0));
    }
  }
  return sortedDistinct(Float64Array.from(codes));
}

/** `codes` sorted in place, and its distinct values copied out. */
function sortedDistinct(codes: Float64Array): Float64Array {
  const sorted = codes.sort();
  let kept = 0;
  for (let at = 0; at < sorted.length; at += 1) {
    if (at === 0 || sorted[at] !== sorted[kept - 1]) sorted[kept++] = sorted[at] ?? 0;
  }
  return sorted.slice(0, kept);
}

/** Whether some name has `head` followed by `tail` (by a word `tail` begins, `tailAsPrefix`). */
function hasAdjacentPair(
  index: SearchIndex,
  head: string,
  tail: string,
  tailAsPrefix: boolean,
): boolean {
  const { words, adjacentPairs } = index;
  const first = lowerBound(words, head);
  if (words[first] !== head) return false;
  const from = lowerBound(words, tail);
  const to = tailAsPrefix ? afterPrefix(words, tail, from) : words[from] === tail ? from + 1 : from;
  if (from >= to) return false;
  // The codes of the pairs (head, words[from..to)) are contiguous: is any of them there?
  const at = lowerBoundNumber(adjacentPairs, first * words.length + from);
  return at < adjacentPairs.length && (adjacentPairs[at] ?? Infinity) < first * words.length + to;
}

function lowerBoundNumber(values: Float64Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Thrown by `searchListings` on an index without MiniSearch (`buildSearchIndexInSlices`) when
 * the query needs MiniSearch's OR reading: ask an index that has it (the search worker's). */
export class NeedsMiniSearchError extends Error {
  constructor(readonly query: string) {
    super(`"${query}" needs MiniSearch's OR reading, which this index was built without`);
    this.name = 'NeedsMiniSearchError';
  }
}

/** The index, MiniSearch included, in one go (the worker, the tests, the benchmarks). */
export function buildSearchIndex(
  docs: readonly SearchDoc[],
  { miniSearch = true }: { readonly miniSearch?: boolean } = {},
): SearchIndex {
  const steps = indexSteps(docs, docs.length, miniSearch);
  let step = steps.next();
  while (step.done !== true) step = steps.next();
  return step.value;
}

/**
 * The index without MiniSearch (`engine` null), built a slice of documents at a time with
 * `pause()` awaited between slices, so that a page can build it without holding its main thread
 * for more than a slice (~30 ms). Such an index answers every query but those that fall back to
 * MiniSearch's OR reading, which throw `NeedsMiniSearchError`.
 */
export async function buildSearchIndexInSlices(
  docs: readonly SearchDoc[],
  pause: () => Promise<void>,
  sliceSize = 2000,
): Promise<SearchIndex> {
  const steps = indexSteps(docs, sliceSize, false);
  let step = steps.next();
  while (step.done !== true) {
    await pause();
    step = steps.next();
  }
  return step.value;
}

/** Resolves in a task of its own: what the slice builders below await between slices (a page
 * then handles input and paints, a worker takes its next message). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** How `addMiniSearchInSlices` cuts its work: a slice ends after `sliceSize` documents or
 * `sliceMillis` of `now()`, whichever comes first. */
export interface SliceOptions {
  readonly sliceSize?: number;
  readonly sliceMillis?: number;
  readonly now?: () => number;
}

/**
 * Adds MiniSearch to an index built without it, a slice at a time with `pause()` awaited between
 * slices: the search worker answers "ready" without it (MiniSearch was ~0.5 s of the ~1.2 s build,
 * and only the OR reading needs it) and searches between the slices. A search waits for the slice
 * under way: at 10× the lists, in Node, slices of 2,000 documents took 21 ms (median), 43 ms
 * (p90), up to 118 ms; so a slice also ends after 10 ms.
 */
export async function addMiniSearchInSlices(
  index: SearchIndex,
  docs: readonly SearchDoc[],
  pause: () => Promise<void>,
  { sliceSize = 2000, sliceMillis = 10, now = () => performance.now() }: SliceOptions = {},
): Promise<void> {
  if (index.engine !== null) return;
  const engine = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  // MiniSearch indexes the words the index already holds: normalising every name again was
  // ~0.15 s of the worker's time.
  const tokensOf = (doc: SearchDoc) => index.namesById.get(doc.id)?.tokens;
  const words = new Map<string, string>();
  let next = 0;
  while (next < docs.length) {
    await pause();
    building = { tokensOf, words, current: null };
    try {
      const started = now();
      const end = Math.min(docs.length, next + sliceSize);
      while (next < end) {
        engine.add(docs[next] as SearchDoc);
        next += 1;
        if (now() - started >= sliceMillis) break;
      }
    } finally {
      building = null;
    }
  }
  index.engine = engine;
}

function* indexSteps(
  docs: readonly SearchDoc[],
  sliceSize: number,
  withMiniSearch: boolean,
): Generator<void, SearchIndex> {
  const words = new Map<string, string>();
  const tokensByName = new Map<string, readonly string[]>();
  const wholeNames = new Map<string, SearchDoc[]>();
  const identifiers = new Map<string, SearchDoc[]>();
  const postings = new Map<string, number[]>();
  const namesById = new Map<string, IndexedName>();
  const nameList: IndexedName[] = [];
  const listingIds: string[] = [];
  const listingNumbers = new Map<string, number>();
  let averageNameLength = 0;
  let names = 0;
  for (let position = 0; position < docs.length; position += 1) {
    if (position > 0 && position % sliceSize === 0) yield;
    const doc = docs[position];
    if (doc === undefined) continue;
    let listing = listingNumbers.get(doc.listingId);
    if (listing === undefined) {
      listing = listingIds.length;
      listingIds.push(doc.listingId);
      listingNumbers.set(doc.listingId, listing);
    }
    if (doc.kind === 'identifier') {
      for (const key of identifierKeys(doc.name)) addKey(identifiers, key, doc);
      continue;
    }
    let tokens = tokensByName.get(doc.name);
    if (tokens === undefined) {
      const fresh = tokenizeName(doc.name);
      shareWords(fresh, words);
      tokensByName.set(doc.name, fresh);
      tokens = fresh;
    }
    addKey(wholeNames, tokens.join(''), doc);
    const name = addIndexedName(doc, tokens, names, listing, namesById, postings);
    nameList.push(name);
    names += 1;
    // MiniSearch's running mean, over the documents added so far (identifiers included).
    averageNameLength = (averageNameLength * position + name.length) / (position + 1);
  }
  let engine: MiniSearch<SearchDoc> | null = null;
  if (withMiniSearch) {
    engine = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
    // MiniSearch indexes the words already worked out above.
    building = { tokensOf: (doc) => tokensByName.get(doc.name), words, current: null };
    try {
      engine.addAll(docs);
    } finally {
      building = null;
    }
  }
  yield;
  const sorted = [...words.keys()].sort();
  const adjacentPairs = adjacentPairsOf(tokensByName.values(), sorted);
  const namesByWord = sorted.map((word) => postings.get(word) ?? []);
  return {
    engine,
    words: sorted,
    vocabulary: toVocabulary(sorted),
    wordDocCounts: Uint32Array.from(namesByWord, (ordinals) => ordinals.length),
    namesWithWord: (at) => namesByWord[at] ?? [],
    names: columnsOfNames(nameList),
    scoreScratch: new Float64Array(names),
    metScratch: new Uint8Array(names),
    averageNameLength,
    adjacentPairs,
    wholeNames,
    identifiers,
    namesById,
    docCount: docs.length,
    listingIds,
    listingIdRanks: idRanksOf(listingIds),
    listingNumbers,
  };
}

/** `SearchIndex.listingIdRanks` of these ids. */
function idRanksOf(ids: readonly string[]): Int32Array {
  // Loops, not `Int32Array.from(ids, mapping)` and `every`: from the worker's parsed file,
  // those took ~22 ms in Node, on the way to "ready"; these, ~2.
  const ranks = new Int32Array(ids.length);
  let inOrder = true;
  for (let at = 0; at < ids.length; at += 1) {
    ranks[at] = at;
    if (at > 0 && !((ids[at - 1] ?? '') < (ids[at] ?? ''))) inOrder = false;
  }
  if (inOrder) return ranks;
  const byId = [...ranks].sort((a, b) => {
    const first = ids[a] ?? '';
    const second = ids[b] ?? '';
    return first < second ? -1 : first > second ? 1 : 0;
  });
  byId.forEach((listing, rank) => {
    ranks[listing] = rank;
  });
  return ranks;
}

/**
 * The index's name tables over a search file: numbers (which names have which word, which listing
 * a name is of) until a search reads a name, whose `IndexedName` is then made once. Building every
 * name's objects up front was what took the worker ~0.6–0.9 s; a query meets a few hundred.
 */
class SearchFileNames {
  private readonly made: (IndexedName | undefined)[];
  /** Words made for judging (a name judged by a broad prefix needs no more than its words). */
  private readonly madeTokens: (readonly string[] | undefined)[];

  constructor(
    private readonly file: SearchFile,
    /** By name ordinal: its listing's number, and its place among that listing's documents. */
    private readonly nameListing: Int32Array,
    private readonly nameSlot: Int32Array,
    private readonly listingPositions: Lookup<number>,
    /** The names with word w are `wordNames[wordStarts[w] .. wordStarts[w + 1])`, in order. */
    private readonly wordStarts: Int32Array,
    private readonly wordNames: Int32Array,
  ) {
    this.made = new Array<IndexedName | undefined>(nameListing.length);
    this.madeTokens = new Array<readonly string[] | undefined>(nameListing.length);
  }

  get count(): number {
    return this.nameListing.length;
  }

  nameAt(ordinal: number): IndexedName {
    const known = this.made[ordinal];
    if (known !== undefined) return known;
    const listingId = this.file.listingIds[this.nameListing[ordinal] ?? 0] ?? '';
    const slot = this.nameSlot[ordinal] ?? 0;
    const doc: SearchDoc = {
      id: `${listingId}#${slot}`,
      listingId,
      // Not in the file: the page names a hit from its listing (`withMatchedNames`).
      name: '',
      kind: NAME_KINDS[this.file.nameKinds[ordinal] ?? 0] ?? 'weak',
    };
    const tokens = this.tokensAt(ordinal);
    const name = makeIndexedName(doc, tokens, ordinal, slot, this.nameListing[ordinal] ?? -1);
    this.made[ordinal] = name;
    return name;
  }

  tokensAt(ordinal: number): readonly string[] {
    const known = this.madeTokens[ordinal];
    if (known !== undefined) return known;
    const { words, nameWords, nameWordStarts } = this.file;
    const tokens: string[] = [];
    const end = nameWordStarts[ordinal + 1] ?? 0;
    for (let at = nameWordStarts[ordinal] ?? 0; at < end; at += 1)
      tokens.push(words[nameWords[at] ?? 0] ?? '');
    this.madeTokens[ordinal] = tokens;
    return tokens;
  }

  /** `SearchIndex.namesWithWord`: a view, no copy. */
  readonly namesWithWord = (at: number): Int32Array =>
    this.wordNames.subarray(this.wordStarts[at] ?? 0, this.wordStarts[at + 1] ?? 0);

  /** `SearchIndex.namesById`: a document id is `${listingId}#${slot}`, names first. */
  readonly namesById = {
    get: (id: string): IndexedName | undefined => {
      const hash = id.lastIndexOf('#');
      const listing = this.listingPositions.get(id.slice(0, hash));
      const slot = Number(id.slice(hash + 1));
      if (hash < 0 || listing === undefined || !Number.isInteger(slot) || slot < 0)
        return undefined;
      const { firstName } = this.file;
      const ordinal = (firstName[listing] ?? 0) + slot;
      return ordinal < (firstName[listing + 1] ?? 0) ? this.nameAt(ordinal) : undefined;
    },
    values: (): Iterable<IndexedName> => {
      const names: IndexedName[] = [];
      for (let ordinal = 0; ordinal < this.count; ordinal += 1) names.push(this.nameAt(ordinal));
      return names;
    },
  };
}

/** What `indexFromSearchFile` gives: the index, and every document (for MiniSearch). */
export interface SearchFileIndex {
  readonly index: SearchIndex;
  readonly allDocs: () => SearchDoc[];
  /** Each makes one of the tables the index otherwise makes when a search first needs it (the
   * identifiers' keys, the word pairs, the whole names; ~50 ms in all in Node), in an idle moment:
   * the worker's, after "ready", or the page's, a pause between each. */
  readonly laterTables: readonly (() => void)[];
}

/**
 * The whole-names table's hash (`searchFileSteps`): a polynomial hash of the UTF-16 code units,
 * modulo 2³², so that the hash of two strings joined is the first's times the second's factor
 * (`hashFactor` of its length) plus the second's. A name's hash is made from its words' hashes,
 * without joining them; the table checks each candidate's words joined, so a collision costs
 * only a comparison.
 */
const HASH_BASE = 0x01000193;

/** `hash` continued over the code units of `text`. */
function hashInto(hash: number, text: string): number {
  let next = hash;
  for (let at = 0; at < text.length; at += 1)
    next = (Math.imul(next, HASH_BASE) + text.charCodeAt(at)) >>> 0;
  return next;
}

/** HASH_BASE to the power `length`, modulo 2³². */
function hashFactor(length: number): number {
  let factor = 1;
  for (let step = 0; step < length; step += 1) factor = Math.imul(factor, HASH_BASE) >>> 0;
  return factor;
}

/**
 * The index, without MiniSearch, from a checked search file (`readSearchFile`): the same index
 * `buildSearchIndex(docs, { miniSearch: false })` builds from the documents of the listings the
 * file was written from (a test holds their answers equal), in tables of numbers; see
 * `SearchFileNames`. `allDocs` makes every document, for `addMiniSearchInSlices`.
 */
export function indexFromSearchFile(file: SearchFile): SearchFileIndex {
  const steps = searchFileSteps(file, Number.POSITIVE_INFINITY);
  let step = steps.next();
  while (step.done !== true) step = steps.next();
  return step.value;
}

/**
 * `indexFromSearchFile` a slice of `sliceSize` listings (or names) at a time, with `pause()`
 * awaited between slices: the page's own index, made on its main thread (its `laterTables` are
 * the caller's to make, a slice each). In the browser that was 0.31–0.38 s of work in ~50 slices
 * (with those tables), where building it from the listings took ~1.5 s of slices.
 */
export async function indexFromSearchFileInSlices(
  file: SearchFile,
  pause: () => Promise<void>,
  sliceSize = 2000,
): Promise<SearchFileIndex> {
  const steps = searchFileSteps(file, sliceSize);
  let step = steps.next();
  while (step.done !== true) {
    await pause();
    step = steps.next();
  }
  return step.value;
}

/** `indexFromSearchFile`'s work, yielding after every `sliceSize` listings or names. */
function* searchFileSteps(
  file: SearchFile,
  sliceSize: number,
): Generator<void, SearchFileIndex, void> {
  const { words, listingIds, firstName, nameWordStarts, nameWords } = file;
  const { identifierListings, identifierTypes } = file;
  const nameCount = file.nameKinds.length;
  const nameListing = new Int32Array(nameCount);
  const nameSlot = new Int32Array(nameCount);
  const distinctWords = new Uint16Array(nameCount);
  const wordCount = new Uint16Array(nameCount);
  const shortestWord = new Uint16Array(nameCount);
  const wordCounts = new Int32Array(words.length + 1);
  /** Whether the word at `at` is the first of its kind in its name (`start`): a name counts a
   * word once, as MiniSearch does. A loop, not `indexOf`: names are a few words long, and the
   * call cost more than the search (~15 ms of the file's 46,000 names in Node). */
  const firstInName = (at: number, start: number) => {
    const code = nameWords[at];
    for (let before = start; before < at; before += 1) if (nameWords[before] === code) return false;
    return true;
  };
  // Numbers only, before "ready": the listings' ids by position, every document's object and
  // the word pairs are made when first needed (below), which took this loop from ~50 to ~10 ms
  // in Node, the longest step between the file's bytes and "ready".
  let averageNameLength = 0;
  let identifier = 0;
  for (let listing = 0; listing < listingIds.length; listing += 1) {
    if (listing > 0 && listing % sliceSize === 0) yield;
    const first = firstName[listing] ?? 0;
    const end = firstName[listing + 1] ?? 0;
    for (let ordinal = first; ordinal < end; ordinal += 1) {
      // Its place among every document, identifiers included (each listing's follow its names).
      const position = ordinal + identifier;
      const start = nameWordStarts[ordinal] ?? 0;
      const stop = nameWordStarts[ordinal + 1] ?? 0;
      nameListing[ordinal] = listing;
      nameSlot[ordinal] = ordinal - first;
      let distinct = 0;
      let shortest = 0xffff;
      for (let at = start; at < stop; at += 1) {
        const code = nameWords[at] ?? 0;
        shortest = Math.min(shortest, words[code]?.length ?? 0);
        if (!firstInName(at, start)) continue;
        distinct += 1;
        wordCounts[code] = (wordCounts[code] ?? 0) + 1;
      }
      distinctWords[ordinal] = distinct;
      wordCount[ordinal] = stop - start;
      shortestWord[ordinal] = shortest;
      // MiniSearch's running mean, over the documents added so far (identifiers included).
      averageNameLength = (averageNameLength * position + distinct) / (position + 1);
    }
    while (identifierListings[identifier] === listing) identifier += 1;
  }
  const docCount = nameCount + identifier;
  /** A listing's number by its id, made when first asked (`listingNumbers`, `namesById`). */
  let listingNumberTable: Map<string, number> | null = null;
  const listingPositions: Lookup<number> = {
    get: (id) => {
      listingNumberTable ??= new Map(listingIds.map((listingId, at) => [listingId, at]));
      return listingNumberTable.get(id);
    },
  };
  /** The identifiers' documents, in order (numbered after their listing's names). */
  let identifierDocs: SearchDoc[] | null = null;
  const identifierDocsMade = (): SearchDoc[] => {
    if (identifierDocs !== null) return identifierDocs;
    identifierDocs = [];
    const { identifierValues } = file.written();
    let slot = 0;
    for (let at = 0; at < identifierListings.length; at += 1) {
      const listing = identifierListings[at] ?? 0;
      const listingId = listingIds[listing] ?? '';
      const names = (firstName[listing + 1] ?? 0) - (firstName[listing] ?? 0);
      slot = at > 0 && identifierListings[at - 1] === listing ? slot + 1 : names;
      identifierDocs.push({
        id: `${listingId}#${slot}`,
        listingId,
        name: identifierValues[at] ?? '',
        kind: 'identifier',
        identifierType: identifierTypes[at] ?? '',
      });
    }
    return identifierDocs;
  };
  yield;
  // Which names have each word, in name order: counts, then each name filed at its word's cursor.
  const wordStarts = new Int32Array(words.length + 1);
  for (let word = 0; word < words.length; word += 1)
    wordStarts[word + 1] = (wordStarts[word] ?? 0) + (wordCounts[word] ?? 0);
  const cursor = wordStarts.slice(0, words.length);
  const wordNames = new Int32Array(wordStarts[words.length] ?? 0);
  for (let name = 0; name < nameCount; name += 1) {
    if (name > 0 && name % sliceSize === 0) yield;
    const start = nameWordStarts[name] ?? 0;
    const stop = nameWordStarts[name + 1] ?? 0;
    for (let at = start; at < stop; at += 1) {
      if (!firstInName(at, start)) continue;
      const code = nameWords[at] ?? 0;
      wordNames[cursor[code] ?? 0] = name;
      cursor[code] = (cursor[code] ?? 0) + 1;
    }
  }
  yield;
  const names = new SearchFileNames(
    file,
    nameListing,
    nameSlot,
    listingPositions,
    wordStarts,
    wordNames,
  );
  yield;
  const vocabulary = toVocabulary(words);

  // Three tables no query needs before its first search are made when one first does, or in an
  // idle moment after "ready" (`laterTables`): the identifiers' keys (30–40 ms in Node), the
  // sorted word pairs (12–17 ms) and the whole names' hashes (~13 ms). Made up front, they were
  // half of the worker's path from the listings checked to "ready".
  let identifierTable: Map<string, SearchDoc[]> | null = null;
  const identifierTableMade = () => (identifierTable ??= identifierTableOf(identifierDocsMade()));
  let adjacentPairs: Float64Array | null = null;
  const adjacentPairsMade = () => (adjacentPairs ??= fileAdjacentPairsOf(file));
  let wholeNameTable: ExactKeys | null = null;
  const wholeNamesMade = () => (wholeNameTable ??= wholeNamesOf(file, names));
  const index: SearchIndex = {
    engine: null,
    words,
    vocabulary,
    wordDocCounts: Uint32Array.from(wordCounts.subarray(0, words.length)),
    namesWithWord: names.namesWithWord,
    names: {
      count: nameCount,
      distinctWords,
      wordCount,
      shortestWord,
      kinds: file.nameKinds,
      listings: nameListing,
      slots: nameSlot,
      at: (ordinal) => names.nameAt(ordinal),
      tokens: (ordinal) => names.tokensAt(ordinal),
      // Not in the file: the page names a hit from its listing (`withMatchedNames`).
      text: () => '',
    },
    scoreScratch: new Float64Array(nameCount),
    metScratch: new Uint8Array(nameCount),
    averageNameLength,
    get adjacentPairs() {
      return adjacentPairsMade();
    },
    wholeNames: { get: (key) => wholeNamesMade().get(key) },
    identifiers: { get: (key) => identifierTableMade().get(key) },
    namesById: names.namesById,
    docCount,
    listingIds,
    listingIdRanks: idRanksOf(listingIds),
    listingNumbers: listingPositions,
  };
  /** Every document in order: each listing's names, then its identifiers. */
  const allDocs = () => {
    const docs: SearchDoc[] = [];
    const identifiers = identifierDocsMade();
    let next = 0;
    for (let listing = 0; listing < listingIds.length; listing += 1) {
      const end = firstName[listing + 1] ?? 0;
      for (let ordinal = firstName[listing] ?? 0; ordinal < end; ordinal += 1)
        docs.push(names.nameAt(ordinal).doc);
      while (identifierListings[next] === listing) docs.push(identifiers[next++] as SearchDoc);
    }
    return docs;
  };
  return { index, allDocs, laterTables: [identifierTableMade, adjacentPairsMade, wholeNamesMade] };
}

/** A search file's `adjacentPairsOf`: the codes from its numbers, sorted. */
function fileAdjacentPairsOf(file: SearchFile): Float64Array {
  const { words, nameWordStarts, nameWords } = file;
  // Pairs are fewer than words: numbers, filled in place (a pair code passes 2³¹ at 10× the lists).
  const pairCodes = new Float64Array(nameWords.length);
  let pairCount = 0;
  for (let name = 0; name + 1 < nameWordStarts.length; name += 1) {
    const stop = nameWordStarts[name + 1] ?? 0;
    for (let at = (nameWordStarts[name] ?? 0) + 1; at < stop; at += 1)
      pairCodes[pairCount++] = (nameWords[at - 1] ?? 0) * words.length + (nameWords[at] ?? 0);
  }
  return sortedDistinct(pairCodes.subarray(0, pairCount));
}

/** The identifiers' documents by each of their keys (`identifierKeys`). */
function identifierTableOf(docs: readonly SearchDoc[]): Map<string, SearchDoc[]> {
  const table = new Map<string, SearchDoc[]>();
  for (const doc of docs) for (const key of identifierKeys(doc.name)) addKey(table, key, doc);
  return table;
}

/**
 * The whole-names table of a search file's names: by the hash of their words joined, in a
 * table of name ordinals (open addressing, in name order along each probe). A Map keyed by the
 * joined words made a string per name, 0.6 s at 10× the lists in Node. Each word's hash and its
 * factor are worked out once; a name's hash is then a step per word.
 */
function wholeNamesOf(file: SearchFile, names: SearchFileNames): ExactKeys {
  const { words, nameWordStarts, nameWords } = file;
  const nameCount = file.nameKinds.length;
  const wordHashes = new Uint32Array(words.length);
  const wordFactors = new Uint32Array(words.length);
  words.forEach((word, at) => {
    wordHashes[at] = hashInto(0, word);
    wordFactors[at] = hashFactor(word.length);
  });
  const wholeNameHashes = new Uint32Array(nameCount);
  const wholeNameSlots = new Int32Array(2 ** Math.ceil(Math.log2(2 * nameCount + 2))).fill(-1);
  const slotMask = wholeNameSlots.length - 1;
  for (let name = 0; name < nameCount; name += 1) {
    const start = nameWordStarts[name] ?? 0;
    const stop = nameWordStarts[name + 1] ?? 0;
    if (stop === start) continue; // no words: no key, as `addKey` keeps none
    let hash = 0;
    for (let at = start; at < stop; at += 1) {
      const code = nameWords[at] ?? 0;
      hash = (Math.imul(hash, wordFactors[code] ?? 1) + (wordHashes[code] ?? 0)) >>> 0;
    }
    wholeNameHashes[name] = hash;
    let slot = hash & slotMask;
    while ((wholeNameSlots[slot] ?? -1) >= 0) slot = (slot + 1) & slotMask;
    wholeNameSlots[slot] = name;
  }
  return {
    get: (key) => {
      const hash = hashInto(0, key);
      const docs: SearchDoc[] = [];
      for (let slot = hash & slotMask; ; slot = (slot + 1) & slotMask) {
        const name = wholeNameSlots[slot] ?? -1;
        if (name < 0) break;
        if (wholeNameHashes[name] === hash && names.tokensAt(name).join('') === key)
          docs.push(names.nameAt(name).doc);
      }
      return docs.length === 0 ? undefined : docs;
    },
  };
}

export function searchDocCount(index: SearchIndex): number {
  return index.docCount;
}

export interface SearchHit {
  readonly listingId: string;
  /** The name (or identifier value) that matched best, as the source wrote it; '' for a name
   * from an index read from a search file, which the page fills in (`withMatchedNames`). */
  readonly matchedName: string;
  readonly matchedKind: NameKind;
  /** Which of its listing's search documents matched (`toSearchDocs` order: 0 the primary name,
   * then the aliases, then identifiers). */
  readonly matchedSlot: number;
  readonly score: number;
  readonly quality: MatchQuality;
  /** For an identifier hit, the identifier's type ("ISIN"). */
  readonly identifierType?: string;
  /** How the query met the name; null for an identifier hit. */
  readonly match: NameMatch | null;
  /** How the query was rewritten to find this hit (words joined, …); null when it was not. */
  readonly variantNote: string | null;
  /** True when only some query words matched (the OR fallback after AND found nothing). */
  readonly isPartial: boolean;
  /** Its listing's position in `SearchListingsOptions.listingPositions`, when the search was
   * given them (-1: not there). */
  readonly position?: number;
}

export interface SearchListingsOptions {
  /** Only these listings can hit; applied before ranking and `limit` (facets filter first). */
  readonly candidateIds?: ReadonlySet<string>;
  /** Most listings returned; default all. */
  readonly limit?: number;
  /** Each listing's position in the caller's order, by its number in the index (`listingIds`):
   * every hit then carries its `position`. The worker's answers carry the positions of the
   * page's facts; looked up by listing id in a Map instead, at 10× the lists that was 15–20 ms
   * of every broad prefix ("ha": 10,860 hits) in Node. */
  readonly listingPositions?: Int32Array;
}

/** One way of reading the query: its tokens, and a note when they were rewritten. */
interface QueryVariant {
  readonly tokens: readonly string[];
  readonly note: string | null;
  /** The tokens a hit is judged by, when not `tokens`: a split reading finds candidates by the
   * two halves, but only a name with them side by side, in order, is a match. */
  readonly judgeBy?: readonly string[];
  /** No prefix search: a split of the word being typed searches its first half as a whole word
   * (the half-typed second half would expand to every word with its first letter). */
  readonly exactWords?: boolean;
  /** Multiplies the MiniSearch score of the reading's hits (default 1). */
  readonly weight?: number;
}

interface QueryPlan {
  readonly variants: readonly QueryVariant[];
  /** The query minus a last word that may be a half-typed legal form ("megvii technology lim"). */
  readonly withoutLegalPrefix: QueryVariant | null;
  readonly compact: string;
  readonly identifier: string;
}

/** Joining every adjacent pair costs one search each; names longer than this rarely need it. */
const MAX_TOKENS_FOR_JOINING = 6;
/** MiniSearch's default weight of a prefix match, and our weight of a split word. */
const PREFIX_MATCH_WEIGHT = 0.375;
const SPLIT_WEIGHT = 0.8;
/** A last query term this short is checked on the names the other terms find (`collectNames`). */
const SHORT_PREFIX = 2;
/** Each split reading is one more search; a word rarely has more than one sensible split. */
const MAX_SPLIT_READINGS = 3;
/** Neither half of a split word may be shorter ("a" + "lbank" is a coincidence, not two words),
 * except the half being typed: "gazpromb" is "gazprom b…". */
const MIN_SPLIT_PART = 2;

/** Whether some indexed name has the word `word` (or, `asPrefix`, a word starting with it). */
function isIndexedWord(words: readonly string[], word: string, asPrefix: boolean): boolean {
  const next = words[lowerBound(words, word)];
  return next !== undefined && (next === word || (asPrefix && next.startsWith(word)));
}

/** The words of the vocabulary a query word meets: the word itself and, `asPrefix`, the words
 * it begins (`words[start..end)`, sorted, so contiguous), and the words within its typos. */
interface TermWords {
  readonly term: string;
  readonly start: number;
  readonly end: number;
  /** Within `maxTypos(term)` edits and neither the word itself nor one it begins; null until
   * looked up (`withNearWords`), which costs a walk of the vocabulary. */
  readonly near: readonly NearWord[] | null;
  /** How many documents it meets, counted per word met (a name with two counts twice): what
   * searching it costs. Without the near words until they are looked up. */
  readonly documents: number;
}

function termWords(index: SearchIndex, term: string, asPrefix: boolean): TermWords {
  const { words, wordDocCounts } = index;
  const start = lowerBound(words, term);
  let end = words[start] === term ? start + 1 : start;
  if (asPrefix) end = afterPrefix(words, term, start);
  let documents = 0;
  for (let at = start; at < end; at += 1) documents += wordDocCounts[at] ?? 0;
  return { term, start, end, near: maxTypos(term) === 0 ? [] : null, documents };
}

/** How many terms' near words `nearWordsOf` keeps per vocabulary: a long query's words, and a few
 * queries back. */
const NEAR_WORDS_KEPT = 64;
const nearWordsByVocabulary = new WeakMap<Vocabulary, Map<string, readonly NearWord[]>>();

/**
 * The vocabulary's words within `maxTypos(term)` of `term`, kept for the terms searched last.
 * While a query is typed, each keystroke searches its finished words again: at 10× the lists a
 * walk of the vocabulary (119,000 words) takes 0.3–1.5 ms a term in Node once compiled, so
 * "islamic republic of iran s" walked it again for every word before the one being typed.
 */
function nearWordsOf(vocabulary: Vocabulary, term: string): readonly NearWord[] {
  let kept = nearWordsByVocabulary.get(vocabulary);
  if (kept === undefined) {
    kept = new Map();
    nearWordsByVocabulary.set(vocabulary, kept);
  }
  let near = kept.get(term);
  if (near === undefined) {
    near = wordsWithin(vocabulary, term, maxTypos(term));
    // The oldest goes first: a Map iterates in insertion order.
    if (kept.size >= NEAR_WORDS_KEPT) kept.delete(kept.keys().next().value as string);
    kept.set(term, near);
  }
  return near;
}

function withNearWords(index: SearchIndex, meets: TermWords): TermWords {
  if (meets.near !== null) return meets;
  const { start, end } = meets;
  const near = nearWordsOf(index.vocabulary, meets.term).filter(
    ({ at }) => at < start || at >= end,
  );
  let documents = meets.documents;
  for (const { at } of near) documents += index.wordDocCounts[at] ?? 0;
  return { ...meets, near, documents };
}

/**
 * Readings of the query with one word split in two where some name has both halves side by side
 * ("gazprombank" → "gazprom bank"; while typing, "gazpromb" → "gazprom b…"): the index holds
 * single words only, so this is how a joined query meets a name written apart. Longest first
 * half first; at most `MAX_SPLIT_READINGS`.
 */
function splitReadings(tokens: readonly string[], index: SearchIndex): QueryVariant[] {
  const readings: QueryVariant[] = [];
  tokens.forEach((token, position) => {
    const isLast = position === tokens.length - 1;
    const longestHead = token.length - (isLast ? 1 : MIN_SPLIT_PART);
    for (let cut = longestHead; cut >= MIN_SPLIT_PART; cut -= 1) {
      if (readings.length >= MAX_SPLIT_READINGS) return;
      const head = token.slice(0, cut);
      const tail = token.slice(cut);
      if (!hasAdjacentPair(index, head, tail, isLast)) continue;
      readings.push({
        // The typed half is left to the judging: the names with the first half are few.
        tokens: isLast
          ? [...tokens.slice(0, position), head]
          : [...tokens.slice(0, position), head, tail, ...tokens.slice(position + 1)],
        note: `word split ("${token}" as "${head} ${tail}")`,
        judgeBy: tokens,
        exactWords: isLast,
        // A split is a guess at how the words were joined, and a split of the word being typed
        // is a prefix match: weighed as MiniSearch weighs prefix matches, so "gazpromb" ranks
        // GAZPROMBANK above GAZPROM BURENIE.
        weight: isLast ? PREFIX_MATCH_WEIGHT : SPLIT_WEIGHT,
      });
    }
  });
  return readings;
}

function planQuery(query: string, index: SearchIndex): QueryPlan {
  const { words } = index;
  const tokens = tokenizeName(query);
  const variants: QueryVariant[] = [{ tokens, note: null }];
  if (tokens.length <= MAX_TOKENS_FOR_JOINING) {
    variants.push(...splitReadings(tokens, index));
    for (let start = 0; start + 1 < tokens.length; start += 1) {
      const pair = tokens.slice(start, start + 2);
      // A joined reading can only find a name that has the joined word: each reading is a full
      // search, and "islamic republic of iran s" would otherwise run five of them (~0.3 s).
      const isLast = start + 2 === tokens.length;
      if (!isIndexedWord(words, pair.join(''), isLast)) continue;
      variants.push({
        tokens: [...tokens.slice(0, start), pair.join(''), ...tokens.slice(start + 2)],
        note: `words joined ("${pair.join(' ')}" as "${pair.join('')}")`,
      });
    }
  }
  const unfinished = unfinishedLegalFormLength(tokens);
  const withoutLegalPrefix =
    unfinished > 0
      ? {
          tokens: tokens.slice(0, -unfinished),
          note: `ignoring "${tokens.slice(-unfinished).join(' ')}", an unfinished legal form`,
        }
      : null;
  return {
    variants,
    withoutLegalPrefix,
    compact: tokens.join(''),
    identifier: normalizeIdentifier(query),
  };
}

/** One document that hit, with how well: a name, by its ordinal (its objects are not made for
 * this), or an identifier document. */
interface DocHit {
  /** The name's `IndexedName.ordinal`; -1 for an identifier. */
  readonly ordinal: number;
  /** The identifier document, for an identifier hit; null for a name. */
  readonly identifier: SearchDoc | null;
  /** Its listing's number in the index (`SearchIndex.listingIds`). */
  readonly listing: number;
  /** Its listing's place in id order (`SearchIndex.listingIdRanks`). */
  readonly idRank: number;
  /** Its position among its listing's documents (`SearchHit.matchedSlot`). */
  readonly slot: number;
  readonly kind: NameKind;
  readonly score: number;
  readonly rank: number;
  readonly match: NameMatch | null;
  readonly variantNote: string | null;
}

/** Hits so far, one per listing (its best), by listing number. */
type BestHits = Map<number, DocHit>;

/** A total order (the slot settles ties within a listing), so the best hit of a listing is the
 * same whichever reading or name found it first. */
function beats(rank: number, score: number, slot: number, current: DocHit | undefined): boolean {
  if (current === undefined) return true;
  if (rank !== current.rank) return rank < current.rank;
  if (score !== current.score) return score > current.score;
  return slot < current.slot;
}

/** Keeps one hit per listing, its best. */
function keepBest(hits: BestHits, hit: DocHit): void {
  if (beats(hit.rank, hit.score, hit.slot, hits.get(hit.listing))) hits.set(hit.listing, hit);
}

/** Options for a MiniSearch search of `index`: each name boosted by its kind, and only the
 * names of `candidateIds`' listings, when given. */
export function miniSearchOptions(
  index: SearchIndex,
  options: SearchOptions,
  candidateIds?: ReadonlySet<string>,
): SearchOptions {
  const listingOf = (id: unknown) => index.namesById.get(String(id))?.doc.listingId;
  return {
    ...options,
    boostDocument: (id) => index.namesById.get(String(id))?.boost ?? 1,
    ...(candidateIds === undefined
      ? {}
      : { filter: (result: SearchResult) => candidateIds.has(listingOf(result.id) ?? '') }),
  };
}

/** The score of an exact whole-name or identifier hit: above any word match's MiniSearch score,
 * and a primary name above an alias. */
const EXACT_SCORE = 1000;

/** Whole-name equality (by compact key) and identifier equality: rank class 0, no fuzziness. */
function collectExact(
  index: SearchIndex,
  plan: QueryPlan,
  candidateIds: ReadonlySet<string> | undefined,
  hits: BestHits,
): void {
  const found = [
    ...(index.wholeNames.get(plan.compact) ?? []),
    ...(index.identifiers.get(plan.identifier) ?? []),
  ];
  const queryTokens = plan.variants[0]?.tokens ?? [];
  const query = prepareQuery(queryTokens);
  for (const doc of found) {
    const { listingId, kind } = doc;
    if (candidateIds !== undefined && !candidateIds.has(listingId)) continue;
    const score = EXACT_SCORE * KIND_BOOST[kind];
    const listing = index.listingNumbers.get(listingId) ?? -1;
    const idRank = index.listingIdRanks[listing] ?? -1;
    const common = { listing, idRank, kind, score, rank: 0 };
    if (kind === 'identifier') {
      const slot = slotOf(doc.id);
      keepBest(hits, {
        ...common,
        ordinal: -1,
        identifier: doc,
        slot,
        match: null,
        variantNote: null,
      });
      continue;
    }
    const name = index.namesById.get(doc.id);
    if (name === undefined)
      throw new Error(`search index holds a name it does not list: ${doc.id}`);
    const variantNote = spacingNote(queryTokens, name.tokens);
    const match = judgeName(query, name.tokens);
    const { ordinal, slot } = name;
    keepBest(hits, { ...common, ordinal, identifier: null, slot, match, variantNote });
  }
}

/** How a whole-name match differs from the query in its spacing only, or null when it does not. */
function spacingNote(query: readonly string[], name: readonly string[]): string | null {
  if (query.length === name.length) return null;
  const [spaced, joined] = query.length > name.length ? [query, name] : [name, query];
  const verb = query.length > name.length ? 'words joined' : 'word split';
  return `${verb} ("${spaced.join(' ')}" as "${joined.join(' ')}")`;
}

/** The names a search found, and the score of each (MiniSearch's, or `termHits`' equal of it). */
interface Found {
  /** The names found, by `IndexedName.ordinal`. */
  readonly ordinals: ArrayLike<number>;
  readonly scores: ArrayLike<number>;
  /** How the searched word met each name (`termHits` of one word), when known. */
  readonly met?: Uint8Array;
}

/** MiniSearch's results as the index's own names: no document object per result, and the words
 * of each at hand for judging. */
function foundByMiniSearch(index: SearchIndex, results: readonly SearchResult[]): Found {
  const ordinals: number[] = [];
  const scores: number[] = [];
  for (const result of results) {
    const name = index.namesById.get(String(result.id));
    if (name === undefined) {
      throw new Error(`search index holds a document it does not list: ${String(result.id)}`);
    }
    ordinals.push(name.ordinal);
    scores.push(result.score);
  }
  return { ordinals, scores };
}

/** MiniSearch's defaults: BM25+ parameters, and the weights of a prefix and a typo match. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/**
 * The documents a query word meets (`termWords`), scored exactly as MiniSearch scores them: BM25+
 * per word met, an exact word weighing 1, a word it begins less the longer that word is, a word
 * within its typos less the more typos; the kind of name as boost. This is MiniSearch's search of
 * one word without its per-result bookkeeping: "ha" meets 23,600 names at 10× the lists, and
 * MiniSearch spent 140 ms building results the engine re-sorts anyway.
 */
function termHits(
  index: SearchIndex,
  terms: readonly TermWords[],
  candidateIds: ReadonlySet<string> | undefined,
): Found {
  const { words, names, listingIds, scoreScratch: scores, metScratch: how } = index;
  const { distinctWords, wordCount, kinds, listings } = names;
  const met: number[] = [];
  const add = (at: number, weight: number, meets: number) => {
    const ordinals = index.namesWithWord(at);
    const inverseFrequency = Math.log(
      1 + (index.docCount - ordinals.length + 0.5) / (ordinals.length + 0.5),
    );
    for (let next = 0; next < ordinals.length; next += 1) {
      const ordinal = ordinals[next] ?? 0;
      if (candidateIds !== undefined && !candidateIds.has(listingIds[listings[ordinal] ?? 0] ?? ''))
        continue;
      const length = distinctWords[ordinal] ?? 0;
      let frequency = 1;
      if (length !== wordCount[ordinal]) {
        // A word repeats in this name (rare): count the searched one.
        const word = words[at];
        frequency = 0;
        for (const token of names.tokens(ordinal)) if (token === word) frequency += 1;
      }
      const saturation =
        (frequency * (BM25.k + 1)) /
        (frequency + BM25.k * (1 - BM25.b + (BM25.b * length) / index.averageNameLength));
      const boost = BOOST_BY_KIND[kinds[ordinal] ?? 0] ?? 1;
      const score = weight * boost * inverseFrequency * (BM25.d + saturation);
      // Every score is above 0 (d > 0, idf > 0, boosts > 0): 0 means not met yet.
      if (scores[ordinal] === 0) met.push(ordinal);
      scores[ordinal] = (scores[ordinal] ?? 0) + score;
      const before = how[ordinal] ?? 0;
      if (before === 0 || meets < before) how[ordinal] = meets;
    }
  };
  for (const meets of terms) {
    for (let at = meets.start; at < meets.end; at += 1) {
      const length = words[at]?.length ?? 0;
      const extra = length - meets.term.length;
      if (extra === 0) add(at, 1, MET_EXACT);
      else add(at, (PREFIX_WEIGHT * length) / (length + 0.3 * extra), MET_PREFIX);
    }
    for (const { at, distance } of withNearWords(index, meets).near ?? []) {
      const length = words[at]?.length ?? 0;
      add(at, (FUZZY_WEIGHT * length) / (length + distance), MET_PREFIX + distance);
    }
  }
  const ordinals = Int32Array.from(met);
  const metScores = new Float64Array(met.length);
  const metHow = new Uint8Array(met.length);
  ordinals.forEach((ordinal, position) => {
    metScores[position] = scores[ordinal] ?? 0;
    metHow[position] = how[ordinal] ?? 0;
    scores[ordinal] = 0;
    how[ordinal] = 0;
  });
  return { ordinals, scores: metScores, met: metHow };
}

/**
 * The `count` words of a reading that the fewest documents have, with the words each meets: the
 * words searched. The other words are judged on the names found (`judgeNameInto` checks every
 * word, by MiniSearch's exact, prefix and typo rules), which returns the same names: a name that
 * has every word has the rarest one. Searched too, a common word cost the whole of its postings:
 * "of" (10,400 names at 10× the lists) took 45 of the 57 ms of "academy of military medical
 * sciences", and a short last word expands to thousands ("china m": 36 ms for 37 names). The
 * score is then that word's alone; the rank class, decided by the judging, still orders exact
 * before prefix before typo matches. A word's typo matches are looked up only while it can still
 * be among the rarest: "military" takes 10 ms to walk at 10× the lists.
 */
function rarestTerms(index: SearchIndex, variant: QueryVariant, count: number): TermWords[] {
  const { tokens } = variant;
  const candidates = tokens.flatMap((term, position) => {
    const asPrefix = !variant.exactWords && isPrefixTerm(term, position, tokens);
    // A last word of one or two letters is never searched when there are others.
    if (asPrefix && term.length <= SHORT_PREFIX && tokens.length > 1) return [];
    return [termWords(index, term, asPrefix)];
  });
  candidates.sort((a, b) => a.documents - b.documents);
  const rarest: TermWords[] = [];
  for (const candidate of candidates) {
    const last = rarest[count - 1];
    // The near words only add documents: a word already commoner than the chosen stays out.
    if (last !== undefined && candidate.documents >= last.documents) break;
    rarest.push(withNearWords(index, candidate));
    rarest.sort((a, b) => a.documents - b.documents);
    rarest.length = Math.min(rarest.length, count);
  }
  return rarest;
}

/**
 * How many of a reading's words a name must have:
 * - `every`: all of them (AND);
 * - `all but one`: all but one, when no name has them all. A name that lacks one word has one of
 *   the two rarest, so only those two are searched;
 * - `any`: at least one, when no name has all but one: MiniSearch's OR search.
 * "kim jong eun", where no name has "eun", lists the names with "kim" and "jong" (274 at 10× the
 * lists), not every Kim or Jong (2,545).
 */
type Requirement = 'every' | 'all but one' | 'any';

function collectNames(
  index: SearchIndex,
  variant: QueryVariant,
  requirement: Requirement,
  candidateIds: ReadonlySet<string> | undefined,
  hits: BestHits,
): void {
  const wordCount = variant.tokens.length;
  if (wordCount === 0) return;
  const query = prepareQuery(variant.judgeBy ?? variant.tokens);
  let found: Found;
  let needed: number;
  if (requirement !== 'any') {
    const searched = requirement === 'every' ? 1 : 2;
    found = termHits(index, rarestTerms(index, variant, searched), candidateIds);
    needed = requirement === 'every' ? query.tokens.length : wordCount - 1;
  } else {
    // A last word of one or two letters is still left to the judging, or it would add every
    // name with a word that begins with it.
    const last = variant.tokens[wordCount - 1] ?? '';
    const dropShortLast = !variant.exactWords && wordCount > 1 && last.length <= SHORT_PREFIX;
    const searched = dropShortLast ? variant.tokens.slice(0, -1) : variant.tokens;
    const options = miniSearchOptions(
      index,
      { ...OR_SEARCH, ...(variant.exactWords || dropShortLast ? { prefix: false } : {}) },
      candidateIds,
    );
    if (index.engine === null) throw new NeedsMiniSearchError(variant.tokens.join(' '));
    found = foundByMiniSearch(index, index.engine.search(searched.join(' '), options));
    // Any one word will do, ranked by MiniSearch's OR score, which weighs how many and how rare:
    // keeping only the names with the most words lost "VTB BANK AZERBAIJAN OPEN JOINT STOCK"
    // to names with the commoner "open", "joint" and "stock".
    needed = 1;
  }
  const weight = variant.weight ?? 1;
  // Judged into one scratch match; a hit's own objects are made only when it is the best of
  // its listing so far (a broad prefix judges 23,600 names at 10× the lists, and each object
  // kept alive through the search is copied by every young-generation collection).
  const match = newMatchScratch();
  const { ordinals, scores } = found;
  const { names, listingIdRanks } = index;
  // A one-word query is judged by how the search met each name, where that is the whole story;
  // then the name's words are not read, nor its objects made.
  const oneWord =
    query.tokens.length === 1 && variant.judgeBy === undefined ? found.met : undefined;
  const term = query.tokens[0] ?? '';
  for (let position = 0; position < ordinals.length; position += 1) {
    const ordinal = ordinals[position] ?? 0;
    if (oneWord !== undefined && (names.shortestWord[ordinal] ?? 0) >= term.length) {
      judgeOneWordInto(term, oneWord[position] ?? 0, names.wordCount[ordinal] ?? 0, match);
    } else {
      judgeNameInto(query, names.tokens(ordinal), match);
    }
    if (match.matchedTerms < needed) continue;
    const listing = names.listings[ordinal] ?? 0;
    const slot = names.slots[ordinal] ?? 0;
    const score = (scores[position] ?? 0) * weight;
    const rank = rankClass(match);
    if (!beats(rank, score, slot, hits.get(listing))) continue;
    hits.set(listing, {
      ordinal,
      identifier: null,
      listing,
      idRank: listingIdRanks[listing] ?? -1,
      slot,
      kind: NAME_KINDS[names.kinds[ordinal] ?? 0] ?? 'weak',
      score,
      rank,
      match: copyMatch(match),
      variantNote: variant.note,
    });
  }
}

/** Every word, over every reading of the query; then every word but a half-typed legal form;
 * only when both found nothing, fewer words (partial hits), so that a query word no name has
 * does not empty the list. */
function collectAll(
  index: SearchIndex,
  plan: QueryPlan,
  candidateIds: ReadonlySet<string> | undefined,
): BestHits {
  const hits: BestHits = new Map();
  collectExact(index, plan, candidateIds, hits);
  for (const variant of plan.variants) collectNames(index, variant, 'every', candidateIds, hits);
  if (hits.size === 0 && plan.withoutLegalPrefix !== null) {
    collectNames(index, plan.withoutLegalPrefix, 'every', candidateIds, hits);
  }
  const original = plan.variants[0];
  if (hits.size === 0 && original !== undefined && original.tokens.length > 1) {
    collectNames(index, original, 'all but one', candidateIds, hits);
    if (hits.size === 0 && original.tokens.length > 2) {
      collectNames(index, original, 'any', candidateIds, hits);
    }
  }
  return hits;
}

type WritableSearchHit = { -readonly [Field in keyof SearchHit]: SearchHit[Field] };

/** The explanation sentence is not built here but for the rows shown (`explainSearchHit`):
 * building it for every hit was a fifth of a broad prefix's time at 10× the lists. Written into
 * `into` when given (`searchListingsRanked`'s one object), else into a new object. */
function toSearchHit(
  index: SearchIndex,
  hit: DocHit,
  listingPositions: Int32Array | undefined,
  into?: WritableSearchHit,
): SearchHit {
  const { identifier, match } = hit;
  // Filled in place: a copy per hit to add a field cost an object per hit of a broad prefix.
  const searchHit: WritableSearchHit = into ?? {
    listingId: '',
    matchedName: '',
    matchedKind: hit.kind,
    matchedSlot: 0,
    score: 0,
    quality: 'identifier',
    match: null,
    variantNote: null,
    isPartial: false,
  };
  searchHit.listingId = index.listingIds[hit.listing] ?? '';
  searchHit.matchedName = identifier === null ? index.names.text(hit.ordinal) : identifier.name;
  searchHit.matchedKind = hit.kind;
  searchHit.matchedSlot = hit.slot;
  searchHit.score = hit.score;
  searchHit.quality = match === null ? 'identifier' : match.quality;
  searchHit.match = match;
  searchHit.variantNote = hit.variantNote;
  searchHit.isPartial = match !== null && match.matchedTerms < match.totalTerms;
  if (listingPositions !== undefined) searchHit.position = listingPositions[hit.listing] ?? -1;
  // The one object goes on to the next hit: a field one hit has must not stay for the next.
  if (identifier?.identifierType !== undefined || into !== undefined)
    searchHit.identifierType = identifier?.identifierType;
  return searchHit;
}

/** The slot of a document id `${listingId}#${slot}`, read from its last digits without making
 * a string: for an exact hit, and once per name when the index is built from documents. */
function slotOf(id: string): number {
  let slot = 0;
  let scale = 1;
  for (let at = id.length - 1; at >= 0; at -= 1) {
    const digit = id.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) break;
    slot += digit * scale;
    scale *= 10;
  }
  return slot;
}

function compareHits(a: DocHit, b: DocHit): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.score !== b.score) return b.score - a.score;
  return a.idRank - b.idRank;
}

/** Bits of a sort key (`rankedHits`): the rank class, the score as a float32, the id rank. */
const KEY_ID_BITS = 18;
const KEY_SCORE_BITS = 31;
const KEY_MOST_RANK = 2 ** (53 - KEY_SCORE_BITS - KEY_ID_BITS) - 1;
const KEY_ID_SCALE = 2 ** KEY_ID_BITS;
const KEY_RANK_SCALE = 2 ** (KEY_SCORE_BITS + KEY_ID_BITS);
const KEY_MOST_SCORE_BITS = 2 ** KEY_SCORE_BITS - 1;
const float32 = new Float32Array(1);
const float32Bits = new Uint32Array(float32.buffer);
/** By id rank, the hit's place in the list being ranked plus one; scratch, all zeros between. */
const placeByIdRankOf = new WeakMap<SearchIndex, Int32Array>();

/**
 * `hits` best first, in `compareHits`' order: each hit as one number (rank class, then the score
 * descending, then the id rank, in the 53 bits of a double's integers), sorted by the typed
 * array's own numeric sort. A comparator called ~500,000 times for the 32,000 hits of "limited
 * liability company tra" at 10× the lists took 5–20 ms in Node (55 ms with a collection), the
 * keys ~2. The score goes as a float32, whose bits, for a number above 0, order as the number:
 * scores within 1 part in 10⁷ of each other (the same name's arithmetic done in another order)
 * tie, and go in id order. Where a hit would not fit (a listing beyond 2¹⁸, a score of 0 or
 * more than float32 holds), the comparator sorts them.
 */
function rankedHits(index: SearchIndex, hits: BestHits): DocHit[] {
  const list = [...hits.values()];
  const listingCount = index.listingIds.length;
  if (list.length < 64 || listingCount > KEY_ID_SCALE) return list.sort(compareHits);
  const keys = new Float64Array(list.length);
  for (let at = 0; at < list.length; at += 1) {
    const { rank, score, idRank } = list[at] as DocHit;
    float32[0] = score;
    const bits = float32Bits[0] as number;
    // Above 0 and finite: 0 < bits < 0x7f800000.
    if (!(score > 0) || bits >= 0x7f800000 || rank < 0 || rank > KEY_MOST_RANK || idRank < 0)
      return list.sort(compareHits);
    keys[at] = rank * KEY_RANK_SCALE + (KEY_MOST_SCORE_BITS - bits) * KEY_ID_SCALE + idRank;
  }
  let placeByIdRank = placeByIdRankOf.get(index);
  if (placeByIdRank === undefined) {
    placeByIdRank = new Int32Array(listingCount);
    placeByIdRankOf.set(index, placeByIdRank);
  }
  for (let at = 0; at < list.length; at += 1) placeByIdRank[(list[at] as DocHit).idRank] = at + 1;
  keys.sort();
  const ranked = new Array<DocHit>(list.length);
  for (let at = 0; at < keys.length; at += 1) {
    const key = keys[at] as number;
    const idRank = key - Math.floor(key / KEY_ID_SCALE) * KEY_ID_SCALE;
    ranked[at] = list[(placeByIdRank[idRank] as number) - 1] as DocHit;
    placeByIdRank[idRank] = 0;
  }
  return ranked;
}

/**
 * Query → one hit per listing (its best-matching name), best first: identifier or whole-name
 * equality, then every word exact, then prefix, then fuzzy, then partial; MiniSearch score within
 * a class. Word order does not matter; "Gazprom Bank" and "GAZPROMBANK" find each other.
 */
export function searchListings(
  index: SearchIndex,
  query: string,
  options: SearchListingsOptions = {},
): SearchHit[] {
  return bestHits(index, query, options).map((hit) =>
    toSearchHit(index, hit, options.listingPositions),
  );
}

/** The query's hits, best first, at most `options.limit` of them. */
function bestHits(index: SearchIndex, query: string, options: SearchListingsOptions): DocHit[] {
  const hits = collectAll(index, planQuery(query, index), options.candidateIds);
  const ranked = rankedHits(index, hits);
  return options.limit === undefined ? ranked : ranked.slice(0, options.limit);
}

/** A search's hits, best first, read one at a time (`searchListingsRanked`). */
export interface RankedHits {
  readonly count: number;
  /** The hit at `at` (0 is the best), in one object that the next call overwrites. */
  hitAt(at: number): SearchHit;
}

/**
 * `searchListings`' hits without an object each: for the worker, which packs them into typed
 * arrays (`packed-hits.ts`) and reads each hit once. At 10× the lists the 32,000 objects of
 * "limited liability company tra" took 5–15 ms to make in Node, and their collections up to 45.
 */
export function searchListingsRanked(
  index: SearchIndex,
  query: string,
  options: SearchListingsOptions = {},
): RankedHits {
  const ranked = bestHits(index, query, options);
  const count = ranked.length;
  let into: WritableSearchHit | undefined;
  return {
    count,
    hitAt: (at) => {
      const hit = ranked[at];
      if (hit === undefined) throw new RangeError(`no hit ${at} of ${count}`);
      const written = toSearchHit(index, hit, options.listingPositions, into);
      into = written as WritableSearchHit;
      return written;
    },
  };
}
