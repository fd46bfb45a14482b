import { describe, expect, it } from 'vitest';
import {
  cleanText,
  parseDayMonthYear,
  parseIsoDate,
  parseYesNo,
  splitMulti,
} from '../../../src/pipeline/fields';

describe('cleanText', () => {
  it('turns the C1 \\x92 into an apostrophe and NBSP into a space', () => {
    expect(cleanText('Xi\u0092an,\u00a0Shaanxi')).toBe('Xi\u2019an, Shaanxi');
  });

  it('folds line breaks and runs of spaces, trims, and gives null for blank text', () => {
    expect(cleanText('Government Flying Service \n\n')).toBe('Government Flying Service');
    expect(cleanText('Precise Instrument\nCo. Ltd ')).toBe('Precise Instrument Co. Ltd');
    expect(cleanText(' ')).toBeNull();
    expect(cleanText(null)).toBeNull();
  });

  it('keeps other non-ASCII text', () => {
    expect(cleanText('“Sky” ½ § Co”peratief')).toBe('“Sky” ½ § Co”peratief');
  });
});

describe('splitMulti', () => {
  it('splits on "; " only, leaving a bare ";" inside a value', () => {
    expect(splitMulti('A; B;, CN; C;D')).toEqual(['A', 'B;, CN', 'C;D']);
  });

  it('drops empty parts', () => {
    expect(splitMulti('; A; ; ')).toEqual(['A']);
    expect(splitMulti('')).toEqual([]);
  });
});

describe('parseIsoDate', () => {
  it('accepts real, plausible days only', () => {
    expect(parseIsoDate('2021-12-17')).toBe('2021-12-17');
    expect(parseIsoDate('0097-06-30')).toBeNull();
    expect(parseIsoDate('0017-05-26')).toBeNull();
    expect(parseIsoDate('2021-02-30')).toBeNull();
  });
});

describe('parseDayMonthYear', () => {
  it('reads the CMIC date style of ids', () => {
    expect(parseDayMonthYear('16 Dec 2021')).toBe('2021-12-16');
    expect(parseDayMonthYear('03 Jun 2021')).toBe('2021-06-03');
    expect(parseDayMonthYear('31 Feb 2021')).toBeNull();
    expect(parseDayMonthYear('Apr 1994')).toBeNull();
  });
});

describe('parseYesNo', () => {
  it('reads Y, y and N, and treats a blank or a lone space as not stated', () => {
    expect([
      parseYesNo('Y'),
      parseYesNo('y'),
      parseYesNo('N'),
      parseYesNo(' '),
      parseYesNo(''),
    ]).toEqual([true, true, false, null, null]);
  });
});
