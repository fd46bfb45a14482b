/**
 * The value axes' round numbers, worked out here rather than by Recharts: its "nice ticks" use
 * decimal arithmetic (decimal.js), about a millisecond of each facet click with the charts shown
 * under a profiler, and several on the first clicks, when it ran cold. A value axis is counts:
 * whole numbers from zero.
 */

/** Round steps, in tenths of a power of ten: four steps of one of them span the axis. */
const ROUND_STEP_TENTHS = [10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100] as const;

/** How many equal steps a value axis has from zero to its top (five numbers). */
export const VALUE_AXIS_STEPS = 4;

/** The top of a count axis for counts up to `max`: four equal whole steps of a round size, the
 * smallest that reaches `max` (4,000 for 4,000, in steps of 1,000; 4,800 for 4,001 to 4,800). */
export function valueAxisTop(max: number): number {
  const least = max / VALUE_AXIS_STEPS;
  if (!(least > 1)) return VALUE_AXIS_STEPS;
  // A whole power of ten, so that each candidate is worked out exactly.
  const power = 10 ** Math.floor(Math.log10(least));
  const step = ROUND_STEP_TENTHS.map((tenths) => (tenths * power) / 10).find(
    // Below ten, only whole steps: 1.2 and 1.5 are not counts.
    (size) => size >= least && Number.isInteger(size),
  );
  return VALUE_AXIS_STEPS * (step ?? Math.ceil(least));
}

/** The numbers written on an axis from zero to `top`: `VALUE_AXIS_STEPS` equal steps. */
export function valueAxisTicks(top: number): number[] {
  return Array.from({ length: VALUE_AXIS_STEPS + 1 }, (_, index) =>
    Math.round((top * index) / VALUE_AXIS_STEPS),
  );
}

/** Recharts' domain of a count axis: zero to the round top above its largest count. */
export const COUNT_AXIS_DOMAIN = [0, (dataMax: number) => valueAxisTop(dataMax)] as const;

/**
 * Whether a chart's store has taken the bars' data yet: its category axis' domain holds the bars'
 * categories, in order, and its value axis' the top `COUNT_AXIS_DOMAIN` gives their largest value.
 * (The store takes new data after the render that hands it over: `ChartBars.tsx`.)
 */
export function domainsFitBars(
  categories: readonly string[],
  largest: number,
  categoryDomain: readonly unknown[] | undefined,
  valueDomain: readonly unknown[] | undefined,
): boolean {
  return (
    categoryDomain !== undefined &&
    valueDomain !== undefined &&
    valueDomain[1] === valueAxisTop(largest) &&
    categoryDomain.length === categories.length &&
    categories.every((category, index) => categoryDomain[index] === category)
  );
}
