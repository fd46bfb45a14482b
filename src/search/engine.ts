/**
 * The search engine: MiniSearch options (defined ONCE, here), index building and query → ranked
 * hits per listing. Pure and synchronous: the worker and the unit tests call it unchanged.
 */
import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import {
  classifyNameMatch,
  isPrefixTerm,
  judgeName,
  maxTypos,
  prepareQuery,
  rankClass,
  type MatchQuality,
  type NameMatch,
} from './classify';
import { identifierKeys, isLegalFormPrefix, normalizeIdentifier, tokenizeName } from './normalize';
import { NAME_KINDS, type NameKind, type SearchDoc } from './search-docs';

/** The one index field: the normalised words of a name. Whole names and identifiers are looked up
 * exactly, in plain maps (`SearchIndex`); a word that is two of a name's words joined is found by
 * splitting it at query time (`planQuery`). Indexing the joined pairs and the whole-name keys in
 * MiniSearch too made the build 2.2× slower (BENCHMARKS.md, search ready). */
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
      return doc.kind === 'identifier' ? undefined : doc.name;
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

/** While an index is built: the tokens of each name, by the document's name (the build reads
 * them for the exact-name map), and every word, each spelling kept once, for
 * `SearchIndex.words`. */
let building: { tokens: Map<string, readonly string[]>; words: Map<string, string> } | null = null;

/** Index-time tokenising of the name field. A query (`field` undefined) arrives already
 * normalised by `planQuery`, space-separated, so it is only split: the one normalisation is
 * `tokenizeName`. */
function tokenizeField(text: string, field?: string): string[] {
  if (field !== NAME_TERMS) return text.split(' ').filter((term) => term.length > 0);
  const tokens = tokenizeName(text);
  if (building !== null) {
    // One string per distinct word, shared by every name that has it: 465,000 names at 10× the
    // lists have ~1.3 M words but only ~150,000 distinct ones, and judging a hit reads them
    // (fewer objects to keep, to collect and to fetch from memory).
    const { words } = building;
    for (let at = 0; at < tokens.length; at += 1) {
      const token = tokens[at] ?? '';
      const shared = words.get(token);
      if (shared === undefined) words.set(token, token);
      else tokens[at] = shared;
    }
    building.tokens.set(text, tokens);
  }
  return tokens;
}

function boostByKind(_id: unknown, _term: string, stored?: Record<string, unknown>): number {
  const kind = stored?.['kind'];
  return typeof kind === 'string' && isNameKind(kind) ? KIND_BOOST[kind] : 1;
}

/**
 * THE MiniSearch options. Build with `new MiniSearch(SEARCH_OPTIONS)`; a serialised index must be
 * loaded with `MiniSearch.loadJSON(json, SEARCH_OPTIONS)` (see `loadSearchIndex`), because
 * MiniSearch does not store its tokenizer and a mismatch silently returns wrong results.
 * The default search is the name search: AND, prefix on the last term (the one being typed),
 * typo tolerance by `maxTypos` (none for 1–3 letters).
 */
export const SEARCH_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: [NAME_TERMS],
  storeFields: ['listingId', 'name', 'kind', 'identifierType'],
  extractField,
  tokenize: tokenizeField,
  processTerm: (term) => term,
  searchOptions: {
    fields: [NAME_TERMS],
    prefix: isPrefixTerm,
    fuzzy: (term) => maxTypos(term) || false,
    combineWith: 'AND',
    boostDocument: boostByKind,
  },
};

const OR_SEARCH: SearchOptions = { combineWith: 'OR' };

/** Exact keys → the documents that have them. */
type ExactKeys = ReadonlyMap<string, readonly SearchDoc[]>;

export interface SearchIndex {
  /** The words of every name (not identifiers), for word, prefix and typo search. */
  readonly engine: MiniSearch<SearchDoc>;
  /** Every word of every indexed name, sorted: the vocabulary joined and split readings of a
   * query are checked against. */
  readonly words: readonly string[];
  /** How many documents have `words[i]`: how selective a query word is (`searchedTerm`). */
  readonly wordDocCounts: Uint32Array;
  /** Word → the names that have it: a word without typo tolerance (three letters or fewer) is
   * looked up here rather than in MiniSearch (`wordHits`). */
  readonly postings: ReadonlyMap<string, readonly IndexedName[]>;
  /** Scratch space for `wordHits`, one score per `IndexedName.ordinal`: a broad prefix at 10× the
   * lists meets 23,600 names, and a Map from name to score cost most of its time. Searches run
   * one at a time (a worker, or a test), and each leaves it all zeros. */
  readonly scoreScratch: Float64Array;
  /** MiniSearch's average name length in words, computed as it computes it, so that `wordHits`
   * scores exactly as MiniSearch would. */
  readonly averageNameLength: number;
  /** Every pair of adjacent words of a name, space-separated ("gazprom bank"), sorted: a query
   * word is split in two only where some name has the two halves side by side. */
  readonly adjacentPairs: readonly string[];
  /** A name's words joined with nothing (`compactKey`) → its documents: whole-name equality,
   * so "Gazprom Bank" and "GAZPROMBANK" are the same name. */
  readonly wholeNames: ExactKeys;
  /** `identifierKeys` of an identifier value → its documents; looked up exactly and only so. */
  readonly identifiers: ExactKeys;
  /** `tokenizeName` of every indexed name, so judging a hit does not normalise its name again
   * (a third of the time of a broad prefix such as "al", 2,307 listings). */
  readonly nameTokens: ReadonlyMap<string, readonly string[]>;
  readonly docCount: number;
}

/** A name document with its words, as `wordHits` scores and judges it. */
interface IndexedName {
  readonly doc: SearchDoc;
  readonly tokens: readonly string[];
  /** Distinct words: MiniSearch's field length. */
  readonly length: number;
  /** Its position among the index's names: its slot in `scoreScratch`. */
  readonly ordinal: number;
  /** `KIND_BOOST` of its kind, and whether a word occurs twice in it: what `wordHits` needs,
   * at hand without reading the document or the words. */
  readonly boost: number;
  readonly repeatsWord: boolean;
}

function indexedName(doc: SearchDoc, tokens: readonly string[], ordinal: number): IndexedName {
  const length = new Set(tokens).size;
  return {
    doc,
    tokens,
    length,
    ordinal,
    boost: KIND_BOOST[doc.kind],
    repeatsWord: length < tokens.length,
  };
}

function addKey<T>(keys: Map<string, T[]>, key: string, doc: T): void {
  if (key.length === 0) return;
  const docs = keys.get(key);
  if (docs === undefined) keys.set(key, [doc]);
  else docs.push(doc);
}

export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
  const engine = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  const state = { tokens: new Map<string, readonly string[]>(), words: new Map<string, string>() };
  building = state;
  try {
    engine.addAll(docs);
  } finally {
    building = null;
  }
  const wholeNames = new Map<string, SearchDoc[]>();
  const identifiers = new Map<string, SearchDoc[]>();
  const adjacentPairs = new Set<string>();
  const postings = new Map<string, IndexedName[]>();
  let averageNameLength = 0;
  let names = 0;
  docs.forEach((doc, position) => {
    if (doc.kind === 'identifier') {
      for (const key of identifierKeys(doc.name)) addKey(identifiers, key, doc);
      return;
    }
    const tokens = state.tokens.get(doc.name) ?? tokenizeName(doc.name);
    addKey(wholeNames, tokens.join(''), doc);
    for (let at = 1; at < tokens.length; at += 1)
      adjacentPairs.add(`${tokens[at - 1]} ${tokens[at]}`);
    const name = indexedName(doc, tokens, names);
    names += 1;
    for (const token of new Set(tokens)) addKey(postings, token, name);
    // MiniSearch's running mean, over the documents added so far (identifiers included).
    averageNameLength = (averageNameLength * position + name.length) / (position + 1);
  });
  const words = [...state.words.keys()].sort();
  return {
    engine,
    words,
    wordDocCounts: Uint32Array.from(words, (word) => postings.get(word)?.length ?? 0),
    postings,
    scoreScratch: new Float64Array(names),
    averageNameLength,
    adjacentPairs: [...adjacentPairs].sort(),
    wholeNames,
    identifiers,
    nameTokens: state.tokens,
    docCount: docs.length,
  };
}

/** A prebuilt index as JSON (the benchmarks weigh shipping one against building it in the
 * worker). Load it with `loadSearchIndex`, which applies the same `SEARCH_OPTIONS`. */
export function serializeSearchIndex(index: SearchIndex): string {
  return JSON.stringify({
    engine: index.engine,
    words: index.words,
    adjacentPairs: index.adjacentPairs,
    averageNameLength: index.averageNameLength,
    wholeNames: [...index.wholeNames],
    identifiers: [...index.identifiers],
  });
}

export function loadSearchIndex(json: string): SearchIndex {
  const parsed = JSON.parse(json) as Record<string, unknown>;
  const { engine, words, adjacentPairs, averageNameLength, wholeNames, identifiers } = parsed;
  if (
    typeof engine !== 'object' ||
    engine === null ||
    !Array.isArray(words) ||
    typeof averageNameLength !== 'number' ||
    !Array.isArray(adjacentPairs) ||
    !Array.isArray(wholeNames) ||
    !Array.isArray(identifiers)
  ) {
    throw new Error('not a serialised search index');
  }
  const loaded = MiniSearch.loadJS<SearchDoc>(
    engine as Parameters<typeof MiniSearch.loadJS>[0],
    SEARCH_OPTIONS,
  );
  const names = exactKeysFrom(wholeNames);
  // Every name document is under its whole-name key: the postings are read back from there.
  const postings = new Map<string, IndexedName[]>();
  let ordinal = 0;
  for (const docs of names.values()) {
    for (const doc of docs) {
      const name = indexedName(doc, tokenizeName(doc.name), ordinal);
      ordinal += 1;
      for (const token of new Set(name.tokens)) addKey(postings, token, name);
    }
  }
  const vocabulary = words.filter((word): word is string => typeof word === 'string');
  return {
    engine: loaded,
    words: vocabulary,
    wordDocCounts: Uint32Array.from(vocabulary, (word) => postings.get(word)?.length ?? 0),
    postings,
    scoreScratch: new Float64Array(ordinal),
    averageNameLength,
    adjacentPairs: adjacentPairs.filter((pair): pair is string => typeof pair === 'string'),
    wholeNames: names,
    identifiers: exactKeysFrom(identifiers),
    // Not serialised: judging tokenises the names it meets instead.
    nameTokens: new Map(),
    docCount: loaded.documentCount,
  };
}

function exactKeysFrom(entries: readonly unknown[]): ExactKeys {
  return new Map(
    entries.map((entry) => {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1]))
        throw new Error('not a serialised search index');
      return [entry[0], entry[1].map((doc: unknown) => toSearchDoc(doc as SearchResult))];
    }),
  );
}

export function searchDocCount(index: SearchIndex): number {
  return index.docCount;
}

export interface SearchHit {
  readonly listingId: string;
  /** The name (or identifier value) that matched best, as the source wrote it. */
  readonly matchedName: string;
  readonly matchedKind: NameKind;
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
}

export interface SearchListingsOptions {
  /** Only these listings can hit; applied before ranking and `limit` (facets filter first). */
  readonly candidateIds?: ReadonlySet<string>;
  /** Most listings returned; default all. */
  readonly limit?: number;
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

/** The position of the first of the sorted `words` not below `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] ?? '') < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether some indexed name has the word `word` (or, `asPrefix`, a word starting with it). */
function isIndexedWord(words: readonly string[], word: string, asPrefix: boolean): boolean {
  const next = words[lowerBound(words, word)];
  return next !== undefined && (next === word || (asPrefix && next.startsWith(word)));
}

/** About how many documents a query word meets: those with the word itself, or, `asPrefix`, with
 * any word it begins (counted per word, so a name with two such words counts twice). Counting
 * stops once past `enough`. Typo matches are not counted: a word no name has counts 0. */
function documentsMeeting(
  index: SearchIndex,
  word: string,
  asPrefix: boolean,
  enough: number,
): number {
  const { words, wordDocCounts } = index;
  let at = lowerBound(words, word);
  if (!asPrefix) return words[at] === word ? (wordDocCounts[at] ?? 0) : 0;
  let count = 0;
  for (; at < words.length && count <= enough; at += 1) {
    if (!(words[at] ?? '').startsWith(word)) break;
    count += wordDocCounts[at] ?? 0;
  }
  return count;
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
      if (!isIndexedWord(index.adjacentPairs, `${head} ${tail}`, isLast)) continue;
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
  const last = tokens[tokens.length - 1];
  const withoutLegalPrefix =
    tokens.length >= 2 && last !== undefined && isLegalFormPrefix(last)
      ? { tokens: tokens.slice(0, -1), note: `ignoring "${last}", an unfinished legal form` }
      : null;
  return {
    variants,
    withoutLegalPrefix,
    compact: tokens.join(''),
    identifier: normalizeIdentifier(query),
  };
}

function isNameKind(value: string): value is NameKind {
  return (NAME_KINDS as readonly string[]).includes(value);
}

/** The stored fields of a result, checked: they crossed MiniSearch's untyped `any`. */
function toSearchDoc(result: SearchResult): SearchDoc {
  const { id, listingId, name, kind, identifierType } = result as Record<string, unknown>;
  if (
    typeof id !== 'string' ||
    typeof listingId !== 'string' ||
    typeof name !== 'string' ||
    typeof kind !== 'string' ||
    !isNameKind(kind)
  ) {
    throw new Error(`search index holds a malformed document: ${String(id)}`);
  }
  return typeof identifierType === 'string'
    ? { id, listingId, name, kind, identifierType }
    : { id, listingId, name, kind };
}

/** One document that hit, with how well. */
interface DocHit {
  readonly doc: SearchDoc;
  readonly score: number;
  readonly rank: number;
  readonly match: NameMatch | null;
  readonly variantNote: string | null;
}

/** A total order (the document id settles ties), so the best hit of a listing is the same
 * whichever reading or name found it first. */
function isBetter(a: DocHit, b: DocHit): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  if (a.score !== b.score) return a.score > b.score;
  return a.doc.id < b.doc.id;
}

/** Keeps one hit per listing, its best. */
function keepBest(hits: Map<string, DocHit>, hit: DocHit): void {
  const key = hit.doc.listingId;
  const current = hits.get(key);
  if (current === undefined || isBetter(hit, current)) hits.set(key, hit);
}

type ResultFilter = (result: SearchResult) => boolean;

function toFilter(candidateIds: ReadonlySet<string> | undefined): ResultFilter | undefined {
  if (candidateIds === undefined) return undefined;
  return (result) => candidateIds.has(String(result['listingId']));
}

function withFilter(options: SearchOptions, filter: ResultFilter | undefined): SearchOptions {
  return filter === undefined ? options : { ...options, filter };
}

function tokensOf(index: SearchIndex, name: string): readonly string[] {
  return index.nameTokens.get(name) ?? tokenizeName(name);
}

function judge(index: SearchIndex, name: string, queryTokens: readonly string[]): NameMatch {
  return classifyNameMatch(name, queryTokens, tokensOf(index, name));
}

/** The score of an exact whole-name or identifier hit: above any word match's MiniSearch score,
 * and a primary name above an alias. */
const EXACT_SCORE = 1000;

/** Whole-name equality (by compact key) and identifier equality: rank class 0, no fuzziness. */
function collectExact(
  index: SearchIndex,
  plan: QueryPlan,
  candidateIds: ReadonlySet<string> | undefined,
  hits: Map<string, DocHit>,
): void {
  const found = [
    ...(index.wholeNames.get(plan.compact) ?? []),
    ...(index.identifiers.get(plan.identifier) ?? []),
  ];
  const queryTokens = plan.variants[0]?.tokens ?? [];
  for (const doc of found) {
    if (candidateIds !== undefined && !candidateIds.has(doc.listingId)) continue;
    const isName = doc.kind !== 'identifier';
    const match = isName ? judge(index, doc.name, queryTokens) : null;
    const score = EXACT_SCORE * KIND_BOOST[doc.kind];
    const variantNote = isName ? spacingNote(queryTokens, tokensOf(index, doc.name)) : null;
    keepBest(hits, { doc, score, rank: 0, match, variantNote });
  }
}

/** How a whole-name match differs from the query in its spacing only, or null when it does not. */
function spacingNote(query: readonly string[], name: readonly string[]): string | null {
  if (query.length === name.length) return null;
  const [spaced, joined] = query.length > name.length ? [query, name] : [name, query];
  const verb = query.length > name.length ? 'words joined' : 'word split';
  return `${verb} ("${spaced.join(' ')}" as "${joined.join(' ')}")`;
}

/** A document found, with MiniSearch's score (or `wordHits`' equal of it), and its words when
 * the finder had them at hand. */
interface WordHit {
  readonly doc: SearchDoc;
  readonly score: number;
  readonly tokens?: readonly string[];
}

function asWordHits(results: readonly SearchResult[]): WordHit[] {
  return results.map((result) => ({ doc: toSearchDoc(result), score: result.score }));
}

/** MiniSearch's defaults: BM25+ parameters, and the weight of a prefix match. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;

/**
 * The documents with the word `term` (or, `asPrefix`, with a word it begins), scored exactly as
 * MiniSearch scores them (BM25+, prefix matches weighed down by how much longer the word is, the
 * kind of name as boost), from the index's own postings. For a word without typo tolerance this
 * is the same search without MiniSearch's per-result bookkeeping: "ha" meets 23,600 names at 10×
 * the lists, and MiniSearch spent 140 ms building and sorting results the engine re-sorts anyway.
 */
function wordHits(
  index: SearchIndex,
  term: string,
  asPrefix: boolean,
  candidateIds: ReadonlySet<string> | undefined,
): WordHit[] {
  const { words, postings, scoreScratch: scores } = index;
  const met: IndexedName[] = [];
  for (let at = lowerBound(words, term); at < words.length; at += 1) {
    const word = words[at] ?? '';
    if (word !== term && !(asPrefix && word.startsWith(term))) break;
    const docs = postings.get(word) ?? [];
    const distance = word.length - term.length;
    const weight =
      distance === 0 ? 1 : (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * distance);
    const inverseFrequency = Math.log(
      1 + (index.docCount - docs.length + 0.5) / (docs.length + 0.5),
    );
    for (const name of docs) {
      const { length, ordinal } = name;
      if (candidateIds !== undefined && !candidateIds.has(name.doc.listingId)) continue;
      let frequency = 1;
      if (name.repeatsWord) {
        frequency = 0;
        for (const token of name.tokens) if (token === word) frequency += 1;
      }
      const saturation =
        (frequency * (BM25.k + 1)) /
        (frequency + BM25.k * (1 - BM25.b + (BM25.b * length) / index.averageNameLength));
      const score = weight * name.boost * inverseFrequency * (BM25.d + saturation);
      // Every score is above 0 (d > 0, idf > 0, boosts > 0): 0 means not met yet.
      if (scores[ordinal] === 0) met.push(name);
      scores[ordinal] = (scores[ordinal] ?? 0) + score;
    }
  }
  return met.map((name) => {
    const score = scores[name.ordinal] ?? 0;
    scores[name.ordinal] = 0;
    return { doc: name.doc, score, tokens: name.tokens };
  });
}

/**
 * The one word of an AND reading that MiniSearch searches: the one the fewest documents have.
 * The other words are judged on the names it finds (`classifyNameMatch` checks every word, by the
 * same exact, prefix and typo rules), which returns the same names: a name that has every word has
 * this one. Searched too, a common word cost the whole of its postings: "of" (10,400 names at 10×
 * the lists) took 45 of the 57 ms of "academy of military medical sciences", and a short last word
 * expands to thousands ("china m": 36 ms for 37 names). The score is then that word's alone;
 * the rank class, decided by the judging, still orders exact before prefix before typo matches.
 */
function searchedTerm(
  index: SearchIndex,
  variant: QueryVariant,
): { readonly term: string; readonly asPrefix: boolean } {
  const { tokens } = variant;
  let best = { term: tokens[0] ?? '', asPrefix: false };
  let fewest = Infinity;
  tokens.forEach((term, position) => {
    const asPrefix = !variant.exactWords && isPrefixTerm(term, position, tokens);
    // A last word of one or two letters is never the one searched when there are others.
    if (asPrefix && term.length <= SHORT_PREFIX && tokens.length > 1) return;
    const count = documentsMeeting(index, term, asPrefix, fewest);
    if (count < fewest) {
      fewest = count;
      best = { term, asPrefix };
    }
  });
  return best;
}

/** `isComplete`: every term must match (AND); otherwise at least one (OR). Checked again on the
 * classification because MiniSearch also matches joined pairs fuzzily, which we do not count. */
function collectNames(
  index: SearchIndex,
  variant: QueryVariant,
  options: SearchOptions,
  candidateIds: ReadonlySet<string> | undefined,
  hits: Map<string, DocHit>,
): void {
  if (variant.tokens.length === 0) return;
  const isComplete = options.combineWith !== OR_SEARCH.combineWith;
  let results: readonly WordHit[];
  if (isComplete) {
    const { term, asPrefix } = searchedTerm(index, variant);
    results =
      maxTypos(term) === 0
        ? wordHits(index, term, asPrefix, candidateIds)
        : asWordHits(index.engine.search(term, { ...options, prefix: asPrefix }));
  } else {
    // Any word may match, so each is searched; but a last word of one or two letters is still
    // left to the judging, or it would add every name with a word that begins with it.
    const last = variant.tokens[variant.tokens.length - 1] ?? '';
    const dropShortLast =
      !variant.exactWords && variant.tokens.length > 1 && last.length <= SHORT_PREFIX;
    const searched = dropShortLast ? variant.tokens.slice(0, -1) : variant.tokens;
    const searchOptions =
      variant.exactWords || dropShortLast ? { ...options, prefix: false } : options;
    results = asWordHits(index.engine.search(searched.join(' '), searchOptions));
  }
  const query = prepareQuery(variant.judgeBy ?? variant.tokens);
  for (const result of results) {
    const { doc } = result;
    const match = judgeName(query, result.tokens ?? tokensOf(index, doc.name));
    const needed = isComplete ? match.totalTerms : 1;
    if (match.matchedTerms < needed) continue;
    const hit = {
      doc,
      score: result.score * (variant.weight ?? 1),
      rank: rankClass(match),
      match,
      variantNote: variant.note,
    };
    keepBest(hits, hit);
  }
}

/** AND over every reading of the query; then AND without a half-typed legal form; OR only when
 * both found nothing, so a query word no name has does not empty the list. */
function collectAll(
  index: SearchIndex,
  plan: QueryPlan,
  candidateIds: ReadonlySet<string> | undefined,
): Map<string, DocHit> {
  const hits = new Map<string, DocHit>();
  const filter = toFilter(candidateIds);
  collectExact(index, plan, candidateIds, hits);
  const andOptions = withFilter({}, filter);
  for (const variant of plan.variants) collectNames(index, variant, andOptions, candidateIds, hits);
  if (hits.size === 0 && plan.withoutLegalPrefix !== null) {
    collectNames(index, plan.withoutLegalPrefix, andOptions, candidateIds, hits);
  }
  const original = plan.variants[0];
  if (hits.size === 0 && original !== undefined && original.tokens.length > 1) {
    collectNames(index, original, withFilter(OR_SEARCH, filter), candidateIds, hits);
  }
  return hits;
}

/** The explanation sentence is not built here but for the rows shown (`explainSearchHit`):
 * building it for every hit was a fifth of a broad prefix's time at 10× the lists. */
function toSearchHit(hit: DocHit): SearchHit {
  const { doc, match } = hit;
  const searchHit: SearchHit = {
    listingId: doc.listingId,
    matchedName: doc.name,
    matchedKind: doc.kind,
    score: hit.score,
    quality: match === null ? 'identifier' : match.quality,
    match,
    variantNote: hit.variantNote,
    isPartial: match !== null && match.matchedTerms < match.totalTerms,
  };
  return doc.identifierType === undefined
    ? searchHit
    : { ...searchHit, identifierType: doc.identifierType };
}

function compareHits(a: DocHit, b: DocHit): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.score !== b.score) return b.score - a.score;
  return a.doc.listingId < b.doc.listingId ? -1 : a.doc.listingId > b.doc.listingId ? 1 : 0;
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
  const hits = collectAll(index, planQuery(query, index), options.candidateIds);
  const ranked = [...hits.values()].sort(compareHits);
  const limited = options.limit === undefined ? ranked : ranked.slice(0, options.limit);
  return limited.map(toSearchHit);
}
