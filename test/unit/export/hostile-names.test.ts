import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildExportFile, type ExportRequest } from '../../../src/features/export/model/build-file';
import { LISTINGS_SHEET } from '../../../src/features/export/model/xlsx';
import { makeListing, makeManifest } from './fixtures';

/**
 * Names a malicious or malformed source could carry that csv.test.ts does not already cover:
 * markup, bidi overrides and zero-width characters. An export is data for another program; it
 * must carry them as the same characters, never as markup or a formula.
 */
const HOSTILE_NAMES = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '\u202Eexe.gnp\u202C',
  'ACME \u202E LTD',
  'Me\u200Bg\u200Cvi\u200Di\uFEFF',
] as const;

const LISTINGS = HOSTILE_NAMES.map((name, index) => makeListing({ id: `el-${index}`, name }));

function request(format: ExportRequest['format']): ExportRequest {
  return {
    format,
    scope: 'visible',
    listings: LISTINGS,
    visibleColumns: ['name', 'list', 'listed'],
    manifest: makeManifest(),
    viewUrl: 'http://127.0.0.1/?v=1',
    filters: {},
    now: new Date('2026-11-28T12:00:00.000Z'),
  };
}

describe('hostile names in exports', () => {
  it('writes them into JSON as the same strings', async () => {
    const file = await buildExportFile(request('json'));
    const parsed = JSON.parse(await file.blob.text()) as { listings: { name: string }[] };
    expect(parsed.listings.map((listing) => listing.name)).toEqual([...HOSTILE_NAMES]);
  });

  it('writes them into Excel as plain text cells, the same strings', async () => {
    const file = await buildExportFile(request('xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.blob.arrayBuffer());
    const sheet = workbook.getWorksheet(LISTINGS_SHEET)!;
    const names: unknown[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) names.push(row.getCell(1).value);
    });
    expect(names).toEqual([...HOSTILE_NAMES]);
  });
});
