/**
 * Whole numbers as the app shows them ("15,204"), exactly as `Intl.NumberFormat('en-US')`
 * writes them, but without ICU: the page's first use of an ICU service (number formats,
 * collation) loads its data, 20–110 ms of the main thread measured in Chromium 156, and counts
 * are formatted from the first render on. (The explorer's date fields load ICU's date data when
 * they are made: `DateRange` makes them after the first paint. Before it did, the load moved into
 * the first render, and the first rows came no sooner.) Anything but a safe integer (never a
 * count) goes to ICU, made on first use.
 */
let countFormat: Intl.NumberFormat | null = null;

export function formatCount(count: number): string {
  if (!Number.isSafeInteger(count)) {
    countFormat ??= new Intl.NumberFormat('en-US');
    return countFormat.format(count);
  }
  const digits = String(Math.abs(count));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let end = grouped.length + 3; end <= digits.length; end += 3) {
    grouped += ',' + digits.slice(end - 3, end);
  }
  return count < 0 ? '-' + grouped : grouped;
}
