import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useValueAfterPaint } from '../../../src/ui/use-value-after-paint';

describe('useValueAfterPaint', () => {
  it('keeps the value painted last, and takes the new one after the next frame', async () => {
    const frames = vi.spyOn(globalThis, 'requestAnimationFrame');
    const { result, rerender } = renderHook(({ value }) => useValueAfterPaint(value), {
      initialProps: { value: 'first' },
    });
    expect(result.current).toBe('first');
    expect(frames).not.toHaveBeenCalled();
    rerender({ value: 'second' });
    // In the render that changed it, and until a frame has come and gone.
    expect(result.current).toBe('first');
    expect(frames).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(result.current).toBe('second'));
    frames.mockRestore();
  });

  it('takes only the last of values that change before the frame', async () => {
    const seen: string[] = [];
    const { result, rerender } = renderHook(
      ({ value }) => {
        const shown = useValueAfterPaint(value);
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
    const { result, rerender } = renderHook(({ value }) => useValueAfterPaint(value), {
      initialProps: { value: first },
    });
    expect(result.current).toBe(first);
    rerender({ value: second });
    await waitFor(() => expect(result.current).toBe(second));
  });
});
