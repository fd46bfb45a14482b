import { describe, expect, it } from 'vitest';
import {
  compactKey,
  identifierKeys,
  isLegalFormPrefix,
  normalizeIdentifier,
  normalizeName,
  tokenizeName,
  unfinishedLegalFormLength,
} from '../../../src/search/normalize';

describe('normalizeName', () => {
  it('strips diacritics and folds letters NFKD leaves alone', () => {
    expect(normalizeName('Société Générale')).toBe('societe generale');
    expect(normalizeName('Łódź Straße')).toBe('lodz strasse');
  });

  it('turns punctuation into spaces and lower-cases', () => {
    expect(normalizeName('KIM, Jong-Un')).toBe('kim jong un');
  });

  it('removes apostrophes without splitting the word', () => {
    expect(normalizeName("Xi'an Aero-Engine")).toBe('xian aero engine');
    expect(normalizeName("'ABBAS, Rim")).toBe('abbas rim');
    expect(normalizeName('Xi’an')).toBe('xian');
  });

  it('writes & as "and"', () => {
    expect(normalizeName('A&A Trading')).toBe('a and a trading');
  });

  it('drops legal forms, dotted or not, single words or phrases', () => {
    expect(normalizeName('DAWNING INFORMATION INDUSTRY CO., LTD')).toBe(
      'dawning information industry',
    );
    expect(normalizeName('MEGA GROUP S.R.L.')).toBe('mega group');
    expect(normalizeName('Ellissa S.A.')).toBe('ellissa');
    expect(normalizeName('GAZPROMBANK JOINT STOCK COMPANY')).toBe('gazprombank');
    expect(normalizeName('Petronas Sdn. Bhd.')).toBe('petronas');
    expect(normalizeName('Acme GmbH & Co. KG')).toBe('acme');
  });

  it('keeps a legal word inside another word', () => {
    expect(normalizeName('Coca Incorporated')).toBe('coca');
  });

  it('keeps legal words when they are the only tokens', () => {
    expect(normalizeName('OOO')).toBe('ooo');
    expect(tokenizeName('Company Limited')).toEqual(['company', 'limited']);
  });

  it('is empty for a name of punctuation only', () => {
    expect(tokenizeName(' - , ')).toEqual([]);
  });
});

describe('compactKey', () => {
  it('gives joined and split spellings one key', () => {
    expect(compactKey('Gazprom Bank')).toBe(compactKey('GAZPROMBANK'));
    expect(compactKey('Al-Qaida')).toBe('alqaida');
  });
});

describe('identifiers', () => {
  it('keep only letters and digits, with no legal words dropped', () => {
    expect(normalizeIdentifier('CNE-100 001.TW7')).toBe('cne100001tw7');
    expect(normalizeIdentifier('CO 123')).toBe('co123');
  });

  it('are also found without a leading label', () => {
    expect(identifierKeys('IMO 9187629')).toEqual(['imo9187629', '9187629']);
    expect(identifierKeys('91120000783342508F')).toEqual(['91120000783342508f']);
  });
});

describe('isLegalFormPrefix', () => {
  it('recognises a half-typed legal form only', () => {
    expect(isLegalFormPrefix('lim')).toBe(true);
    expect(isLegalFormPrefix('megv')).toBe(false);
  });
});

describe('unfinishedLegalFormLength', () => {
  it('counts the last words that begin a legal phrase, the last perhaps half-typed', () => {
    expect(unfinishedLegalFormLength(['bank', 'dabrabyt', 'joint', 'stock'])).toBe(2);
    expect(unfinishedLegalFormLength(['vtb', 'bank', 'open', 'joint', 'st'])).toBe(3);
    expect(unfinishedLegalFormLength(['rust', 'closed', 'joint', 'stock'])).toBe(3);
    expect(unfinishedLegalFormLength(['megvii', 'technology', 'lim'])).toBe(1);
  });

  it('counts nothing for ordinary last words, and never every word', () => {
    expect(unfinishedLegalFormLength(['megvii', 'technology'])).toBe(0);
    // "joint" then "venture" is not the start of any legal phrase.
    expect(unfinishedLegalFormLength(['acme', 'joint', 'venture'])).toBe(0);
    expect(unfinishedLegalFormLength(['joint', 'stock'])).toBe(1);
    expect(unfinishedLegalFormLength(['limited'])).toBe(0);
    expect(unfinishedLegalFormLength([])).toBe(0);
  });
});
