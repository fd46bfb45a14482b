import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../../src/features/charts/model/wrap-label';

/** Every character 10 px wide, a space too. */
const tenPerCharacter = (text: string) => text.length * 10;

describe('wrapLabel', () => {
  it('keeps a label that fits on one line', () => {
    expect(wrapLabel('Iran (IR)', 170, tenPerCharacter)).toEqual(['Iran (IR)']);
  });

  it('breaks between words where the next word would reach the width', () => {
    // "Syrian Arab" is 110 px; with " Republic" it would be 200 px; "Republic (SY)" is 130 px.
    expect(wrapLabel('Syrian Arab Republic (SY)', 140, tenPerCharacter)).toEqual([
      'Syrian Arab',
      'Republic (SY)',
    ]);
    // A line exactly as wide as the axis does not fit (Recharts' `Text` breaks it too).
    expect(wrapLabel('ab cd', 50, tenPerCharacter)).toEqual(['ab', 'cd']);
    expect(wrapLabel('ab cd', 51, tenPerCharacter)).toEqual(['ab cd']);
  });

  it('gives a word wider than the width a line of its own, uncut', () => {
    expect(wrapLabel('Telecommunications & more', 70, tenPerCharacter)).toEqual([
      'Telecommunications',
      '& more',
    ]);
  });

  it('collapses runs of spaces and gives no line for blank text', () => {
    expect(wrapLabel('  Mining   &  metals ', 1000, tenPerCharacter)).toEqual(['Mining & metals']);
    expect(wrapLabel('   ', 100, tenPerCharacter)).toEqual([]);
  });

  it('measures with the function it is given, each word and the space', () => {
    const measured: string[] = [];
    const measure = (text: string) => {
      measured.push(text);
      return text === ' ' ? 3 : 40;
    };
    expect(wrapLabel('aa bb cc', 100, measure)).toEqual(['aa bb', 'cc']);
    expect(measured).toEqual([' ', 'aa', 'bb', 'cc']);
  });
});
