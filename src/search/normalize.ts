/**
 * The ONE name normalisation of the search engine. Indexing and querying both go through
 * `tokenizeName`, so a query and a listing name can only ever disagree about letters, never about
 * how they were cleaned.
 */

/**
 * Legal-form words and phrases dropped from names, already normalised (lower case, no dots:
 * "S.A." → "sa", "Co., Ltd." → "co ltd"). The lists write the same party's legal form differently
 * (CMIC "MEGVII TECHNOLOGY LIMITED", Entity List "Megvii Technology"), and a journalist rarely
 * types it, so it must not decide a match. A phrase is dropped only as whole tokens, so "Coca"
 * keeps its "co", and nothing is dropped when only legal words would remain ("OOO" stays "ooo").
 *
 * English: co, company, corp, corporation, inc, incorporated, ltd, limited, llc, llp, lp, plc,
 *   pte, pvt, pty, "limited liability company", "public limited company", "private limited".
 * Russian/CIS: ao, jsc, pjsc, ojsc, cjsc, oao, ooo, zao, pao, tov, "joint stock company" (and its
 *   open/closed/public forms).
 * German/Austrian/Swiss: ag, gmbh, kg, mbh, "gmbh & co kg". French/Spanish/Italian/Portuguese: sa, sas, sarl, srl,
 *   spa, ltda, "sa de cv", "s de rl", "s de rl de cv". Dutch/Belgian: bv, nv.
 * Malaysian: bhd, "sdn bhd". Gulf free zones: fze, fzco, fzc, "fz llc". Central Europe: sro, doo, kft.
 */
const LEGAL_FORM_PHRASES: readonly (readonly string[])[] = [
  ['gmbh', 'and', 'co', 'kg'],
  ['public', 'joint', 'stock', 'company'],
  ['open', 'joint', 'stock', 'company'],
  ['closed', 'joint', 'stock', 'company'],
  ['joint', 'stock', 'company'],
  ['limited', 'liability', 'company'],
  ['public', 'limited', 'company'],
  ['private', 'limited'],
  ['s', 'de', 'rl', 'de', 'cv'],
  ['s', 'de', 'rl'],
  ['sa', 'de', 'cv'],
  ['sdn', 'bhd'],
  ['fz', 'llc'],
  ...(
    'co company corp corporation inc incorporated ltd limited llc llp lp plc pte pvt pty ' +
    'ao jsc pjsc ojsc cjsc oao ooo zao pao tov ag gmbh kg mbh sa sas sarl srl spa ltda ' +
    'bv nv bhd fze fzco fzc sro doo kft'
  )
    .split(' ')
    .map((word) => [word]),
].sort((a, b) => b.length - a.length); // longest first, so "joint stock company" beats "company"

/** Every word that can start or be part of a legal form, to recognise one half-typed. */
const LEGAL_FORM_WORDS: readonly string[] = [...new Set(LEGAL_FORM_PHRASES.flat())];

/** Phrases by first word (longest first): every indexed word is checked, so this is hot. */
const LEGAL_FORMS_BY_FIRST_WORD: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const byFirst = new Map<string, (readonly string[])[]>();
  for (const phrase of LEGAL_FORM_PHRASES) {
    const first = phrase[0] ?? '';
    byFirst.set(first, [...(byFirst.get(first) ?? []), phrase]);
  }
  return byFirst;
})();

/** Letters NFKD does not decompose but that people type without the mark. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ħ: 'h',
};

/** Printable ASCII only: nothing to decompose or fold but the case. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Lower case, Latin diacritics stripped (NFKD then drop combining marks), folds applied. */
export function foldLetters(text: string): string {
  // Most names are plain ASCII; NFKD and the Unicode passes cost a third of indexing them.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłıþħ]/g, (letter) => LETTER_FOLDS[letter] ?? letter);
}

/** Characters that are the raw tokens of a name, before legal forms are dropped. */
function splitWords(name: string): string[] {
  return (
    foldLetters(name)
      // Apostrophes join, not split: "Xi'an" is one word, and OFAC writes "'ABBAS" for ʿAbbās.
      .replace(/['’‘`ʼʻ´]/g, '')
      .replace(/&/g, ' and ')
      // Dotted abbreviations become one word before dots turn into spaces: "S.A." → "sa".
      .replace(/\b\p{L}(?:\.\p{L})+\b\.?/gu, (abbreviation) => abbreviation.replace(/\./g, ''))
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .split(' ')
      .filter((word) => word.length > 0)
  );
}

/** Length of the legal-form phrase starting at `start`, or 0. */
function legalPhraseLengthAt(words: readonly string[], start: number): number {
  const candidates = LEGAL_FORMS_BY_FIRST_WORD.get(words[start] ?? '') ?? [];
  for (const phrase of candidates) {
    if (phrase.every((word, offset) => words[start + offset] === word)) return phrase.length;
  }
  return 0;
}

function dropLegalForms(words: readonly string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < words.length;) {
    const skip = legalPhraseLengthAt(words, index);
    if (skip > 0) {
      index += skip;
    } else {
      kept.push(words[index] as string);
      index += 1;
    }
  }
  // A name made only of legal words ("OOO", "Company Limited") keeps them: an empty name could
  // never be found.
  return kept.length > 0 ? kept : [...words];
}

/** The normalised tokens of a name (or a query): the terms the index holds. */
export function tokenizeName(name: string): string[] {
  return dropLegalForms(splitWords(name));
}

/** The normalised name as one string: tokens joined by single spaces. */
export function normalizeName(name: string): string {
  return tokenizeName(name).join(' ');
}

/** Normalised tokens joined with nothing, so "Gazprom Bank" and "GAZPROMBANK" share a key. */
export function compactKey(name: string): string {
  return tokenizeName(name).join('');
}

/** An identifier value as a single exact key: folded, only letters and digits ("CNE-100 001" →
 * "cne100001"). Legal words are NOT dropped: an identifier is a code, not a name. */
export function normalizeIdentifier(value: string): string {
  return foldLetters(value).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when `term` could be the start of a legal-form word the user has not finished typing
 * ("lim" of "limited"); such a term is ignored if it alone prevents every match. */
export function isLegalFormPrefix(term: string): boolean {
  return LEGAL_FORM_WORDS.some((word) => word.startsWith(term));
}

/**
 * How many of a query's last words are a legal form left unfinished, to be ignored when they
 * alone prevent every match: the start of a legal phrase, its last word perhaps half-typed ("open
 * joint stock" of "open joint stock company"), or else one word that could start a legal word
 * ("lim"). Names are indexed without their whole legal forms, so "BANK DABRABYT JOINT STOCK"
 * otherwise found nothing of BANK DABRABYT JOINT STOCK COMPANY (indexed as "bank dabrabyt").
 * Never every word: 0 when nothing would remain.
 */
export function unfinishedLegalFormLength(tokens: readonly string[]): number {
  for (let start = 1; start < tokens.length; start += 1) {
    const tail = tokens.slice(start);
    if (LEGAL_FORM_PHRASES.some((phrase) => beginsPhrase(tail, phrase))) return tail.length;
  }
  const last = tokens[tokens.length - 1];
  return tokens.length >= 2 && last !== undefined && isLegalFormPrefix(last) ? 1 : 0;
}

/** Whether `words` are the first words of `phrase`, the last of them perhaps unfinished. */
function beginsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (words.length > phrase.length) return false;
  return words.every((word, index) =>
    index === words.length - 1 ? (phrase[index] ?? '').startsWith(word) : phrase[index] === word,
  );
}

/** The exact keys an identifier is found by: its whole value, and for a value written with a
 * label ("IMO 9187629", as OFAC writes vessel numbers) also the code without the label, which is
 * what ship trackers and registries print. */
export function identifierKeys(value: string): string[] {
  const keys = [normalizeIdentifier(value)];
  const labelled = /^\p{L}{2,5}\.?\s+(\S*\d\S*)$/u.exec(value.trim());
  if (labelled?.[1] !== undefined) keys.push(normalizeIdentifier(labelled[1]));
  return keys.filter((key, index) => key.length > 0 && keys.indexOf(key) === index);
}
