import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { afterNextPaint } from './after-next-paint';

/**
 * `value` as it was at the last paint, and the new one once the frame showing the rest of the
 * change has been painted: for a costly part of the page (the charts) that follows the table a
 * frame later rather than holding its paint.
 *
 * The new value is rendered in one synchronous pass, in a task after that paint, with its passive
 * effects (where Recharts takes new data into its store). React's `useDeferredValue` rendered it
 * in 5 ms slices between the browser's frames, and ran those effects after one more paint: with
 * the charts shown, a facet click's last change came at 92 / 180 ms (median / p95) against
 * 85 / 138 ms this way (72 clicks each). The cost: that pass is one task (40–110 ms for the three
 * charts here), which a click or keystroke arriving meanwhile waits for, where React would have
 * set the deferred render aside. Typing with the charts shown was faster all the same (keystroke
 * → rows p95 64 → 32 ms): the one pass is over sooner than the slices and effects spread over
 * frames were.
 */
export function useValueAfterPaint<T>(value: T): T {
  // Wrapped, both here and below: React would call a function value as an initialiser or update.
  const [shown, setShown] = useState(() => value);
  useEffect(() => {
    if (Object.is(shown, value)) return undefined;
    return afterNextPaint(() => flushSync(() => setShown(() => value)));
  }, [shown, value]);
  return shown;
}
