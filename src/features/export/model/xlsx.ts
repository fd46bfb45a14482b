// ExcelJS is CommonJS: Node's ESM loader sees only its default export, bundlers see both.
import ExcelJS from 'exceljs';
import { neutralizeFormula } from './csv';
import { mapInChunks, type ChunkOptions } from './chunks';

/**
 * The Excel writer, loaded only when someone asks for Excel (build-file.ts imports this module
 * with `import()`, so Vite puts ExcelJS in its own chunk). ExcelJS zips with JSZip on the main
 * thread; a writer built on fflate's async `zip` would start blob: workers, which the app's
 * Content-Security-Policy (`worker-src 'self'`) refuses, and would never finish.
 */
import { XLSX_MIME } from './xlsx-mime';

export { XLSX_MIME };
export const LISTINGS_SHEET = 'Listings';
export const ABOUT_SHEET = 'About this export';

/** Excel keeps at most 32,767 characters in a cell
 * (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3). */
const MAX_CELL_LENGTH = 32_767;
const TRUNCATED = ' …[cut at Excel’s cell limit]';
/** Control characters that XML 1.0 forbids: a file holding one does not open. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point here
const INVALID_XML_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A text cell Excel can open, never read as a formula, within Excel's cell limit. */
export function toXlsxText(cell: string): string {
  // Neutralised first, so a leading CR still earns its apostrophe; then line breaks become LF,
  // the only one an Excel cell holds (XML readers turn a raw CR into LF anyway).
  const text = neutralizeFormula(cell).replace(INVALID_XML_CHARACTERS, '').replace(/\r\n?/g, '\n');
  return text.length <= MAX_CELL_LENGTH
    ? text
    : text.slice(0, MAX_CELL_LENGTH - TRUNCATED.length) + TRUNCATED;
}

export interface XlsxContent {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly about: readonly (readonly [string, string])[];
}

export async function buildXlsx(content: XlsxContent, options: ChunkOptions = {}): Promise<Blob> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(LISTINGS_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  // Plain strings only: ExcelJS writes a formula only for a `{ formula }` value, never for text.
  sheet.addRow(content.header.map(toXlsxText)).font = { bold: true };
  await mapInChunks(content.rows, (row) => sheet.addRow(row.map(toXlsxText)), options);
  const about = workbook.addWorksheet(ABOUT_SHEET);
  for (const [key, value] of content.about) about.addRow([toXlsxText(key), toXlsxText(value)]);
  about.getColumn(1).width = 40;
  about.getColumn(2).width = 100;
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_MIME });
}
