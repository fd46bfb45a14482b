import { useCallback, useState } from 'react';
import {
  readColumnVisibility,
  writeColumnVisibility,
  type ColumnVisibility,
} from './model/column-visibility';

/** The columns this browser shows (read from its storage once), and what changes and stores
 * them: the explorer's table and the first rows shown before it share the preference. */
export function useColumnVisibility(): [ColumnVisibility, (next: ColumnVisibility) => void] {
  const [visibility, setVisibility] = useState<ColumnVisibility>(() =>
    readColumnVisibility(globalThis.localStorage),
  );
  const change = useCallback((next: ColumnVisibility) => {
    writeColumnVisibility(globalThis.localStorage, next);
    setVisibility(next);
  }, []);
  return [visibility, change];
}
