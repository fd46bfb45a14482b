/**
 * `sanctions-explorer_<YYYY-MM-DD>_<filters>_<n>-rows.<ext>`: sorts by date in a folder and says
 * what the file holds without opening it.
 */
const MAX_SUMMARY_LENGTH = 60;
/** Parameters that are not filters: the sort order and the link version. */
const NOT_FILTERS = new Set(['sort', 'v']);

/** Letters, digits and dashes only; accents dropped; case kept (`EL` reads as the list code). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function describeDates(from: string | undefined, to: string | undefined): string | null {
  if (from && to) return from === to ? `listed-${from}` : `listed-${from}-to-${to}`;
  if (from) return `listed-from-${from}`;
  if (to) return `listed-to-${to}`;
  return null;
}

/** `list-EL_listed-2021-12-17`, at most ~60 characters, whole segments first; `all` without filters. */
export function summarizeFilters(filters: Readonly<Record<string, string>>): string {
  const segments: string[] = [];
  for (const [key, value] of Object.entries(filters)) {
    if (NOT_FILTERS.has(key) || key === 'listed_from' || key === 'listed_to') continue;
    const slug = slugify(`${key} ${value}`);
    if (slug !== '') segments.push(slug);
  }
  const dates = describeDates(filters.listed_from, filters.listed_to);
  if (dates) segments.push(dates);
  if (segments.length === 0) return 'all';
  let summary = '';
  for (const segment of segments) {
    const next = summary === '' ? segment : `${summary}_${segment}`;
    if (next.length > MAX_SUMMARY_LENGTH) break;
    summary = next;
  }
  // A single segment longer than the limit (a long search) is cut rather than dropped.
  return summary === '' ? segments[0]!.slice(0, MAX_SUMMARY_LENGTH).replace(/-+$/, '') : summary;
}

/** The local calendar day: the date the person exporting sees on their clock. */
export function formatLocalDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function buildFileName(
  filters: Readonly<Record<string, string>>,
  rowCount: number,
  date: Date,
  extension: string,
): string {
  const rows = `${rowCount}-row${rowCount === 1 ? '' : 's'}`;
  return `sanctions-explorer_${formatLocalDate(date)}_${summarizeFilters(filters)}_${rows}.${extension}`;
}
