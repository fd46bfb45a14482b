import { COLUMNS } from './columns';

/** Which columns the user shows: a preference of this browser, not part of the shared view. */
export type ColumnVisibility = Record<string, boolean>;

const STORAGE_KEY = 'sanctions-explorer.columns';

export function defaultColumnVisibility(): ColumnVisibility {
  return Object.fromEntries(COLUMNS.map((column) => [column.id, column.visibleByDefault]));
}

/** Reads the stored preference, ignoring anything unreadable; the name column always shows. */
export function readColumnVisibility(
  storage: Pick<Storage, 'getItem'> | undefined,
): ColumnVisibility {
  const visibility = defaultColumnVisibility();
  try {
    const stored: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
    if (stored && typeof stored === 'object') {
      for (const column of COLUMNS) {
        const value = (stored as Record<string, unknown>)[column.id];
        if (typeof value === 'boolean') visibility[column.id] = value;
      }
    }
  } catch {
    // An unreadable preference falls back to the defaults.
  }
  visibility.name = true;
  return visibility;
}

export function writeColumnVisibility(
  storage: Pick<Storage, 'setItem'> | undefined,
  visibility: ColumnVisibility,
): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(visibility));
  } catch {
    // Private browsing can refuse storage; the choice still applies to this page.
  }
}

export function visibleColumnIds(visibility: ColumnVisibility): string[] {
  return COLUMNS.filter((column) => visibility[column.id] !== false).map((column) => column.id);
}
