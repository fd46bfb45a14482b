import { describe, expect, it } from 'vitest';
import { estimatedScrollBox } from '../../../src/features/explorer/model/scroll-box';

describe('estimatedScrollBox', () => {
  // The boxes' inner heights as Chromium laid them out (clientHeight) at these window sizes.
  it('gives the height the stylesheet gives the box, inside its border', () => {
    expect(estimatedScrollBox({ width: 1280, height: 900 }, false).height).toBe(703);
    expect(estimatedScrollBox({ width: 1920, height: 1080 }, false).height).toBe(883);
    expect(estimatedScrollBox({ width: 1280, height: 900 }, false).width).toBe(1280);
  });

  it('keeps the box at least 22rem tall in a short window', () => {
    expect(estimatedScrollBox({ width: 1024, height: 400 }, false).height).toBe(22 * 15 - 2);
  });

  it('gives phone-width cards 70% of the window', () => {
    expect(estimatedScrollBox({ width: 390, height: 844 }, true).height).toBeCloseTo(588.8, 5);
  });
});
