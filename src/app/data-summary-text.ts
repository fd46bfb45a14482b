import { LISTS } from '../domain/lists';
import type { Manifest } from '../domain/manifest';
import { formatCount } from '../ui/format-count';

/**
 * "Data as of 2022-05-06 – 2026-02-27 · 28,123 listings from 14 lists", and a per-list detail.
 * Offline, the line ends "· offline copy": the reader must know the lists may have changed since.
 */
export function describeDataset(
  manifest: Manifest,
  isOffline = false,
): { line: string; detail: string } {
  const dates = manifest.lists
    .map((list) => list.asOf)
    .filter((date): date is string => date !== null)
    .sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  const asOf = first === undefined ? 'unknown date' : first === last ? first : `${first} – ${last}`;
  const line = `Data as of ${asOf} · ${formatCount(manifest.listingCount)} listings from ${manifest.lists.length} lists${isOffline ? ' · offline copy' : ''}`;
  const detail = manifest.lists
    .map(
      (list) =>
        `${list.code} (${LISTS[list.code].name}): ${list.count} from ${list.source}, as of ${list.asOf ?? 'unknown'}`,
    )
    .join('\n');
  return { line, detail };
}
