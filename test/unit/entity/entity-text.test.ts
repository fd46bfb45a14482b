import { describe, expect, it } from 'vitest';
import { fieldNameParts } from '../../../src/features/entity/model/entity-text';

describe('fieldNameParts', () => {
  it('splits a field name after each underscore, keeping every character', () => {
    expect(fieldNameParts('federal_register_notice')).toEqual(['federal_', 'register_', 'notice']);
    expect(fieldNameParts('LAST_DAY_UPDATED')).toEqual(['LAST_', 'DAY_', 'UPDATED']);
  });

  it('leaves a name without underscores whole', () => {
    expect(fieldNameParts('Remarks')).toEqual(['Remarks']);
    expect(fieldNameParts('')).toEqual(['']);
  });

  it('keeps leading, trailing and doubled underscores', () => {
    expect(fieldNameParts('_a__b_').join('')).toBe('_a__b_');
  });
});
