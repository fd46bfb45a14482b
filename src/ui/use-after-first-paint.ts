import { useEffect, useState } from 'react';

/**
 * False in a component's first render, true once the frame that shows it has been painted: for a
 * control whose making is costly and which nobody can reach in that frame (below the fold), so
 * that it does not hold up the paint of what is in view.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame's callback runs before its paint; the task after it, after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}
