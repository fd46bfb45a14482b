/**
 * Whole numbers as the app shows them ("15,204"). One formatter for the page: Chromium's
 * `toLocaleString('en-US')` builds one per call, ~10 µs against ~0.4 µs here, and a facet
 * click or keystroke renders some sixty counts. Made on first use, not when the bundle is
 * evaluated: making it loads ICU's number data (~16 ms), which the app's warm-up does while the
 * listings download.
 */
let countFormat: Intl.NumberFormat | null = null;

export function formatCount(count: number): string {
  countFormat ??= new Intl.NumberFormat('en-US');
  return countFormat.format(count);
}
