import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LIST_CODES } from '../../../src/domain/lists';
import {
  LIST_RATIONALES,
  PROGRAMS,
  PROGRAM_RATIONALES,
  RATIONALES,
  RATIONALE_CODES,
  UN_LIST_TYPE_RATIONALES,
  UN_REGIMES,
  normalizeProgramCode,
  programRationales,
  rationalesFor,
  splitPrograms,
} from '../../../src/domain/rationale';

/** The real, unmodified official files, read in place (see /work/shared/data/README.md). */
const DATA_DIR = path.resolve(import.meta.dirname, '../../../../shared/data');
const CSL_CSV = path.join(DATA_DIR, 'csl/consolidated.csv');
const OFAC_PRIMARY_FILES = [
  'ofac/sdn-2024-05/sdn.csv',
  'ofac/sdn-2021-07/sdn.csv',
  'ofac/consolidated-2025-12/cons_prim.csv',
].map((file) => path.join(DATA_DIR, file));
const UN_XML = path.join(DATA_DIR, 'un/consolidated.xml');

function readRealFile(file: string): string {
  if (!existsSync(file)) {
    throw new Error(
      `Official data file not found: ${file}. The test looks for the shared data checkout at ${DATA_DIR} ` +
        '(four levels above this test file); see /work/shared/data/README.md.',
    );
  }
  return readFileSync(file, 'utf8');
}

/** CSL `programs` column: `; `-separated. */
function cslProgramCodes(): Set<string> {
  const rows = parse(readRealFile(CSL_CSV), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const codes = new Set<string>();
  for (const row of rows) {
    for (const code of (row.programs ?? '').split(';')) {
      if (code.trim() !== '') codes.add(code.trim());
    }
  }
  return codes;
}

/** OFAC legacy CSV: no header, column 4 `Program`, `-0- ` for null, several as `A] [B`; a final
 * Ctrl-Z record of one field. */
function ofacProgramCodes(file: string): Set<string> {
  const rows = parse(readRealFile(file), {
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  const codes = new Set<string>();
  for (const row of rows) {
    const field = row[3];
    if (row.length < 12 || field === undefined || field.trim() === '-0-') continue;
    for (const code of field.split('] [')) if (code.trim() !== '') codes.add(code.trim());
  }
  return codes;
}

/** `UN_LIST_TYPE` is a leaf element with plain text; a regular expression reads it exactly. */
function unListTypes(): Set<string> {
  const xml = readRealFile(UN_XML);
  return new Set(
    [...xml.matchAll(/<UN_LIST_TYPE>([^<]*)<\/UN_LIST_TYPE>/g)].map((m) => m[1]!.trim()),
  );
}

function unmapped(codes: Iterable<string>, list: 'SDN' | 'UN'): string[] {
  return [...codes].filter((code) => {
    const rationales = programRationales(code, list);
    return rationales === null || rationales.length === 0 || rationales.includes('other');
  });
}

describe('every program in the real official files has a rationale', () => {
  it('CSL programs column (OFAC tags and ISN authorities)', () => {
    const codes = cslProgramCodes();
    expect(codes.size).toBeGreaterThanOrEqual(85);
    expect(unmapped(codes, 'SDN'), `unmapped CSL programs in ${CSL_CSV}`).toEqual([]);
  });

  it.each(OFAC_PRIMARY_FILES)('OFAC Program column of %s', (file) => {
    const codes = ofacProgramCodes(file);
    expect(codes.size).toBeGreaterThan(5);
    expect(unmapped(codes, 'SDN'), `unmapped OFAC programs in ${file}`).toEqual([]);
  });

  it('UN_LIST_TYPE of the UN consolidated list', () => {
    const types = unListTypes();
    expect(types.size).toBeGreaterThanOrEqual(10);
    expect(unmapped(types, 'UN'), `unmapped UN list types in ${UN_XML}`).toEqual([]);
    for (const type of types) {
      expect(rationalesFor({ list: 'UN', programs: [type] })).toContain('un-security-council');
    }
  });
});

describe('tables', () => {
  it('maps every list to at least one known rationale; only SDN falls back to other', () => {
    for (const list of LIST_CODES) {
      const rationales = LIST_RATIONALES[list];
      expect(rationales.length, list).toBeGreaterThan(0);
      if (list !== 'SDN') expect(rationales, list).not.toContain('other');
    }
  });

  const OFFICIAL_HOSTS = [
    'treasury.gov',
    'ofac.treasury.gov',
    'bis.gov',
    'bis.doc.gov',
    'ecfr.gov',
    'federalregister.gov',
    'state.gov',
    'pmddtc.state.gov',
    'un.org',
    'scsanctions.un.org',
  ];

  it.each(RATIONALE_CODES)('rationale %s is complete and links an official page', (code) => {
    const rationale = RATIONALES[code];
    expect(rationale.code).toBe(code);
    expect(rationale.label.trim()).not.toBe('');
    expect(rationale.label.length).toBeLessThanOrEqual(40);
    expect(rationale.description.trim()).not.toBe('');
    expect(rationale.legalBasis.trim()).not.toBe('');
    const url = new URL(rationale.url);
    expect(url.protocol).toBe('https:');
    const host = url.hostname;
    expect(
      OFFICIAL_HOSTS.some((official) => host === official || host.endsWith(`.${official}`)),
      `${code}: ${host} is not an official host`,
    ).toBe(true);
  });

  it('uses only known rationale codes in the program tables', () => {
    const known = new Set<string>(RATIONALE_CODES);
    for (const table of [PROGRAM_RATIONALES, UN_LIST_TYPE_RATIONALES, LIST_RATIONALES]) {
      for (const [code, rationales] of Object.entries(table)) {
        expect(rationales.length, code).toBeGreaterThan(0);
        for (const rationale of rationales)
          expect(known.has(rationale), `${code} → ${rationale}`).toBe(true);
      }
    }
    for (const table of [PROGRAMS, UN_REGIMES]) {
      for (const [key, info] of Object.entries(table)) {
        expect(info.code).toBe(key);
        expect(info.name.trim(), key).not.toBe('');
        expect(info.legalBasis.trim(), key).not.toBe('');
      }
    }
  });
});

describe('normalizeProgramCode and splitPrograms', () => {
  it('matches codes regardless of case, spacing and E.O. spelling', () => {
    expect(normalizeProgramCode('SDGT ')).toBe('SDGT');
    expect(normalizeProgramCode('sdgt')).toBe('SDGT');
    expect(normalizeProgramCode('[SDGT]')).toBe('SDGT');
    expect(normalizeProgramCode('CAATSA  -  RUSSIA')).toBe(normalizeProgramCode('CAATSA - RUSSIA'));
    expect(normalizeProgramCode('E.O. 13382')).toBe('EO 13382');
    expect(normalizeProgramCode('EO 13382')).toBe('EO 13382');
    expect(normalizeProgramCode('EO13382')).toBe('EO 13382');
    expect(programRationales('EO 13382')).toEqual(['wmd-proliferation']);
    expect(programRationales(' south   sudan ')).toEqual(['south-sudan']);
  });

  it('splits the CSL and OFAC ways of writing several programs', () => {
    expect(splitPrograms('SDGT; IRGC')).toEqual(['SDGT', 'IRGC']);
    expect(splitPrograms('UKRAINE-EO13662] [RUSSIA-EO14024')).toEqual([
      'UKRAINE-EO13662',
      'RUSSIA-EO14024',
    ]);
    expect(splitPrograms('-0- ')).toEqual([]);
  });
});

describe('rationalesFor', () => {
  it('gives the programs’ rationales', () => {
    expect(rationalesFor({ list: 'CMIC', programs: ['CMIC-EO13959'] })).toEqual([
      'securities-investment-ban',
    ]);
    expect(rationalesFor({ list: 'SDN', programs: ['SDGT', 'IRGC'] })).toEqual([
      'terrorism',
      'iran',
    ]);
    expect(rationalesFor({ list: 'SDN', programs: ['SDGT; IRGC'] })).toEqual(['terrorism', 'iran']);
    expect(rationalesFor({ list: 'SDN', programs: ['sdgt ', 'GLOMAG'] })).toEqual([
      'terrorism',
      'human-rights',
      'corruption',
    ]);
    expect(rationalesFor({ list: 'ISN', programs: ['E.O. 13382', 'INKSNA'] })).toEqual([
      'wmd-proliferation',
    ]);
    expect(
      rationalesFor({ list: 'ISN', programs: ['Transfer of Lethal Military Equipment'] }),
    ).toEqual(['arms-transfer']);
  });

  it('falls back to the list when a row has no programs', () => {
    expect(rationalesFor({ list: 'EL', programs: [] })).toEqual(['military-end-use']);
    expect(rationalesFor({ list: 'MEU', programs: [] })).toEqual(['military-end-use']);
    expect(rationalesFor({ list: 'DPL', programs: [] })).toEqual(['export-control-violation']);
    expect(rationalesFor({ list: 'UVL', programs: [] })).toEqual(['unverified-end-use']);
    expect(rationalesFor({ list: 'DTC', programs: [] })).toEqual(['itar-debarment']);
    expect(rationalesFor({ list: 'SDN', programs: [] })).toEqual(['other']);
  });

  it('keeps the measure a list stands for next to its programs', () => {
    expect(rationalesFor({ list: 'CAP', programs: ['UKRAINE-EO13662', 'RUSSIA-EO14024'] })).toEqual(
      ['russia-ukraine', 'correspondent-account'],
    );
    expect(rationalesFor({ list: 'FSE', programs: ['FSE-SY'] })).toEqual([
      'sanctions-evasion',
      'syria',
    ]);
  });

  it('reads UN list types as UN regimes, not as the OFAC programs of the same name', () => {
    expect(rationalesFor({ list: 'UN', programs: ['Al-Qaida'] })).toEqual([
      'terrorism',
      'un-security-council',
    ]);
    expect(rationalesFor({ list: 'UN', programs: ['Iran'] })).toEqual([
      'wmd-proliferation',
      'iran',
      'un-security-council',
    ]);
    expect(rationalesFor({ list: 'SDN', programs: ['IRAN'] })).toEqual(['iran']);
    expect(rationalesFor({ list: 'UN', programs: [] })).toEqual(['un-security-council']);
  });

  it('marks an unknown program other, and is deterministic', () => {
    expect(rationalesFor({ list: 'SDN', programs: ['NOT-A-PROGRAM'] })).toEqual(['other']);
    expect(rationalesFor({ list: 'SDN', programs: ['NOT-A-PROGRAM', 'SDGT'] })).toEqual([
      'terrorism',
      'other',
    ]);
    const a = rationalesFor({ list: 'SDN', programs: ['IRGC', 'SDGT', 'NPWMD'] });
    const b = rationalesFor({ list: 'SDN', programs: ['NPWMD', 'SDGT', 'IRGC'] });
    expect(a).toEqual(b);
    expect(a).toEqual(['terrorism', 'wmd-proliferation', 'iran']);
  });
});
