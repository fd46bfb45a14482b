import { describe, expect, it } from 'vitest';
import { firstShownText, listingsText, previewRowNote } from '../../../src/app/early-results-text';
import { listLabel } from '../../../src/domain/lists';

describe('the early results, in words', () => {
  it('counts the listings found, and says when only the first are shown', () => {
    expect(listingsText(1)).toBe('1 listing');
    expect(listingsText(1204)).toBe('1,204 listings');
    expect(firstShownText(1204, 20)).toBe(', the first 20 shown');
    expect(firstShownText(8, 8)).toBe('');
  });

  it("names a found listing's list, and which of its names matched when not its own", () => {
    expect(previewRowNote({ list: 'SDN', matchedKind: 'primary' })).toBe(
      'SDN · Specially Designated Nationals',
    );
    expect(previewRowNote({ list: 'EL', matchedKind: 'aka' })).toBe(
      'EL · Entity List · found by another of its names',
    );
    expect(previewRowNote({ list: 'SDN', matchedKind: 'identifier' })).toBe(
      'SDN · Specially Designated Nationals · found by an identifier',
    );
  });

  it('shows a list code it does not know as it is', () => {
    expect(listLabel('NOPE')).toBe('NOPE');
    expect(previewRowNote({ list: 'NOPE', matchedKind: 'weak' })).toBe(
      'NOPE · found by another of its names',
    );
  });
});
