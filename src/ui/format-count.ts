/**
 * Whole numbers as the app shows them ("15,204"). One formatter for the page: Chromium's
 * `toLocaleString('en-US')` builds one per call, ~10 µs against ~0.4 µs here, and a facet
 * click or keystroke renders some sixty counts.
 */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

export function formatCount(count: number): string {
  return COUNT_FORMAT.format(count);
}
