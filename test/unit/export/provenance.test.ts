import { describe, expect, it } from 'vitest';
import {
  buildProvenance,
  SAMPLE_NOTE,
  toProvenanceRows,
} from '../../../src/features/export/model/provenance';
import {
  buildFileName,
  slugify,
  summarizeFilters,
} from '../../../src/features/export/model/file-name';
import { makeListing, makeManifest, SHA_CSL, SHA_OFAC } from './fixtures';

const INPUT = {
  listings: [makeListing()],
  scope: 'visible' as const,
  viewUrl: 'https://example.invalid/?list=EL&v=1',
  filters: { list: 'EL' },
  generatedAt: new Date('2026-11-28T12:00:00.000Z'),
};

describe('buildProvenance', () => {
  it('names the lists in the export with their as-of date and source hashes', () => {
    const provenance = buildProvenance({ ...INPUT, manifest: makeManifest() });
    expect(provenance.lists).toEqual([
      { code: 'EL', name: 'Entity List', asOf: '2022-04-21', source: 'csl/consolidated.csv' },
    ]);
    expect(provenance.sources).toEqual([
      {
        id: 'csl/consolidated.csv',
        asOf: '2022-04-21',
        files: [{ id: 'csl/consolidated.csv', sha256: SHA_CSL }],
      },
    ]);
    expect(provenance).toMatchObject({
      note: null,
      rowCount: 1,
      generatedAt: '2026-11-28T12:00:00.000Z',
      viewUrl: INPUT.viewUrl,
      filters: { list: 'EL' },
    });
  });

  it('lists every source when the export has no rows', () => {
    const provenance = buildProvenance({ ...INPUT, listings: [], manifest: makeManifest() });
    expect(provenance.sources.flatMap((source) => source.files.map((file) => file.sha256))).toEqual(
      [SHA_CSL, SHA_OFAC],
    );
  });

  it('says so when the data is the sample', () => {
    const rows = toProvenanceRows(buildProvenance({ ...INPUT, manifest: makeManifest(true) }));
    expect(rows).toContainEqual(['Note', SAMPLE_NOTE]);
    expect(rows).toContainEqual(['Filter: list', 'EL']);
    expect(rows).toContainEqual([
      'Data as of: EL (Entity List)',
      '2022-04-21 from csl/consolidated.csv',
    ]);
    expect(rows).toContainEqual(['Source file: csl/consolidated.csv', `sha256 ${SHA_CSL}`]);
    expect(rows).toContainEqual(['Rows', '1']);
  });

  it('says "none" without filters and no note for the official data', () => {
    const rows = toProvenanceRows(
      buildProvenance({ ...INPUT, filters: {}, manifest: makeManifest(false) }),
    );
    expect(rows).toContainEqual(['Filters', 'none']);
    expect(rows.some(([key]) => key === 'Note')).toBe(false);
  });
});

describe('file names', () => {
  const date = new Date(2026, 10, 28, 12);

  it('summarises the filters, the date and the row count', () => {
    expect(
      buildFileName(
        { list: 'EL', listed_from: '2021-12-17', listed_to: '2021-12-17' },
        37,
        date,
        'csv',
      ),
    ).toBe('sanctions-explorer_2026-11-28_list-EL_listed-2021-12-17_37-rows.csv');
  });

  it('describes open and closed date ranges', () => {
    expect(summarizeFilters({ listed_from: '2021-01-01', listed_to: '2021-12-31' })).toBe(
      'listed-2021-01-01-to-2021-12-31',
    );
    expect(summarizeFilters({ listed_from: '2021-01-01' })).toBe('listed-from-2021-01-01');
    expect(summarizeFilters({ listed_to: '2021-12-31' })).toBe('listed-to-2021-12-31');
  });

  it('says "all" without filters, ignores sort and version, and writes one row', () => {
    expect(buildFileName({ sort: '-listed', v: '1' }, 1, date, 'json')).toBe(
      'sanctions-explorer_2026-11-28_all_1-row.json',
    );
  });

  it('slugifies hostile search text and keeps the summary short', () => {
    expect(slugify('Café / "=cmd|calc"!')).toBe('Cafe-cmd-calc');
    const summary = summarizeFilters({ q: 'a'.repeat(200), list: 'EL,SDN' });
    expect(summary.length).toBeLessThanOrEqual(60);
    expect(summary).toMatch(/^q-a+$/);
    const several = summarizeFilters({
      list: 'EL,SDN,DPL',
      country: 'CN,RU,IR,KP',
      program: 'SDGT,IRAN,RUSSIA-EO14024',
      type: 'entity',
    });
    expect(several.length).toBeLessThanOrEqual(60);
    expect(several.startsWith('list-EL-SDN-DPL_country-CN-RU-IR-KP')).toBe(true);
    expect(buildFileName({ q: '../../etc/passwd' }, 2, date, 'csv')).toBe(
      'sanctions-explorer_2026-11-28_q-etc-passwd_2-rows.csv',
    );
  });
});
