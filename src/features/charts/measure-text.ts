/**
 * Text widths for the charts' labels, measured on a canvas: `measureText` lays nothing out, where
 * a span measured in the DOM (Recharts' way) makes the browser lay out the whole page first when
 * it has changed, as it has in the middle of a facet click.
 */

/** Width per text, for one font size: a label's words come back on every change of data. */
const widths = new Map<number, Map<string, number>>();
let context: OffscreenCanvasRenderingContext2D | null | undefined;
/** The body's font family, read once: reading a computed style can make the browser recompute
 * the page's styles, and the fonts never change. */
let fontFamily = '';

function canvasContext(): OffscreenCanvasRenderingContext2D | null {
  if (context === undefined) {
    // jsdom has no OffscreenCanvas (and its <canvas> only logs "not implemented").
    context =
      typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : null;
    if (context !== null) fontFamily = getComputedStyle(document.body).fontFamily;
  }
  return context;
}

/**
 * A function giving the width in CSS pixels of a text in the page's font (the SVG's text inherits
 * the body's) at `fontSize` pixels. Without a canvas (tests in jsdom), an estimate of 0.6 em a
 * character.
 */
export function textMeasurer(fontSize: number): (text: string) => number {
  let cache = widths.get(fontSize);
  if (cache === undefined) {
    cache = new Map();
    widths.set(fontSize, cache);
  }
  const sized = cache;
  return (text) => {
    let width = sized.get(text);
    if (width === undefined) {
      const canvas = canvasContext();
      if (canvas === null) width = text.length * fontSize * 0.6;
      else {
        canvas.font = `${fontSize}px ${fontFamily}`;
        width = canvas.measureText(text).width;
      }
      sized.set(text, width);
    }
    return width;
  };
}
