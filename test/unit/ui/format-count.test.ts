import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../src/ui/format-count';

describe('formatCount', () => {
  it('groups thousands with commas, whatever the reader’s locale', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(15204)).toBe('15,204');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});
