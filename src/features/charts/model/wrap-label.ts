/**
 * A category label broken into lines that fit an axis' width, word by word, as Recharts' `Text`
 * breaks it: a word joins the line while the line, a space and the word stay narrower than the
 * width; a word wider than the width is a line of its own, never cut.
 *
 * The widths come from `measure`, so that the chart can measure on a canvas: Recharts' `Text`
 * measures each word it has not seen in the DOM, a forced layout of the page in the middle of a
 * facet click (6–16 ms each, up to 32 ms a click when a filter brings new countries into the top
 * ten; bench/HISTORY.md, session 25).
 */
export function wrapLabel(
  text: string,
  maxWidth: number,
  measure: (text: string) => number,
): string[] {
  const words = text.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return [];
  const spaceWidth = measure(' ');
  const lines: { words: string[]; width: number }[] = [];
  for (const word of words) {
    const width = measure(word);
    const line = lines.at(-1);
    if (line !== undefined && line.width + spaceWidth + width < maxWidth) {
      line.words.push(word);
      line.width += spaceWidth + width;
    } else {
      lines.push({ words: [word], width });
    }
  }
  return lines.map((line) => line.words.join(' '));
}
