import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { buildExportFile, type ExportRequest } from '../../../src/features/export/model/build-file';
import { mapInChunks } from '../../../src/features/export/model/chunks';
import { neutralizeFormula } from '../../../src/features/export/model/csv';
import { listingSchema } from '../../../src/domain/listing-schema';
import { ABOUT_SHEET, LISTINGS_SHEET, toXlsxText } from '../../../src/features/export/model/xlsx';
import { HOSTILE_CELLS, makeListing, makeManifest } from './fixtures';

const LISTINGS = HOSTILE_CELLS.map((cell, index) =>
  makeListing({ id: `el-${index}`, name: cell === '' ? 'unnamed' : cell, remarks: cell }),
);

function request(overrides: Partial<ExportRequest> = {}): ExportRequest {
  return {
    format: 'csv',
    scope: 'visible',
    listings: LISTINGS,
    visibleColumns: ['name', 'list', 'listed'],
    manifest: makeManifest(true),
    viewUrl: 'https://example.invalid/?q=%3Dcmd&v=1',
    filters: { q: '=cmd|calc' },
    now: new Date('2026-11-28T12:00:00.000Z'),
    ...overrides,
  };
}

/** Splits the CSV at its first empty row: provenance above, the table below. */
function readCsvExport(text: string): { about: string[][]; table: string[][] } {
  const records = parse(text, { bom: true, relax_column_count: true }) as string[][];
  const blank = records.findIndex((record) => record.length === 1 && record[0] === '');
  return { about: records.slice(0, blank), table: records.slice(blank + 1) };
}

describe('mapInChunks', () => {
  it('yields to the page after each chunk and reports progress', async () => {
    const pause = vi.fn(() => Promise.resolve());
    const progress: number[] = [];
    const out = await mapInChunks([1, 2, 3, 4, 5], (n) => n * 2, {
      chunkSize: 2,
      yieldToPage: pause,
      onProgress: (done) => progress.push(done),
    });
    expect(out).toEqual([2, 4, 6, 8, 10]);
    expect(pause).toHaveBeenCalledTimes(3);
    expect(progress).toEqual([2, 4, 5]);
  });
});

describe('buildExportFile', () => {
  it('writes CSV: provenance, one empty row, the header, then every row inert', async () => {
    const file = await buildExportFile(request());
    const text = await file.blob.text();
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { about, table } = readCsvExport(text);
    expect(table[0]).toEqual(['Name', 'List', 'Date listed']);
    expect(table).toHaveLength(LISTINGS.length + 1);
    expect(table.slice(1).map((row) => row[0])).toEqual(
      LISTINGS.map((listing) => neutralizeFormula(listing.name)),
    );
    expect(about).toContainEqual(['Note', 'Sample data — not the official lists']);
    // The user's own search text is a cell too.
    expect(about).toContainEqual(['Filter: q', "'=cmd|calc"]);
    expect(file.fileName).toBe(
      `sanctions-explorer_2026-11-28_q-cmd-calc_${LISTINGS.length}-rows.csv`,
    );
  });

  it('writes every field in CSV when asked', async () => {
    const file = await buildExportFile(request({ scope: 'all' }));
    const { table } = readCsvExport(await file.blob.text());
    expect(table[0]).toContain('Source row');
    expect(table[1]![table[0]!.indexOf('Remarks')]).toBe(neutralizeFormula(HOSTILE_CELLS[0]!));
  });

  it('writes Excel with text cells only, inert, and an "About this export" sheet', async () => {
    const file = await buildExportFile(request({ format: 'xlsx' }));
    expect(file.fileName.endsWith('.xlsx')).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.blob.arrayBuffer());
    const sheet = workbook.getWorksheet(LISTINGS_SHEET)!;
    expect(sheet.rowCount).toBe(LISTINGS.length + 1);
    const names: unknown[] = [];
    sheet.eachRow((row, index) => {
      if (index > 1) names.push(row.getCell(1).value);
    });
    expect(names).toEqual(LISTINGS.map((listing) => toXlsxText(listing.name)));
    expect(names.every((value) => typeof value === 'string')).toBe(true);
    const about = workbook.getWorksheet(ABOUT_SHEET)!;
    const keys: unknown[] = [];
    about.eachRow((row) => keys.push(row.getCell(1).value));
    expect(keys).toContain('Note');
    expect(keys).toContain('Source file: csl/consolidated.csv');
  });

  it('writes JSON: provenance and the normalised listings, valid against the schema', async () => {
    const file = await buildExportFile(request({ format: 'json' }));
    const parsed = JSON.parse(await file.blob.text()) as {
      provenance: { rowCount: number; note: string };
      listings: unknown[];
    };
    expect(parsed.provenance.rowCount).toBe(LISTINGS.length);
    expect(parsed.provenance.note).toBe('Sample data — not the official lists');
    expect(parsed.listings.map((listing) => listingSchema.parse(listing))).toEqual(LISTINGS);
  });

  it('writes a valid empty file for an empty view', async () => {
    const file = await buildExportFile(request({ listings: [] }));
    expect(readCsvExport(await file.blob.text()).table).toEqual([['Name', 'List', 'Date listed']]);
    const json = JSON.parse(
      await (await buildExportFile(request({ listings: [], format: 'json' }))).blob.text(),
    ) as {
      listings: unknown[];
    };
    expect(json.listings).toEqual([]);
  });
});

describe('toXlsxText', () => {
  it('neutralises formulas, drops XML-invalid control characters and keeps to the cell limit', () => {
    expect(toXlsxText('=1+1')).toBe("'=1+1");
    expect(toXlsxText('a\u0000b\u0007c\nd')).toBe('abc\nd');
    expect(toXlsxText('\rx\r\ny')).toBe("'\nx\ny");
    const long = toXlsxText('y'.repeat(40_000));
    expect(long).toHaveLength(32_767);
    expect(long.endsWith('limit]')).toBe(true);
  });
});
