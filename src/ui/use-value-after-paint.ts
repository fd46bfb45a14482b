import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { afterNextPaint } from './after-next-paint';

/**
 * `value` as it was at the last paint, and the new one once the frame showing the rest of the
 * change has been painted: for a costly part of the page (the charts) that follows the table a
 * frame later rather than holding its paint, while the user types. A new value for the same
 * `source` as the one shown (the same query: a filter, a sort, a chart's click) is shown at once,
 * in the render that brought it.
 *
 * Why both. Typing changes the rows at every keystroke: the table comes first, and the charts
 * when the page is free. A click changes them once: drawn with the table, everything is there
 * sooner than in two passes a frame apart (a facet click with the charts shown: 71 → 53 ms
 * median, 3 loads × 24 clicks a build, bench/HISTORY.md, session 21).
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
export function useValueAfterPaint<T>(value: T, source: unknown): T {
  // Wrapped: React would call a function value as an initialiser or update.
  const [shown, setShown] = useState(() => ({ value, source }));
  const changed = !Object.is(shown.value, value);
  const sameSource = Object.is(shown.source, source);
  // Updates in render (React renders again at once with them, before committing): a new value
  // from the same source, and the same value from a new source (a query whose rows are the same),
  // which a filter's rows then follow at once.
  if ((changed && sameSource) || (!changed && !sameSource)) setShown({ value, source });
  useEffect(() => {
    if (!changed || sameSource) return undefined;
    return afterNextPaint(() => flushSync(() => setShown({ value, source })));
  }, [changed, sameSource, value, source]);
  return sameSource ? value : shown.value;
}
