/**
 * The results' scroll box's size before the browser has laid it out, from the window's size and
 * the stylesheet's rule for it (src/app/app.css, `.table-scroll`: `calc(100vh - 13rem)`, at least
 * `22rem`, and `70vh` at phone width, inside a 1 px border, with the root font at 15 px).
 *
 * The virtualizer draws its first rows for this size, then measures the box (a layout it needs
 * anyway) and draws again if as many rows do not fit: with a fixed guess of 800 px, a 900 px
 * window's first rows were drawn twice (`data:validated` → first rows 90 → 71 ms in Chromium
 * alone, medians of 8 cold loads each, bench/HISTORY.md, session 25). A stylesheet changed
 * without this costs only that.
 */
const ROOT_FONT_PX = 15;
const BORDER_PX = 1;

export interface ScrollBoxSize {
  readonly width: number;
  readonly height: number;
}

export function estimatedScrollBox(viewport: ScrollBoxSize, isCardLayout: boolean): ScrollBoxSize {
  const outer = isCardLayout
    ? viewport.height * 0.7
    : Math.max(viewport.height - 13 * ROOT_FONT_PX, 22 * ROOT_FONT_PX);
  return { width: viewport.width, height: Math.max(0, outer - 2 * BORDER_PX) };
}
