/**
 * Chart series as pure functions of the rows the explorer shows (shlink's VisitsParser pattern):
 * the chart components only draw what these return, and tests check the numbers, not the SVG.
 */

import { compareLabels } from '../../../ui/compare-labels';

/** What a chart needs of a listing; the explorer's row facts satisfy it. */
export interface ChartRow {
  /** Official listed date, or null when the source publishes none. */
  readonly listed: string | null;
  readonly agency: string;
  readonly listing: { readonly list: string };
  readonly sectors: readonly string[];
  readonly countries: readonly string[];
}

export type Granularity = 'year' | 'month';
export type StackBy = 'agency' | 'list';

export interface TimeSeries {
  /** One entry per period in order, gaps filled with zeros: `{ period: '2021', EL: 37, … }`. */
  readonly data: readonly Readonly<Record<string, string | number>>[];
  /** The stack keys present, largest total first. */
  readonly keys: readonly string[];
  /** Each key's dated rows, in the order of `keys` (the legend's counts). */
  readonly totals: readonly number[];
  readonly granularity: Granularity;
  /** Rows with no published date: not on the time axis, reported beside it. */
  readonly undated: number;
}

/** Year bars for spans over six years, month bars otherwise. */
export function chooseGranularity(rows: readonly ChartRow[]): Granularity {
  let first: string | null = null;
  let last: string | null = null;
  for (let at = 0; at < rows.length; at += 1) {
    const listed = rows[at]!.listed;
    if (listed === null) continue;
    if (first === null || listed < first) first = listed;
    if (last === null || listed > last) last = listed;
  }
  if (first === null || last === null) return 'year';
  return Number(last.slice(0, 4)) - Number(first.slice(0, 4)) > 6 ? 'year' : 'month';
}

export function additionsOverTime(
  rows: readonly ChartRow[],
  stackBy: StackBy,
  granularity: Granularity = chooseGranularity(rows),
): TimeSeries {
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  let undated = 0;
  for (let at = 0; at < rows.length; at += 1) {
    const row = rows[at]!;
    if (row.listed === null) {
      undated += 1;
      continue;
    }
    const period = granularity === 'year' ? row.listed.slice(0, 4) : row.listed.slice(0, 7);
    const key = stackBy === 'agency' ? row.agency : row.listing.list;
    const byKey = counts.get(period) ?? new Map<string, number>();
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
    counts.set(period, byKey);
    totals.set(key, (totals.get(key) ?? 0) + 1);
  }
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || compareLabels(a[0], b[0]));
  const keys = ranked.map(([key]) => key);
  const periods = fillPeriods([...counts.keys()].sort(), granularity);
  const data = periods.map((period) => {
    const entry: Record<string, string | number> = { period };
    for (const key of keys) entry[key] = counts.get(period)?.get(key) ?? 0;
    return entry;
  });
  return { data, keys, totals: ranked.map(([, total]) => total), granularity, undated };
}

/** One bar of the additions chart: a period and its count per stack key, in the keys' order. */
export interface PeriodBar {
  readonly period: string;
  readonly total: number;
  readonly values: readonly number[];
}

/** The series as the chart draws it: one bar per period, its stack as numbers in key order. */
export function periodBars(series: TimeSeries): PeriodBar[] {
  return series.data.map((entry) => {
    const values = series.keys.map((key) => Number(entry[key] ?? 0));
    return {
      period: String(entry.period),
      total: values.reduce((sum, value) => sum + value, 0),
      values,
    };
  });
}

/** Every period from the first to the last, so quiet years show as gaps rather than vanish. */
function fillPeriods(sorted: readonly string[], granularity: Granularity): string[] {
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return [];
  const periods: string[] = [];
  if (granularity === 'year') {
    for (let year = Number(first); year <= Number(last); year += 1) periods.push(String(year));
    return periods;
  }
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  const end = last;
  for (;;) {
    const period = `${year}-${String(month).padStart(2, '0')}`;
    periods.push(period);
    if (period >= end) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return periods;
}

/** The date range a clicked period stands for, to filter the table with. */
export function periodRange(period: string): { from: string; to: string } {
  if (/^\d{4}$/.test(period)) return { from: `${period}-01-01`, to: `${period}-12-31` };
  const [year, month] = period.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(lastDay).padStart(2, '0')}` };
}

/**
 * `compute`, remembered per rows array for as long as that array lives. The explorer hands the
 * charts one array of the unfiltered lists for the whole visit (`unfilteredResult` in
 * features/explorer/model/filter.ts), and every click that clears the last filter returns to it:
 * its series are counted once, not again on each such click (~5 ms over the full lists).
 */
export function rememberedPerRows<Series>(
  compute: (rows: readonly ChartRow[]) => Series,
): (rows: readonly ChartRow[]) => Series {
  const remembered = new WeakMap<readonly ChartRow[], { readonly series: Series }>();
  return (rows) => {
    let entry = remembered.get(rows);
    if (entry === undefined) {
      entry = { series: compute(rows) };
      remembered.set(rows, entry);
    }
    return entry.series;
  };
}

export interface CountEntry {
  readonly key: string;
  readonly count: number;
}

/** Listings per sector, most first. */
export function countBySector(rows: readonly ChartRow[]): CountEntry[] {
  return countValues(rows, (row) => row.sectors);
}

/** The `limit` countries with most listings; `none` (no country on record) is left out. */
export function topCountries(rows: readonly ChartRow[], limit: number): CountEntry[] {
  return countValues(rows, (row) => row.countries)
    .filter((entry) => entry.key !== 'none')
    .slice(0, limit);
}

/** Indexed loops here and in the other series, not `for…of`: run cold, as on the first clicks after
 * the charts appear, an array iterator allocated at every step (4.5 MB in 12 clicks on the full
 * lists, in a sampling heap profile), and the garbage collections that followed fell in clicks. */
function countValues(
  rows: readonly ChartRow[],
  values: (row: ChartRow) => readonly string[],
): CountEntry[] {
  const counts = new Map<string, number>();
  for (let at = 0; at < rows.length; at += 1) {
    const list = values(rows[at]!);
    for (let index = 0; index < list.length; index += 1) {
      const value = list[index]!;
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || compareLabels(a.key, b.key));
}

export interface StackSegment {
  /** Position of the stack key in the series' keys (and so its colour). */
  readonly keyIndex: number;
  readonly y: number;
  readonly height: number;
}

/**
 * Splits one bar of a period's total into a segment per stack key, bottom up, in the order of
 * `values` (the series' keys). Drawing a stack as one bar with segments, rather than one bar series
 * per key, is what keeps the additions chart quick to redraw: Recharts builds components per bar
 * and per series, and eight lists over 46 years of the real data were 368 of them.
 */
export function stackSegments(
  values: readonly number[],
  bar: { readonly y: number; readonly height: number },
): StackSegment[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total <= 0 || bar.height <= 0) return [];
  const segments: StackSegment[] = [];
  let bottom = bar.y + bar.height;
  let below = 0;
  values.forEach((value, keyIndex) => {
    if (value <= 0) return;
    below += value;
    // Ends are placed from the running sum, so rounding never leaves a gap or overshoots the bar.
    const top = bar.y + bar.height - (bar.height * below) / total;
    segments.push({ keyIndex, y: top, height: bottom - top });
    bottom = top;
  });
  return segments;
}

/** One bar of a stacked chart as placed on the plot: its left edge and width, its top and height
 * (the whole stack), and its count per stack key. */
export interface PlacedStack {
  readonly x: number;
  readonly width: number;
  readonly y: number;
  readonly height: number;
  readonly values: readonly number[];
}

/**
 * The segments of every bar (`stackSegments`) as one SVG path per stack key, in the keys' order:
 * `''` for a key with no segment. A rectangle per segment was ~150 elements in the additions chart,
 * and a facet click rewrote two or four attributes of each; now it rewrites one per key.
 * Coordinates are rounded to a hundredth of a pixel, which no screen shows.
 */
export function stackPaths(keyCount: number, stacks: readonly PlacedStack[]): string[] {
  const paths: string[] = Array.from({ length: keyCount }, () => '');
  for (const stack of stacks) {
    const width = round(stack.width);
    for (const segment of stackSegments(stack.values, stack)) {
      if (segment.keyIndex >= keyCount) continue;
      paths[segment.keyIndex] +=
        `M${round(stack.x)},${round(segment.y)}h${width}v${round(segment.height)}h${-width}Z`;
    }
  }
  return paths;
}

function round(pixels: number): number {
  return Math.round(pixels * 100) / 100;
}

/** A period label's width at the axis' 12px, with the gap Recharts keeps between labels: digits
 * are 0.64 em in DejaVu Sans (Debian's default sans-serif), 0.56 em in Arial and Helvetica, so
 * this errs wide; a hyphen is narrower than a digit. */
const LABEL_PX = { year: 4 * 7.7 + 8, month: 7 * 7.7 + 8 } as const;

/**
 * Every how many periods the time axis names one, so that its labels do not overlap on an axis
 * `axisWidth` pixels long: 1 names every period. Recharts' `minTickGap` found this by measuring
 * each label in the DOM, which on a facet click that brought new periods was ~40 measurements, a
 * forced layout of the page among them.
 */
export function periodLabelStep(
  periods: number,
  granularity: Granularity,
  axisWidth: number,
): number {
  const fit = Math.max(1, Math.floor(axisWidth / LABEL_PX[granularity]));
  return Math.max(1, Math.ceil(periods / fit));
}
