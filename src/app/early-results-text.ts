/** The words of the early results (`EarlySearch.tsx`): what a search found before the listings
 * came, said from the search file's names alone. */
import { listLabel } from '../domain/lists';
import type { PreviewRow } from '../search/protocol';
import { formatCount } from '../ui/format-count';

/** "8 listings", "1 listing". */
export function listingsText(total: number): string {
  return `${formatCount(total)} listing${total === 1 ? '' : 's'}`;
}

/** After "N listings found": ", the first 20 shown" when not all are, else nothing. */
export function firstShownText(total: number, shown: number): string {
  return total > shown ? `, the first ${formatCount(shown)} shown` : '';
}

/** What follows a found name: its list, and which of its names matched when not that one. */
export function previewRowNote(row: Pick<PreviewRow, 'list' | 'matchedKind'>): string {
  const how =
    row.matchedKind === 'primary'
      ? ''
      : row.matchedKind === 'identifier'
        ? ' · found by an identifier'
        : ' · found by another of its names';
  return `${listLabel(row.list)}${how}`;
}
