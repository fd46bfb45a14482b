import { describe, expect, it } from 'vitest';
import { describeDataset } from '../../../src/app/data-summary-text';
import { makeManifest } from '../export/fixtures';

describe('describeDataset', () => {
  it('says which data version is shown', () => {
    expect(describeDataset(makeManifest()).line).toMatch(
      /^Data as of \d{4}-\d{2}-\d{2}( – \d{4}-\d{2}-\d{2})? · [\d,]+ listings from \d+ lists$/,
    );
  });

  it('says when it is an offline copy', () => {
    const online = describeDataset(makeManifest()).line;
    expect(describeDataset(makeManifest(), true).line).toBe(`${online} · offline copy`);
  });
});
