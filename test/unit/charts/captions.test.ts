import { describe, expect, it } from 'vitest';
import {
  countListings,
  describeAdditions,
  describeSectors,
} from '../../../src/features/charts/model/captions';
import type { TimeSeries } from '../../../src/features/charts/model/series';

function series(periods: string[], undated: number): TimeSeries {
  return {
    data: periods.map((period) => ({ period, EL: 1 })),
    keys: ['EL'],
    totals: [periods.length],
    granularity: 'year',
    undated,
  };
}

describe('chart captions', () => {
  it('counts listings in the singular and the plural', () => {
    expect(countListings(1)).toBe('1 listing');
    expect(countListings(2310)).toBe('2,310 listings');
  });

  it('says what the additions chart leaves out, if anything', () => {
    expect(describeAdditions(series(['2019', '2020', '2021'], 2), 5, 'agency')).toBe(
      '3 listings with an official listing date, 2019 to 2021, stacked by agency. 2 listings without a published date are not on this chart. Click a bar to show that year in the table.',
    );
    expect(describeAdditions(series(['2021'], 0), 1, 'list')).toContain(
      '1 listing with an official listing date, 2021 to 2021, stacked by list. Every listing shown has one.',
    );
    expect(describeAdditions(series([], 3), 3, 'list')).toBe(
      'None of the 3 listings shown has a published listing date.',
    );
  });

  it('counts the unclassified listings in the sector caption', () => {
    expect(describeSectors(1)).toContain('1 listing is unclassified.');
    expect(describeSectors(5989)).toContain('5,989 listings are unclassified.');
  });
});
