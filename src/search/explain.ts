/**
 * One sentence per hit for a tooltip: which name matched, how, and why a reader should weigh it
 * (a weak alias is weaker evidence than a primary name).
 */
import type { NameMatch } from './classify';
import type { NameKind } from './search-docs';

/** How each kind of name is called in a sentence, and what it means. `weak` follows the domain
 * definition: an a.k.a. OFAC gives only in Remarks, or a UN "Low" quality alias. */
const KIND_PHRASES: Readonly<Record<Exclude<NameKind, 'identifier'>, string>> = {
  primary: 'primary name',
  aka: 'alias',
  fka: 'former name',
  nka: 'new name',
  weak: 'alias',
};
const KIND_NOTES: Readonly<Record<Exclude<NameKind, 'identifier'>, string>> = {
  primary: '',
  aka: ' (a.k.a.)',
  fka: ' (f.k.a.)',
  nka: ' (n.k.a.)',
  weak: ' (weak a.k.a. in OFAC remarks or a UN low-quality alias)',
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function describeQuality(match: NameMatch): string {
  if (match.quality === 'fuzzy') return `Fuzzy match (${plural(match.typos, 'typo')})`;
  if (match.quality === 'prefix') return `Prefix match ("${match.prefixTerm ?? ''}…")`;
  return match.isFullName ? 'Exact match' : 'Exact word match';
}

export interface ExplainInput {
  readonly name: string;
  readonly kind: NameKind;
  readonly identifierType?: string;
  /** null for an identifier hit. */
  readonly match: NameMatch | null;
  /** How the query was rewritten to find this hit, e.g. words joined; null when it was not. */
  readonly variantNote: string | null;
}

/** E.g. `Exact match on alias "SUGON" (weak a.k.a. in OFAC remarks or a UN low-quality alias)`. */
export function explainHit(input: ExplainInput): string {
  if (input.kind === 'identifier' || input.match === null) {
    return `Exact identifier match on ${input.identifierType ?? 'identifier'} "${input.name}"`;
  }
  const { match } = input;
  const partial =
    match.matchedTerms < match.totalTerms
      ? `, partial: ${match.matchedTerms} of ${plural(match.totalTerms, 'word')} (no name has them all)`
      : '';
  const variant = input.variantNote === null ? '' : `, ${input.variantNote}`;
  return (
    `${describeQuality(match)} on ${KIND_PHRASES[input.kind]} "${input.name}"` +
    `${KIND_NOTES[input.kind]}${variant}${partial}`
  );
}

/** What `explainSearchHit` reads of a search hit (`SearchHit`, as it crossed from the worker). */
export interface ExplainableHit {
  readonly matchedName: string;
  readonly matchedKind: NameKind;
  readonly identifierType?: string;
  readonly match: NameMatch | null;
  readonly variantNote: string | null;
}

/** The tooltip sentence of a hit, built when its row is shown: a broad query hits thousands. */
export function explainSearchHit(hit: ExplainableHit): string {
  return explainHit({
    name: hit.matchedName,
    kind: hit.matchedKind,
    identifierType: hit.identifierType,
    match: hit.match,
    variantNote: hit.variantNote,
  });
}
