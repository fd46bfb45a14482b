import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdleInSteps } from '../../../src/ui/when-idle';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('whenIdleInSteps', () => {
  it('runs a step a task until it is done, where there is no requestIdleCallback', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    let steps = 0;
    whenIdleInSteps(() => (steps += 1) === 3);
    expect(steps).toBe(0);
    vi.runAllTimers();
    expect(steps).toBe(3);
  });

  it('gives each step the idle time left, and stops when cancelled', () => {
    const pending: ((deadline: IdleDeadline) => void)[] = [];
    let remaining = 10;
    vi.stubGlobal('requestIdleCallback', (callback: (deadline: IdleDeadline) => void) => {
      pending.push(callback);
      return pending.length;
    });
    vi.stubGlobal('cancelIdleCallback', (id: number) => {
      pending[id - 1] = () => undefined;
    });
    const seen: boolean[] = [];
    const cancel = whenIdleInSteps((hasTime) => {
      seen.push(hasTime());
      return false;
    });
    const deadline = { didTimeout: false, timeRemaining: () => remaining };
    pending[0]!(deadline);
    remaining = 0;
    pending[1]!(deadline);
    expect(seen).toEqual([true, false]);
    expect(pending).toHaveLength(3);
    cancel();
    pending[2]!(deadline);
    expect(seen).toEqual([true, false]);
    expect(pending).toHaveLength(3);
  });
});
