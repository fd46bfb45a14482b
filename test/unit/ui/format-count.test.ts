import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../src/ui/format-count';

describe('formatCount', () => {
  it('groups thousands with commas, whatever the reader’s locale', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(15204)).toBe('15,204');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('writes every whole number as Intl.NumberFormat("en-US") does', () => {
    const intl = new Intl.NumberFormat('en-US');
    const samples = [1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 100000, 999999, 1000000];
    for (const base of samples) {
      for (const value of [base, -base, base + 1, base * 7 + 3, Number.MAX_SAFE_INTEGER - base]) {
        expect(formatCount(value)).toBe(intl.format(value));
      }
    }
  });

  it('leaves what is not a whole number to Intl', () => {
    expect(formatCount(1234.5)).toBe('1,234.5');
    expect(formatCount(Number.NaN)).toBe('NaN');
  });
});
