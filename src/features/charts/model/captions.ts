/**
 * The charts' captions: what each chart shows, in words, for everyone (and screen readers).
 */
import type { StackBy, TimeSeries } from './series';
import { formatCount } from '../../../ui/format-count';

/** "1 listing", "2,310 listings". */
export function countListings(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'listing' : 'listings'}`;
}

/** The additions chart's caption, for `shown` listings (dated or not) in the table. */
export function describeAdditions(series: TimeSeries, shown: number, stackBy: StackBy): string {
  const { undated } = series;
  const dated = shown - undated;
  if (dated === 0) return `None of the ${countListings(shown)} shown has a published listing date.`;
  const first = series.data[0]?.period;
  const last = series.data[series.data.length - 1]?.period;
  const unit = series.granularity;
  const left =
    undated === 0
      ? 'Every listing shown has one.'
      : `${countListings(undated)} without a published date ${undated === 1 ? 'is' : 'are'} not on this chart.`;
  return `${countListings(dated)} with an official listing date, ${first} to ${last}, stacked by ${stackBy}. ${left} Click a bar to show that ${unit} in the table.`;
}

/** The sector chart's caption, with how many of the listings no sector rule applies to. */
export function describeSectors(unclassified: number): string {
  return `Sectors are the explorer’s rule-based estimate; no official list has a sector field. ${countListings(unclassified)} ${unclassified === 1 ? 'is' : 'are'} unclassified. Click a bar to filter by sector.`;
}
