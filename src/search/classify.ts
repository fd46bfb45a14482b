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

/** Levenshtein distance, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

type TermMatch =
  | { readonly kind: 'exact' }
  | { readonly kind: 'prefix' }
  | { readonly kind: 'fuzzy'; readonly typos: number }
  | { readonly kind: 'none' };

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

/** The words a name is indexed by: its tokens and each adjacent pair joined, so that the query
 * "gazprombank" meets the name "GAZPROM BANK". Shared with the engine's `joined` field. */
export function joinedPairs(tokens: readonly string[]): string[] {
  return tokens.slice(1).map((token, index) => `${tokens[index] ?? ''}${token}`);
}

interface NameWords {
  readonly tokens: readonly string[];
  /** Tokens plus joined pairs. Pairs match exactly or as a prefix, never fuzzily: a typo across
   * a pair ("sugon" ~ "se gon") is a coincidence, not a spelling variant. */
  readonly all: readonly string[];
}

function matchTerm(term: string, words: NameWords, isPrefix: boolean): TermMatch {
  if (words.all.includes(term)) return { kind: 'exact' };
  if (isPrefix && words.all.some((word) => word.startsWith(term))) return { kind: 'prefix' };
  const allowed = maxTypos(term);
  if (allowed === 0) return { kind: 'none' };
  const typos = Math.min(...words.tokens.map((word) => editDistance(term, word, allowed)));
  return typos <= allowed ? { kind: 'fuzzy', typos } : { kind: 'none' };
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedB = [...b].sort();
  return [...a].sort().every((word, index) => word === sortedB[index]);
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

/** Classify how `queryTokens` (already normalised) met the name `name`; `nameTokens`, when the
 * caller has them, are `tokenizeName(name)`. */
export function classifyNameMatch(
  name: string,
  queryTokens: readonly string[],
  nameTokens: readonly string[] = tokenizeName(name),
): NameMatch {
  if (nameTokens.join('') === queryTokens.join('') || sameWords(nameTokens, queryTokens)) {
    return fullNameMatch(queryTokens.length);
  }
  const words = { tokens: nameTokens, all: [...nameTokens, ...joinedPairs(nameTokens)] };
  const matches = queryTokens.map((term, index, terms) =>
    matchTerm(term, words, isPrefixTerm(term, index, terms)),
  );
  const found = matches.filter((match) => match.kind !== 'none');
  const typos = found.reduce((sum, match) => sum + (match.kind === 'fuzzy' ? match.typos : 0), 0);
  const prefixIndex = matches.findIndex((match) => match.kind === 'prefix');
  let quality: NameMatch['quality'] = 'exact';
  if (typos > 0) quality = 'fuzzy';
  else if (prefixIndex >= 0) quality = 'prefix';
  return {
    quality,
    isFullName: false,
    matchedTerms: found.length,
    totalTerms: queryTokens.length,
    typos,
    prefixTerm: prefixIndex >= 0 ? (queryTokens[prefixIndex] ?? null) : null,
  };
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
