import { useEffect, useState } from 'react';
import { afterNextPaint } from './after-next-paint';

/**
 * False in a component's first render, true once the frame that shows it has been painted: for a
 * control whose making is costly and which nobody can reach in that frame (below the fold), so
 * that it does not hold up the paint of what is in view.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return undefined;
    return afterNextPaint(() => setPainted(true));
  }, [painted]);
  return painted;
}
