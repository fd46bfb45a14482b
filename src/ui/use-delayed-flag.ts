import { useEffect, useState } from 'react';

/**
 * `flag`, but true only once it has stayed true for `delayMs`. A "searching…" that would appear
 * for a few milliseconds on every keystroke is noise to the reader, and each time it came and
 * went the page was repainted while the search's answer waited behind that frame.
 */
export function useDelayedFlag(flag: boolean, delayMs: number): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!flag) return undefined;
    const timer = setTimeout(() => setHeld(true), delayMs);
    return () => {
      clearTimeout(timer);
      setHeld(false);
    };
  }, [flag, delayMs]);
  return flag && held;
}
