import { describe, expect, it } from 'vitest';
import {
  VALUE_AXIS_STEPS,
  domainsFitBars,
  valueAxisTicks,
  valueAxisTop,
} from '../../../src/features/charts/model/value-axis';

describe('a count axis', () => {
  it('tops four round steps at the smallest that reaches the largest count', () => {
    expect(valueAxisTop(4000)).toBe(4000);
    expect(valueAxisTop(4001)).toBe(4800);
    expect(valueAxisTop(403)).toBe(480);
    expect(valueAxisTop(99)).toBe(100);
    expect(valueAxisTop(15204)).toBe(16000);
    // Small counts step by whole numbers: 1.2 and 1.5 are not counts.
    expect(valueAxisTop(9)).toBe(12);
    expect(valueAxisTop(5)).toBe(8);
    // Nothing to count (an empty chart) still gets an axis of 0 to 4.
    expect(valueAxisTop(0)).toBe(4);
    expect(valueAxisTop(Number.NaN)).toBe(4);
  });

  it('always reaches the count, in whole round steps, and never wastes a third of the axis', () => {
    const wrong: string[] = [];
    for (let max = 1; max <= 100_000; max += max < 1000 ? 1 : 37) {
      const top = valueAxisTop(max);
      const step = top / VALUE_AXIS_STEPS;
      // A round step has at most two significant digits.
      const round = Number.isInteger(step) && String(step).replace(/0+$/, '').length <= 2;
      if (top < max || !round || (max >= 40 && top / max >= 1.34)) wrong.push(`${max} → ${top}`);
    }
    expect(wrong).toEqual([]);
  });

  it('writes five numbers from zero to the top, in equal steps', () => {
    expect(valueAxisTicks(480)).toEqual([0, 120, 240, 360, 480]);
    expect(valueAxisTicks(4)).toEqual([0, 1, 2, 3, 4]);
  });

  it("tells whether a chart's domains are those of the bars' data", () => {
    const periods = ['2019', '2020', '2021'];
    // The store has these bars: their periods in order, and the top their largest count gives.
    expect(domainsFitBars(periods, 403, ['2019', '2020', '2021'], [0, 480])).toBe(true);
    // It still has the bars before: other periods, or another top, or none yet.
    expect(domainsFitBars(periods, 403, ['2019', '2020'], [0, 480])).toBe(false);
    expect(domainsFitBars(periods, 403, ['2020', '2019', '2021'], [0, 480])).toBe(false);
    expect(domainsFitBars(periods, 403, periods, [0, 600])).toBe(false);
    expect(domainsFitBars(periods, 403, undefined, [0, 480])).toBe(false);
    expect(domainsFitBars(periods, 403, periods, undefined)).toBe(false);
  });
});
