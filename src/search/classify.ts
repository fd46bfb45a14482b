/**
 * How well a query met one name: exact, prefix or fuzzy, and how many typos. MiniSearch returns a
 * score but not this, so it is recomputed here for the (few) names that hit, with the same rules
 * the engine gives MiniSearch (`maxTypos`, prefix on the last term only).
 */
import { tokenizeName } from './normalize';

export const MATCH_QUALITIES = ['exact', 'prefix', 'fuzzy', 'identifier'] as const;
export type MatchQuality = (typeof MATCH_QUALITIES)[number];

/** Typos allowed in a query term: none for 1–3 letters (too many short words are one edit apart:
 * "un", "an", "in"), then 20% of the length, at most 2 so long words stay precise and fast. */
export function maxTypos(term: string): number {
  if (term.length < 4) return 0;
  return Math.min(2, Math.round(term.length * 0.2));
}

/** Prefix search applies to the last query term only (the word being typed), and not to a lone
 * single letter, which would be a prefix of a third of the index. Shared with the engine. */
export function isPrefixTerm(term: string, index: number, terms: readonly string[]): boolean {
  return index === terms.length - 1 && (term.length >= 2 || terms.length > 1);
}

/** The two rows of `editDistance`, kept between calls: judging a broad query computes it for
 * tens of thousands of words, and an array per row was three quarters of its time (210,000
 * distances in Node: 65 ms with them, 15 ms without). */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Levenshtein distance when it is at most `max`; otherwise some number above `max` (the rows
 * stop as soon as it must exceed `max`). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (previousRow.length <= b.length) {
    previousRow = new Int32Array(b.length + 1);
    currentRow = new Int32Array(b.length + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    const letter = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (letter === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[b.length]!;
}

type TermMatch =
  | { readonly kind: 'exact' }
  | { readonly kind: 'prefix' }
  | { readonly kind: 'fuzzy'; readonly typos: number }
  | { readonly kind: 'none' };

// Shared answers: judging runs for every name a broad prefix meets (23,000 at 10× the lists).
const EXACT: TermMatch = { kind: 'exact' };
const PREFIX: TermMatch = { kind: 'prefix' };
const NONE: TermMatch = { kind: 'none' };

export interface NameMatch {
  /** Worst match over the query terms that matched (`exact` only if every one is exact). */
  readonly quality: Exclude<MatchQuality, 'identifier'>;
  /** The whole name equals the query: same normalised words in any order, or the same compact
   * key ("Gazprom Bank" = "GAZPROMBANK"). */
  readonly isFullName: boolean;
  readonly matchedTerms: number;
  readonly totalTerms: number;
  readonly typos: number;
  /** The query term matched as a prefix, if any. */
  readonly prefixTerm: string | null;
}

/** Whether two adjacent name words joined ("gazprom" + "bank") are `term`, without joining
 * them. */
function isJoinedPair(term: string, first: string, second: string): boolean {
  return (
    first.length + second.length === term.length && term.startsWith(first) && term.endsWith(second)
  );
}

/** Whether two adjacent name words joined begin with `term` (and the first alone does not). */
function joinedPairStartsWith(term: string, first: string, second: string): boolean {
  return (
    first.length < term.length &&
    term.startsWith(first) &&
    second.startsWith(term.slice(first.length))
  );
}

/**
 * How `term` meets a name's words. The name is also indexed by each adjacent pair joined, so that
 * "gazprombank" meets "GAZPROM BANK"; pairs match exactly or as a prefix, never fuzzily: a typo
 * across a pair ("sugon" ~ "se gon") is a coincidence, not a spelling variant.
 */
function matchTerm(
  term: string,
  tokens: readonly string[],
  isPrefix: boolean,
  distances: Map<string, number>,
): TermMatch {
  if (tokens.includes(term)) return EXACT;
  for (let at = 1; at < tokens.length; at += 1) {
    if (isJoinedPair(term, tokens[at - 1] ?? '', tokens[at] ?? '')) return EXACT;
  }
  if (isPrefix) {
    if (tokens.some((word) => word.startsWith(term))) return PREFIX;
    for (let at = 1; at < tokens.length; at += 1) {
      if (joinedPairStartsWith(term, tokens[at - 1] ?? '', tokens[at] ?? '')) return PREFIX;
    }
  }
  const allowed = maxTypos(term);
  if (allowed === 0) return NONE;
  let typos = allowed + 1;
  for (const word of tokens) {
    let distance = distances.get(word);
    if (distance === undefined) {
      distance = editDistance(term, word, allowed);
      distances.set(word, distance);
    }
    if (distance < typos) typos = distance;
  }
  return typos <= allowed ? { kind: 'fuzzy', typos } : NONE;
}

/** A query's words with what judging needs of them worked out once, not once per name. */
export interface PreparedQuery {
  readonly tokens: readonly string[];
  /** The words joined with nothing (`sameCompactKey`). */
  readonly compact: string;
  /** The words sorted (`sameWords`). */
  readonly sorted: readonly string[];
  /** Whether each word is matched as a prefix (`isPrefixTerm`). */
  readonly asPrefix: readonly boolean[];
  /** Per word, the edit distances (capped) to the name words judged so far: the names a broad
   * query meets share most of their words ("limited", "liability", "company"). */
  readonly distances: readonly Map<string, number>[];
}

export function prepareQuery(queryTokens: readonly string[]): PreparedQuery {
  return {
    tokens: queryTokens,
    compact: queryTokens.join(''),
    sorted: [...queryTokens].sort(),
    asPrefix: queryTokens.map((term, index, terms) => isPrefixTerm(term, index, terms)),
    distances: queryTokens.map(() => new Map()),
  };
}

/** The same words in any order. */
function sameWords(name: readonly string[], query: PreparedQuery): boolean {
  if (name.length !== query.sorted.length) return false;
  if (name.length === 1) return name[0] === query.sorted[0];
  const sortedName = [...name].sort();
  return query.sorted.every((word, index) => word === sortedName[index]);
}

/** The same words with the spaces removed ("Gazprom Bank" = "GAZPROMBANK"), compared in place. */
function sameCompactKey(name: readonly string[], compact: string): boolean {
  let at = 0;
  for (const word of name) {
    if (!compact.startsWith(word, at)) return false;
    at += word.length;
  }
  return at === compact.length;
}

function fullNameMatch(totalTerms: number): NameMatch {
  const matchedTerms = totalTerms;
  return {
    quality: 'exact',
    isFullName: true,
    matchedTerms,
    totalTerms,
    typos: 0,
    prefixTerm: null,
  };
}

/** A `NameMatch` to be filled in: judging thousands of names (a broad prefix) fills one and
 * copies it (`copyMatch`) only for the names kept. */
export type NameMatchScratch = { -readonly [K in keyof NameMatch]: NameMatch[K] };

export function newMatchScratch(): NameMatchScratch {
  return { ...fullNameMatch(0) };
}

export function copyMatch(match: NameMatch): NameMatch {
  const { quality, isFullName, matchedTerms, totalTerms, typos, prefixTerm } = match;
  return { quality, isFullName, matchedTerms, totalTerms, typos, prefixTerm };
}

/** How a prepared query met a name, given the name's words (`tokenizeName`). */
export function judgeName(query: PreparedQuery, nameTokens: readonly string[]): NameMatch {
  const match = newMatchScratch();
  judgeNameInto(query, nameTokens, match);
  return match;
}

/** `judgeName`, written into `out`. */
export function judgeNameInto(
  query: PreparedQuery,
  nameTokens: readonly string[],
  out: NameMatchScratch,
): void {
  const { tokens } = query;
  out.totalTerms = tokens.length;
  if (sameCompactKey(nameTokens, query.compact) || sameWords(nameTokens, query)) {
    out.quality = 'exact';
    out.isFullName = true;
    out.matchedTerms = tokens.length;
    out.typos = 0;
    out.prefixTerm = null;
    return;
  }
  let matchedTerms = 0;
  let typos = 0;
  let prefixTerm: string | null = null;
  for (let index = 0; index < tokens.length; index += 1) {
    const term = tokens[index] ?? '';
    const match = matchTerm(
      term,
      nameTokens,
      query.asPrefix[index] ?? false,
      query.distances[index] ?? new Map(),
    );
    if (match.kind === 'none') continue;
    matchedTerms += 1;
    if (match.kind === 'fuzzy') typos += match.typos;
    if (match.kind === 'prefix' && prefixTerm === null) prefixTerm = term;
  }
  let quality: NameMatch['quality'] = 'exact';
  if (typos > 0) quality = 'fuzzy';
  else if (prefixTerm !== null) quality = 'prefix';
  out.quality = quality;
  out.isFullName = false;
  out.matchedTerms = matchedTerms;
  out.typos = typos;
  out.prefixTerm = prefixTerm;
}

/** How the one word of a query met a name, as the search that found the name saw it: the word
 * itself, a word it begins, or a word `typos` edits away (`MET_PREFIX + typos`). */
export const MET_EXACT = 1;
export const MET_PREFIX = 2;

/**
 * `judgeNameInto` for a one-word query, from how the search met the name (`met`), without
 * reading the name's words again: a broad prefix ("ha") meets 23,600 names at 10× the lists.
 * Only valid when no two adjacent words of the name can join into the term or a word it begins,
 * which holds when every word of the name is at least as long as the term.
 */
export function judgeOneWordInto(
  term: string,
  met: number,
  nameWordCount: number,
  out: NameMatchScratch,
): void {
  out.totalTerms = 1;
  out.matchedTerms = met === 0 ? 0 : 1;
  out.isFullName = met === MET_EXACT && nameWordCount === 1;
  out.typos = met > MET_PREFIX ? met - MET_PREFIX : 0;
  out.prefixTerm = met === MET_PREFIX ? term : null;
  out.quality = met > MET_PREFIX ? 'fuzzy' : met === MET_PREFIX ? 'prefix' : 'exact';
}

/** Classify how `queryTokens` (already normalised) met the name `name`; `nameTokens`, when the
 * caller has them, are `tokenizeName(name)`. */
export function classifyNameMatch(
  name: string,
  queryTokens: readonly string[],
  nameTokens: readonly string[] = tokenizeName(name),
): NameMatch {
  return judgeName(prepareQuery(queryTokens), nameTokens);
}

/**
 * Rank class, lower is better: 0 identifier or whole-name equality, 1 every word exact, 2 prefix,
 * 3 fuzzy; a partial (OR fallback) match sorts after every complete one. Within a class the
 * MiniSearch score decides.
 */
export function rankClass(match: NameMatch | null): number {
  if (match === null) return 0;
  const partial = match.matchedTerms < match.totalTerms ? 4 : 0;
  if (match.quality === 'exact') return partial + (match.isFullName ? 0 : 1);
  return partial + (match.quality === 'prefix' ? 2 : 3);
}
