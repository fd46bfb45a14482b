import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDelayedFlag } from '../../../src/ui/use-delayed-flag';

describe('useDelayedFlag', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('turns true only after the flag has held for the delay', () => {
    const { result, rerender } = renderHook(({ flag }) => useDelayedFlag(flag, 250), {
      initialProps: { flag: true },
    });
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(249));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);
    rerender({ flag: false });
    expect(result.current).toBe(false);
  });

  it('starts the wait again when the flag drops before the delay', () => {
    const { result, rerender } = renderHook(({ flag }) => useDelayedFlag(flag, 250), {
      initialProps: { flag: true },
    });
    act(() => vi.advanceTimersByTime(200));
    rerender({ flag: false });
    rerender({ flag: true });
    act(() => vi.advanceTimersByTime(200));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(50));
    expect(result.current).toBe(true);
  });
});
