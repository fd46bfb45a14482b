import { describe, expect, it } from 'vitest';
import { HAND_WRITTEN_MARKER, withHandWrittenPart } from '../../../bench/report';

describe('withHandWrittenPart', () => {
  const rendered = '# Benchmarks\n\n| figure | median |\n| --- | --- |\n| load | 9 ms |\n';

  it('keeps what the previous file had from the marker on, and replaces the figures above it', () => {
    const previous = `# Benchmarks\n\n| load | 12 ms |\n\n${HAND_WRITTEN_MARKER}\n\n## Why the rest is still missed\n\nCharts.\n`;
    const next = withHandWrittenPart(rendered, previous);
    expect(next).toBe(
      `${rendered}\n${HAND_WRITTEN_MARKER}\n\n## Why the rest is still missed\n\nCharts.\n`,
    );
    expect(next).not.toContain('12 ms');
  });

  it('writes the marker when there is no previous file, or one without it', () => {
    expect(withHandWrittenPart(rendered, null)).toBe(`${rendered}\n${HAND_WRITTEN_MARKER}\n`);
    expect(withHandWrittenPart(rendered, '# Benchmarks\n\nold figures\n')).toBe(
      `${rendered}\n${HAND_WRITTEN_MARKER}\n`,
    );
  });

  it('is stable: a file run through it twice keeps its hand-written part once', () => {
    const previous = `old\n\n${HAND_WRITTEN_MARKER}\n\nnotes\n`;
    const once = withHandWrittenPart(rendered, previous);
    expect(withHandWrittenPart(rendered, once)).toBe(once);
    expect(once.split(HAND_WRITTEN_MARKER)).toHaveLength(2);
  });
});
