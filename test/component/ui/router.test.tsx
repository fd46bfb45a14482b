import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A fresh router per test (it keeps the location and the pending typed URL in module state),
 * on a page at `/`. */
async function freshRouter() {
  window.history.replaceState(null, '', '/');
  vi.resetModules();
  return import('../../../src/ui/router');
}

/** Every history write from now on, in order, as "push /…" or "replace /…". */
function recordHistoryWrites(): string[] {
  const calls: string[] = [];
  vi.spyOn(window.history, 'replaceState').mockImplementation(function (this: History, ...args) {
    calls.push(`replace ${String(args[2])}`);
    History.prototype.replaceState.apply(this, args);
  });
  vi.spyOn(window.history, 'pushState').mockImplementation(function (this: History, ...args) {
    calls.push(`push ${String(args[2])}`);
    History.prototype.pushState.apply(this, args);
  });
  return calls;
}

describe('router', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('shows typed text at once and writes it to history once typing pauses', async () => {
    const router = await freshRouter();
    const replace = vi.spyOn(window.history, 'replaceState');
    const { result } = renderHook(() => router.useLocation());
    for (const q of ['M', 'Me', 'Meg']) {
      act(() => router.navigate(`/?q=${q}`, { replace: true }));
      vi.advanceTimersByTime(router.REPLACE_DELAY_MS - 1);
    }
    expect(result.current.search).toBe('?q=Meg');
    expect(router.currentHref()).toBe(`${window.location.origin}/?q=Meg`);
    expect(window.location.search).toBe('');
    expect(replace).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(window.location.search).toBe('?q=Meg');
  });

  it('writes what was typed to its own entry before a push adds the next', async () => {
    const router = await freshRouter();
    const calls = recordHistoryWrites();
    router.navigate('/?q=Megvii', { replace: true });
    router.navigate('/?q=Megvii&list=EL');
    expect(calls).toEqual(['replace /?q=Megvii']);
    vi.advanceTimersByTime(router.PUSH_DELAY_MS);
    expect(calls).toEqual(['replace /?q=Megvii', 'push /?q=Megvii&list=EL']);
    vi.advanceTimersByTime(router.REPLACE_DELAY_MS);
    expect(calls).toHaveLength(2);
  });

  it('shows a click at once and adds its history entry just after', async () => {
    const router = await freshRouter();
    const push = vi.spyOn(window.history, 'pushState');
    const { result } = renderHook(() => router.useLocation());
    act(() => router.navigate('/?list=EL'));
    expect(result.current.search).toBe('?list=EL');
    expect(router.currentHref()).toBe(`${window.location.origin}/?list=EL`);
    expect(push).not.toHaveBeenCalled();
    vi.advanceTimersByTime(router.PUSH_DELAY_MS);
    expect(push).toHaveBeenCalledTimes(1);
    expect(window.location.search).toBe('?list=EL');
    expect(result.current.search).toBe('?list=EL');
  });

  it("writes a click's entry before typing replaces it, and before the next click", async () => {
    const router = await freshRouter();
    const calls = recordHistoryWrites();
    router.navigate('/?list=EL');
    router.navigate('/?list=EL&country=CN');
    router.navigate('/?q=M&list=EL&country=CN', { replace: true });
    expect(calls).toEqual(['push /?list=EL', 'push /?list=EL&country=CN']);
    vi.advanceTimersByTime(router.REPLACE_DELAY_MS);
    expect(calls).toEqual([
      'push /?list=EL',
      'push /?list=EL&country=CN',
      'replace /?q=M&list=EL&country=CN',
    ]);
  });

  it('writes what was typed, or clicked, when the page is left', async () => {
    const router = await freshRouter();
    router.navigate('/?q=Huawei', { replace: true });
    expect(window.location.search).toBe('');
    window.dispatchEvent(new Event('pagehide'));
    expect(window.location.search).toBe('?q=Huawei');
    router.navigate('/entity/el-1');
    window.dispatchEvent(new Event('pagehide'));
    expect(window.location.pathname).toBe('/entity/el-1');
  });

  it('drops the typed URL when back or forward leaves its entry', async () => {
    const router = await freshRouter();
    const replace = vi.spyOn(window.history, 'replaceState');
    const { result } = renderHook(() => router.useLocation());
    act(() => router.navigate('/?q=Sber', { replace: true }));
    act(() => {
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current.search).toBe('');
    vi.advanceTimersByTime(router.REPLACE_DELAY_MS);
    expect(replace).not.toHaveBeenCalled();
  });

  it('ignores a replace that changes nothing, and a push to the page already shown', async () => {
    const router = await freshRouter();
    const push = vi.spyOn(window.history, 'pushState');
    const replace = vi.spyOn(window.history, 'replaceState');
    router.navigate('/', { replace: true });
    router.navigate('/');
    vi.advanceTimersByTime(router.REPLACE_DELAY_MS);
    expect(push).not.toHaveBeenCalled();
    expect(replace).not.toHaveBeenCalled();
  });
});
