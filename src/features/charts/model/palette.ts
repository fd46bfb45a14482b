/** Distinct colours that keep 3:1 contrast against white (WCAG non-text contrast). */
const PALETTE = [
  '#1f5f99',
  '#b5520b',
  '#2f7d32',
  '#b3261e',
  '#6a4c93',
  '#7a5230',
  '#b0307a',
  '#555f69',
  '#7a7a00',
  '#00798c',
  '#3949ab',
  '#8d6e00',
  '#00695c',
  '#ad1457',
] as const;

export function colourFor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
