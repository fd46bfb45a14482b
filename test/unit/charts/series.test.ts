import { describe, expect, it } from 'vitest';
import {
  additionsOverTime,
  chooseGranularity,
  countBySector,
  periodBars,
  periodLabelStep,
  periodRange,
  rememberedPerRows,
  stackPaths,
  stackSegments,
  topCountries,
  type ChartRow,
} from '../../../src/features/charts/model/series';

function row(
  listed: string | null,
  list: string,
  agency: string,
  countries: string[] = ['none'],
  sectors = ['unclassified'],
): ChartRow {
  return { listed, agency, listing: { list }, countries, sectors };
}

const ROWS = [
  row('2019-10-09', 'EL', 'commerce', ['CN'], ['surveillance-security-tech']),
  row('2021-12-17', 'EL', 'commerce', ['CN', 'HK']),
  row('2021-12-16', 'CMIC', 'treasury', ['CN', 'KY'], ['surveillance-security-tech']),
  row(null, 'SDN', 'treasury', ['IR']),
];

describe('chart series', () => {
  it('counts additions per year, stacked, with empty years kept and undated rows apart', () => {
    const series = additionsOverTime(ROWS, 'list', 'year');
    expect(series.data).toEqual([
      { period: '2019', EL: 1, CMIC: 0 },
      { period: '2020', EL: 0, CMIC: 0 },
      { period: '2021', EL: 1, CMIC: 1 },
    ]);
    expect(series.keys).toEqual(['EL', 'CMIC']);
    expect(series.undated).toBe(1);
    expect(additionsOverTime(ROWS, 'agency', 'year').keys).toEqual(['commerce', 'treasury']);
  });

  it('uses months for short spans and years for long ones', () => {
    expect(chooseGranularity(ROWS)).toBe('month');
    expect(
      chooseGranularity([row('1997-06-30', 'EL', 'commerce'), row('2022-01-01', 'EL', 'commerce')]),
    ).toBe('year');
    const months = additionsOverTime(ROWS.slice(1, 3), 'list', 'month');
    expect(months.data.map((entry) => entry.period)).toEqual(['2021-12']);
  });

  it('turns a clicked period into a date range', () => {
    expect(periodRange('2021')).toEqual({ from: '2021-01-01', to: '2021-12-31' });
    expect(periodRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('counts sectors and top countries, leaving out "no country"', () => {
    expect(countBySector(ROWS)).toEqual([
      { key: 'surveillance-security-tech', count: 2 },
      { key: 'unclassified', count: 2 },
    ]);
    expect(topCountries([...ROWS, row(null, 'SDN', 'treasury')], 2)).toEqual([
      { key: 'CN', count: 3 },
      { key: 'HK', count: 1 },
    ]);
  });

  it('splits a period bar into one segment per key, bottom up, filling the bar exactly', () => {
    // A bar from y=20 to y=120 (SVG y grows downwards) for counts 3, 0, 1.
    const segments = stackSegments([3, 0, 1], { y: 20, height: 100 });
    expect(segments.map((segment) => segment.keyIndex)).toEqual([0, 2]);
    expect(segments[0]).toEqual({ keyIndex: 0, y: 45, height: 75 });
    expect(segments[1]).toEqual({ keyIndex: 2, y: 20, height: 25 });
    // Thirds do not divide evenly: the segments still meet and end at the bar's top.
    const thirds = stackSegments([1, 1, 1], { y: 0, height: 10 });
    expect(thirds.reduce((sum, segment) => sum + segment.height, 0)).toBeCloseTo(10, 10);
    expect(thirds[2]!.y).toBe(0);
    expect(thirds[1]!.y + thirds[1]!.height).toBe(thirds[0]!.y);
    expect(stackSegments([0, 0], { y: 0, height: 50 })).toEqual([]);
    expect(stackSegments([2], { y: 10, height: 0 })).toEqual([]);
  });

  it('draws the stacks of all bars as one path per key, a rectangle per segment', () => {
    const paths = stackPaths(3, [
      // Counts 3, 0, 1 in a bar 100 px high from y=20, 10 px wide at x=5.
      { x: 5, width: 10, y: 20, height: 100, values: [3, 0, 1] },
      // A third of 10 px does not round evenly: written to a hundredth of a pixel.
      { x: 20.5, width: 10, y: 0, height: 10, values: [1, 1, 1] },
    ]);
    expect(paths).toEqual([
      'M5,45h10v75h-10ZM20.5,6.67h10v3.33h-10Z',
      'M20.5,3.33h10v3.33h-10Z',
      'M5,20h10v25h-10ZM20.5,0h10v3.33h-10Z',
    ]);
    // A key no bar has (a key past the values, or counts of zero) draws nothing.
    expect(stackPaths(2, [{ x: 0, width: 4, y: 0, height: 8, values: [0] }])).toEqual(['', '']);
  });

  it('remembers the series of a rows array, and only of that array', () => {
    let computed = 0;
    const count = rememberedPerRows((rows) => {
      computed += 1;
      return rows.length;
    });
    const rows = [...ROWS];
    expect(count(rows)).toBe(4);
    expect(count(rows)).toBe(4);
    expect(computed).toBe(1);
    // The same rows in another array are counted again: identity, not content, is the key.
    expect(count([...ROWS])).toBe(4);
    expect(computed).toBe(2);
  });

  it('gives each key its total, and each period its bar as counts in key order', () => {
    const series = additionsOverTime(ROWS, 'list', 'year');
    expect(series.totals).toEqual([2, 1]);
    expect(periodBars(series)).toEqual([
      { period: '2019', total: 1, values: [1, 0] },
      { period: '2020', total: 0, values: [0, 0] },
      { period: '2021', total: 2, values: [1, 1] },
    ]);
  });
});

describe('periodLabelStep', () => {
  it('names every period when all the labels fit', () => {
    // 46 years on a 900-pixel axis (the desktop layout): ~39 pixels a year label.
    expect(periodLabelStep(10, 'year', 900)).toBe(1);
    expect(periodLabelStep(23, 'year', 900)).toBe(1);
  });

  it('names every n-th period, just enough that the labels fit', () => {
    const step = periodLabelStep(46, 'year', 900);
    expect(step).toBe(2);
    // Month labels are longer: fewer fit on the same axis.
    expect(periodLabelStep(46, 'month', 900)).toBeGreaterThan(step);
    // At phone width (~290 pixels of axis), 46 years are named one in seven.
    expect(periodLabelStep(46, 'year', 290)).toBe(7);
  });

  it('names one period when the axis has no width yet, and never divides by nothing', () => {
    expect(periodLabelStep(46, 'year', 0)).toBe(46);
    expect(periodLabelStep(0, 'month', 500)).toBe(1);
  });
});
