import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/search/classify';
import { afterPrefix, lowerBound, toVocabulary, wordsWithin } from '../../../src/search/vocabulary';
import { createRng } from '../../../bench/rng';

const WORDS = [
  'al',
  'ala',
  'alb',
  'alba',
  'gazprom',
  'gazprombank',
  'gazpromneft',
  'jon',
  'jong',
  'jung',
  'kim',
  'long',
  'song',
  'yong',
  'ÿong',
].sort();

describe('lowerBound and afterPrefix', () => {
  it('bracket the words that begin with a prefix', () => {
    const from = lowerBound(WORDS, 'gazprom');
    const to = afterPrefix(WORDS, 'gazprom');
    expect(WORDS.slice(from, to)).toEqual(['gazprom', 'gazprombank', 'gazpromneft']);
    expect(WORDS.slice(lowerBound(WORDS, 'zz'), afterPrefix(WORDS, 'zz'))).toEqual([]);
  });
});

describe('wordsWithin', () => {
  it('finds the words within the distance, with their distance', () => {
    const near = wordsWithin(toVocabulary(WORDS), 'jong', 1).map(({ at, distance }) => [
      WORDS[at],
      distance,
    ]);
    expect(near).toEqual([
      ['jon', 1],
      ['jong', 0],
      ['jung', 1],
      ['long', 1],
      ['song', 1],
      ['yong', 1],
      ['ÿong', 1],
    ]);
  });

  it('agrees with a plain edit distance on every word of a random vocabulary', () => {
    const rng = createRng(7);
    const letters = [...'abcdeé'];
    const word = () => Array.from({ length: 1 + rng.int(7) }, () => rng.pick(letters)).join('');
    const vocabulary = [...new Set(Array.from({ length: 3000 }, word))].sort();
    for (let query = 0; query < 60; query += 1) {
      const term = word();
      for (const max of [1, 2, 3]) {
        const expected = vocabulary.flatMap((candidate, at) => {
          const distance = editDistance(term, candidate, max);
          return distance <= max ? [{ at, distance }] : [];
        });
        expect(wordsWithin(toVocabulary(vocabulary), term, max)).toEqual(expected);
      }
    }
  });
});

/** Levenshtein distance by the whole table, uncapped: what `editDistance` must agree with. */
function textbookDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      table[i]![j] = Math.min(
        table[i - 1]![j]! + 1,
        table[i]![j - 1]! + 1,
        table[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return table[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('is the Levenshtein distance up to max, and more than max beyond, for short and long words', () => {
    const rng = createRng(11);
    const letters = [...'abcé'];
    // Up to 90 letters: longer than the rows it keeps between calls at first (64).
    const word = () =>
      Array.from({ length: rng.int(rng.int(4) === 0 ? 90 : 9) }, () => rng.pick(letters)).join('');
    for (let pair = 0; pair < 2000; pair += 1) {
      const a = word();
      const b = rng.int(3) === 0 ? a.slice(0, -1) + rng.pick(letters) : word();
      const distance = textbookDistance(a, b);
      for (const max of [0, 1, 2, 5]) {
        const found = editDistance(a, b, max);
        if (distance <= max) expect(found, `${a} / ${b} within ${max}`).toBe(distance);
        else expect(found, `${a} / ${b} within ${max}`).toBeGreaterThan(max);
      }
    }
  });
});
