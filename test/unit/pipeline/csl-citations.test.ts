import { describe, expect, it } from 'vitest';
import { parseFederalRegisterCitations } from '../../../src/pipeline/citations';

/** Every `federal_register_notice` style seen in the CSL export (data README, section 1). */
function pages(value: string): [number, number, string | null][] {
  return parseFederalRegisterCitations(value).map((citation) => [
    citation.volume,
    citation.page,
    citation.date,
  ]);
}

describe('parseFederalRegisterCitations', () => {
  it('reads a single citation and keeps its text as written', () => {
    expect(parseFederalRegisterCitations('86 FR 71557')).toEqual([
      { text: '86 FR 71557', volume: 86, page: 71557, date: null },
    ]);
  });

  it('reads comma lists with a trailing space and semicolon lists', () => {
    expect(pages('84 FR 22961, 85 FR 29852, 85 FR 36720, 85 FR 51603 ')).toEqual([
      [84, 22961, null],
      [85, 29852, null],
      [85, 36720, null],
      [85, 51603, null],
    ]);
    expect(pages('82 FR 24245; 85 FR 83420')).toEqual([
      [82, 24245, null],
      [85, 83420, null],
    ]);
  });

  it('reads DPL style with dates after the page, two-digit years included', () => {
    expect(pages('68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06 72 F.R. 4236 1/30/07')).toEqual([
      [68, 38290, '2003-06-27'],
      [71, 38843, '2006-07-10'],
      [72, 4236, '2007-01-30'],
    ]);
    expect(pages('46 F.R. 46154 9/17/81 and 46 F.R. 19290 3/30/81')).toEqual([
      [46, 46154, '1981-09-17'],
      [46, 19290, '1981-03-30'],
    ]);
  });

  it('reads bracketed dates, doubled spaces and a stray dot before F.R.', () => {
    expect(pages('73 FR 54508 (9/22/08), 77 FR 24587')).toEqual([
      [73, 54508, '2008-09-22'],
      [77, 24587, null],
    ]);
    expect(pages('99  FR 12345')).toEqual([[99, 12345, null]]);
    expect(pages('81.F.R. 22576 4/18/2016')).toEqual([[81, 22576, '2016-04-18']]);
  });

  it('reads a notice spanning two pages as one citation with its date', () => {
    expect(pages('82 F.R. 16788, 16789 4/6/2017')).toEqual([[82, 16788, '2017-04-06']]);
  });

  it('reads an issue number written before the page', () => {
    expect(pages('76 FR no. 242 pg. 78146, 77 FR 58006 (no. 182)')).toEqual([
      [76, 78146, null],
      [77, 58006, null],
    ]);
  });

  it('never reads a page out of a date, nor a citation out of Vol./No. notices', () => {
    expect(pages('68 F.R. 38290 6/27/03 72 F.R. 1/30/07')).toEqual([[68, 38290, '2003-06-27']]);
    expect(pages('Vol. 85, No. 12, 01/17/20')).toEqual([]);
    expect(pages('')).toEqual([]);
  });
});
