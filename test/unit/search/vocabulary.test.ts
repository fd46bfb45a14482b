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
