import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useValueAfterPaint } from '../../../src/ui/use-value-after-paint';

describe('useValueAfterPaint', () => {
  it('keeps the value painted last, and takes one from a new source after the next frame', async () => {
    const frames = vi.spyOn(globalThis, 'requestAnimationFrame');
    const { result, rerender } = renderHook(
      ({ value, source }) => useValueAfterPaint(value, source),
      { initialProps: { value: 'first', source: 'query a' } },
    );
    expect(result.current).toBe('first');
    expect(frames).not.toHaveBeenCalled();
    rerender({ value: 'second', source: 'query ab' });
    // In the render that changed it, and until a frame has come and gone.
    expect(result.current).toBe('first');
    expect(frames).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(result.current).toBe('second'));
    frames.mockRestore();
  });

  it('takes a new value from the source shown at once, in the render that brought it', () => {
    const frames = vi.spyOn(globalThis, 'requestAnimationFrame');
    const seen: string[] = [];
    const { result, rerender } = renderHook(
      ({ value, source }) => {
        const shown = useValueAfterPaint(value, source);
        seen.push(shown);
        return shown;
      },
      { initialProps: { value: 'all rows', source: 'query a' } },
    );
    rerender({ value: 'filtered rows', source: 'query a' });
    expect(result.current).toBe('filtered rows');
    // Every render after the change returned the new value, never the old one again.
    expect(seen[0]).toBe('all rows');
    expect(new Set(seen.slice(1))).toEqual(new Set(['filtered rows']));
    expect(frames).not.toHaveBeenCalled();
    frames.mockRestore();
  });

  it('adopts a new source whose value is the same, so that the next change from it is at once', () => {
    const frames = vi.spyOn(globalThis, 'requestAnimationFrame');
    const { result, rerender } = renderHook(
      ({ value, source }) => useValueAfterPaint(value, source),
      { initialProps: { value: 'all rows', source: 'query a' } },
    );
    rerender({ value: 'all rows', source: 'query ab' });
    rerender({ value: 'filtered rows', source: 'query ab' });
    expect(result.current).toBe('filtered rows');
    expect(frames).not.toHaveBeenCalled();
    frames.mockRestore();
  });

  it('takes only the last of values that change before the frame', async () => {
    const seen: string[] = [];
    const { result, rerender } = renderHook(
      ({ value }) => {
        const shown = useValueAfterPaint(value, value);
        seen.push(shown);
        return shown;
      },
      { initialProps: { value: 'a' } },
    );
    rerender({ value: 'b' });
    rerender({ value: 'c' });
    await waitFor(() => expect(result.current).toBe('c'));
    expect(seen).not.toContain('b');
  });

  it('takes a function as the value it is, not as an update', async () => {
    const first = () => 'first';
    const second = () => 'second';
    const { result, rerender } = renderHook(({ value }) => useValueAfterPaint(value, value), {
      initialProps: { value: first },
    });
    expect(result.current).toBe(first);
    rerender({ value: second });
    await waitFor(() => expect(result.current).toBe(second));
  });
});
