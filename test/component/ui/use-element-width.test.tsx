import { act, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useElementWidth } from '../../../src/ui/use-element-width';

function Measured() {
  const ref = useRef<HTMLDivElement | null>(null);
  const width = useElementWidth(ref);
  return (
    <div ref={ref} data-testid="box">
      {width}
    </div>
  );
}

describe('useElementWidth', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the width once the element is laid out, before it is painted', () => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
      new DOMRect(0, 0, 640, 20),
    );
    render(<Measured />);
    expect(screen.getByTestId('box').textContent).toBe('640');
  });

  it('follows the element as it resizes', () => {
    let report: ResizeObserverCallback = () => undefined;
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: ResizeObserverCallback) {
          report = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    render(<Measured />);
    const entry = { contentRect: new DOMRect(0, 0, 320, 20) } as ResizeObserverEntry;
    act(() => report([entry], {} as ResizeObserver));
    expect(screen.getByTestId('box').textContent).toBe('320');
    vi.unstubAllGlobals();
  });
});
