/**
 * The search engine: MiniSearch options (defined ONCE, here), index building and query → ranked
 * hits per listing. Pure and synchronous: the worker and the unit tests call it unchanged.
 */
import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import {
  classifyNameMatch,
  isPrefixTerm,
  joinedPairs,
  maxTypos,
  rankClass,
  type MatchQuality,
  type NameMatch,
} from './classify';
import { explainHit } from './explain';
import { identifierKeys, isLegalFormPrefix, normalizeIdentifier, tokenizeName } from './normalize';
import { NAME_KINDS, type NameKind, type SearchDoc } from './search-docs';

/** Index fields. Each is a different view of the same name, so none clashes with a stored field. */
const NAME_TERMS = 'nameTerms'; // the normalised words
const JOINED_TERMS = 'joinedTerms'; // adjacent words joined: "gazprom bank" → "gazprombank"
const COMPACT_KEY = 'compactKey'; // the whole name as one key, for whole-name equality
const IDENTIFIER_KEY = 'identifierKey'; // identifier values, looked up exactly and only exactly

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
  const isIdentifier = doc.kind === 'identifier';
  switch (field) {
    case NAME_TERMS:
    case JOINED_TERMS:
    case COMPACT_KEY:
      return isIdentifier ? undefined : doc.name;
    case IDENTIFIER_KEY:
      return isIdentifier ? doc.name : undefined;
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

/** MiniSearch tokenises each field on its own, and three fields view the same name: the last
 * name's tokens are reused rather than normalised three times (a third of the build time). */
let lastName: string | null = null;
let lastTokens: readonly string[] = [];
/** While an index is built: every name word, for `SearchIndex.words`. */
let collectingWords: Set<string> | null = null;

function nameTokens(name: string): readonly string[] {
  if (name !== lastName) {
    lastTokens = tokenizeName(name);
    lastName = name;
  }
  return lastTokens;
}

/** Index-time tokenising per field. A query (`field` undefined) arrives already normalised by
 * `planQuery`, space-separated, so it is only split: the one normalisation is `tokenizeName`. */
function tokenizeField(text: string, field?: string): string[] {
  switch (field) {
    case NAME_TERMS: {
      const tokens = nameTokens(text);
      if (collectingWords !== null) for (const token of tokens) collectingWords.add(token);
      return [...tokens];
    }
    case JOINED_TERMS:
      return joinedPairs(nameTokens(text));
    case COMPACT_KEY:
      return [nameTokens(text).join('')].filter((key) => key.length > 0);
    case IDENTIFIER_KEY:
      return identifierKeys(text);
    default:
      return text.split(' ').filter((term) => term.length > 0);
  }
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
  fields: [NAME_TERMS, JOINED_TERMS, COMPACT_KEY, IDENTIFIER_KEY],
  storeFields: ['listingId', 'name', 'kind', 'identifierType'],
  extractField,
  tokenize: tokenizeField,
  processTerm: (term) => term,
  searchOptions: {
    fields: [NAME_TERMS, JOINED_TERMS],
    // A joined pair is a guess at how words were split; the words themselves count more.
    boost: { [JOINED_TERMS]: 0.8 },
    prefix: isPrefixTerm,
    fuzzy: (term) => maxTypos(term) || false,
    combineWith: 'AND',
    boostDocument: boostByKind,
  },
};

/** Overrides of the default search for the exact lookups: no prefix, no typos, ever. */
const EXACT_KEY_SEARCH: SearchOptions = { fields: [COMPACT_KEY], prefix: false, fuzzy: false };
const IDENTIFIER_SEARCH: SearchOptions = { fields: [IDENTIFIER_KEY], prefix: false, fuzzy: false };
const OR_SEARCH: SearchOptions = { combineWith: 'OR' };

export interface SearchIndex {
  readonly engine: MiniSearch<SearchDoc>;
  /** Every word of every indexed name, sorted; null when unknown (an index loaded from JSON). */
  readonly words: readonly string[] | null;
}

export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
  const engine = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  collectingWords = new Set();
  try {
    engine.addAll(docs);
    return { engine, words: [...collectingWords].sort() };
  } finally {
    collectingWords = null;
  }
}

export function serializeSearchIndex(index: SearchIndex): string {
  return JSON.stringify(index.engine);
}

export function loadSearchIndex(json: string): SearchIndex {
  return { engine: MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS), words: null };
}

export function searchDocCount(index: SearchIndex): number {
  return index.engine.documentCount;
}

export interface SearchHit {
  readonly listingId: string;
  /** The name (or identifier value) that matched best, as the source wrote it. */
  readonly matchedName: string;
  readonly matchedKind: NameKind;
  readonly score: number;
  readonly quality: MatchQuality;
  /** One sentence for a tooltip. */
  readonly explanation: string;
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

/** Whether some indexed name has the word `joined` (or, `asPrefix`, a word starting with it). */
function isIndexedWord(
  words: readonly string[] | null,
  joined: string,
  asPrefix: boolean,
): boolean {
  if (words === null) return true; // unknown vocabulary: try the reading
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] ?? '') < joined) low = middle + 1;
    else high = middle;
  }
  const next = words[low];
  return next !== undefined && (next === joined || (asPrefix && next.startsWith(joined)));
}

function planQuery(query: string, words: readonly string[] | null): QueryPlan {
  const tokens = tokenizeName(query);
  const variants: QueryVariant[] = [{ tokens, note: null }];
  if (tokens.length <= MAX_TOKENS_FOR_JOINING) {
    for (let index = 0; index + 1 < tokens.length; index += 1) {
      const pair = tokens.slice(index, index + 2);
      // A joined reading can only find a name that has the joined word: each reading is a full
      // search, and "islamic republic of iran s" would otherwise run five of them (~0.3 s).
      const isLast = index + 2 === tokens.length;
      if (!isIndexedWord(words, pair.join(''), isLast)) continue;
      variants.push({
        tokens: [...tokens.slice(0, index), pair.join(''), ...tokens.slice(index + 2)],
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

function isBetter(a: DocHit, b: DocHit): boolean {
  return a.rank !== b.rank ? a.rank < b.rank : a.score > b.score;
}

function keepBest(hits: Map<string, DocHit>, key: string, hit: DocHit): void {
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

/** Whole-name equality (by compact key) and identifier equality: rank class 0, no fuzziness. */
function collectExact(
  index: SearchIndex,
  plan: QueryPlan,
  filter: ResultFilter | undefined,
  hits: Map<string, DocHit>,
): void {
  const lookups: [string, SearchOptions][] = [
    [plan.compact, EXACT_KEY_SEARCH],
    [plan.identifier, IDENTIFIER_SEARCH],
  ];
  for (const [key, options] of lookups) {
    if (key.length === 0) continue;
    for (const result of index.engine.search(key, withFilter(options, filter))) {
      const doc = toSearchDoc(result);
      const match =
        doc.kind === 'identifier'
          ? null
          : classifyNameMatch(doc.name, plan.variants[0]?.tokens ?? []);
      keepBest(hits, doc.id, { doc, score: result.score, rank: 0, match, variantNote: null });
    }
  }
}

/** `isComplete`: every term must match (AND); otherwise at least one (OR). Checked again on the
 * classification because MiniSearch also matches joined pairs fuzzily, which we do not count. */
function collectNames(
  index: SearchIndex,
  variant: QueryVariant,
  options: SearchOptions,
  hits: Map<string, DocHit>,
): void {
  if (variant.tokens.length === 0) return;
  const isComplete = options.combineWith !== OR_SEARCH.combineWith;
  for (const result of index.engine.search(variant.tokens.join(' '), options)) {
    const doc = toSearchDoc(result);
    const match = classifyNameMatch(doc.name, variant.tokens);
    const needed = isComplete ? match.totalTerms : 1;
    if (match.matchedTerms < needed) continue;
    const hit = {
      doc,
      score: result.score,
      rank: rankClass(match),
      match,
      variantNote: variant.note,
    };
    keepBest(hits, doc.id, hit);
  }
}

/** AND over every reading of the query; then AND without a half-typed legal form; OR only when
 * both found nothing, so a query word no name has does not empty the list. */
function collectAll(
  index: SearchIndex,
  plan: QueryPlan,
  filter: ResultFilter | undefined,
): Map<string, DocHit> {
  const hits = new Map<string, DocHit>();
  collectExact(index, plan, filter, hits);
  const andOptions = withFilter({}, filter);
  for (const variant of plan.variants) collectNames(index, variant, andOptions, hits);
  if (hits.size === 0 && plan.withoutLegalPrefix !== null) {
    collectNames(index, plan.withoutLegalPrefix, andOptions, hits);
  }
  const original = plan.variants[0];
  if (hits.size === 0 && original !== undefined && original.tokens.length > 1) {
    collectNames(index, original, withFilter(OR_SEARCH, filter), hits);
  }
  return hits;
}

function toSearchHit(hit: DocHit): SearchHit {
  const { doc, match } = hit;
  return {
    listingId: doc.listingId,
    matchedName: doc.name,
    matchedKind: doc.kind,
    score: hit.score,
    quality: match === null ? 'identifier' : match.quality,
    explanation: explainHit({ ...doc, match, variantNote: hit.variantNote }),
    isPartial: match !== null && match.matchedTerms < match.totalTerms,
  };
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
  const hits = collectAll(index, planQuery(query, index.words), toFilter(options.candidateIds));
  const perListing = new Map<string, DocHit>();
  for (const hit of hits.values()) keepBest(perListing, hit.doc.listingId, hit);
  const ranked = [...perListing.values()].sort(compareHits);
  const limited = options.limit === undefined ? ranked : ranked.slice(0, options.limit);
  return limited.map(toSearchHit);
}
