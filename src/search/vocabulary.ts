/**
 * Lookups in a sorted list of words (the index's vocabulary): exact, by prefix, and within an
 * edit distance. Sorted words are a trie walked in order, so a typo search reuses the work done
 * for the letters a word shares with the one before, and skips every word under a prefix that is
 * already too far from the term.
 */

/** The position of the first of the sorted `words` not below `word`. */
export function lowerBound(words: readonly string[], word: string, from = 0): number {
  let low = from;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] ?? '') < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The position of the first of the sorted `words` after every word that begins with `prefix`. */
export function afterPrefix(words: readonly string[], prefix: string, from = 0): number {
  if (prefix === '') return words.length;
  // The smallest string above every string that begins with `prefix` (UTF-16 order, as sort()).
  const last = prefix.charCodeAt(prefix.length - 1);
  return lowerBound(words, prefix.slice(0, -1) + String.fromCharCode(last + 1), from);
}

/** A sorted vocabulary, with how many letters each word shares with the one before it. */
export interface Vocabulary {
  readonly words: readonly string[];
  /** `sharedWithPrevious[i]`: the common prefix length of words i − 1 and i (0 for the first). */
  readonly sharedWithPrevious: Uint16Array;
}

export function toVocabulary(sortedWords: readonly string[]): Vocabulary {
  const sharedWithPrevious = new Uint16Array(sortedWords.length);
  for (let at = 1; at < sortedWords.length; at += 1) {
    const previous = sortedWords[at - 1] ?? '';
    const word = sortedWords[at] ?? '';
    const most = Math.min(previous.length, word.length, 0xffff);
    let shared = 0;
    while (shared < most && previous.charCodeAt(shared) === word.charCodeAt(shared)) shared += 1;
    sharedWithPrevious[at] = shared;
  }
  return { words: sortedWords, sharedWithPrevious };
}

/** A word of the vocabulary within the allowed edit distance of a term. */
export interface NearWord {
  /** Its position in the sorted words. */
  readonly at: number;
  /** Levenshtein distance (insertions, deletions, substitutions) to the term. */
  readonly distance: number;
}

/**
 * Every word within `maxDistance` edits (Levenshtein) of `term`, in order: the words MiniSearch's
 * `fuzzyGet` finds in its radix tree, found in the sorted list instead.
 */
export function wordsWithin(vocabulary: Vocabulary, term: string, maxDistance: number): NearWord[] {
  const { words, sharedWithPrevious } = vocabulary;
  const found: NearWord[] = [];
  const width = term.length + 1;
  const tooFar = maxDistance + 1;
  const termCodes = Int32Array.from({ length: term.length }, (_, at) => term.charCodeAt(at));
  // rows[depth] holds the edit distances after a word's first `depth` letters, capped at
  // `tooFar`; only the band of columns within `maxDistance` of `depth` can be below it.
  const rows: Int32Array[] = [Int32Array.from({ length: width }, (_, column) => column)];
  /** How many letters of the word walked last have valid rows. */
  let valid = 0;
  let at = 0;
  while (at < words.length) {
    const word = words[at] ?? '';
    let depth = Math.min(valid, sharedWithPrevious[at] ?? 0, word.length);
    let pruned = false;
    for (; depth < word.length; depth += 1) {
      const above = rows[depth] as Int32Array;
      let row = rows[depth + 1];
      if (row === undefined) {
        row = new Int32Array(width);
        rows[depth + 1] = row;
      }
      row.fill(tooFar);
      const letter = word.charCodeAt(depth);
      const from = Math.max(0, depth + 1 - maxDistance);
      const to = Math.min(width - 1, depth + 1 + maxDistance);
      let smallest = tooFar;
      if (from === 0) {
        row[0] = Math.min(depth + 1, tooFar);
        smallest = row[0];
      }
      for (let column = Math.max(1, from); column <= to; column += 1) {
        let value = (above[column - 1] ?? tooFar) + (termCodes[column - 1] === letter ? 0 : 1);
        const deletion = (above[column] ?? tooFar) + 1;
        if (deletion < value) value = deletion;
        const insertion = (row[column - 1] ?? tooFar) + 1;
        if (insertion < value) value = insertion;
        if (value > tooFar) value = tooFar;
        row[column] = value;
        if (value < smallest) smallest = value;
      }
      if (smallest > maxDistance) {
        // No word that begins with these letters can come back within reach.
        // The words that share those letters follow this one: step over them by the shared
        // lengths (each position is stepped over at most once in a whole walk).
        valid = depth + 1;
        at += 1;
        while (at < words.length && (sharedWithPrevious[at] ?? 0) > depth) at += 1;
        pruned = true;
        break;
      }
    }
    if (pruned) continue;
    const distance = (rows[word.length] as Int32Array)[term.length] ?? tooFar;
    if (distance <= maxDistance) found.push({ at, distance });
    valid = word.length;
    at += 1;
  }
  return found;
}
