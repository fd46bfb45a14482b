/**
 * CSV as RFC 4180 writes it (https://www.rfc-editor.org/rfc/rfc4180): fields holding a quote,
 * comma, CR or LF are quoted and their quotes doubled; records end with CRLF. The file starts
 * with a UTF-8 byte-order mark because Excel reads a CSV without one in the local code page and
 * garbles every non-ASCII name.
 */
export const UTF8_BOM = '\uFEFF';
export const CRLF = '\r\n';

/** How several values share one cell (aliases, countries, programs). */
export const VALUE_SEPARATOR = '; ';

/**
 * A cell a spreadsheet would run as a formula is made inert with a leading apostrophe, as the
 * OWASP guidance on CSV injection says (https://owasp.org/www-community/attacks/CSV_Injection).
 * Names on the lists and the user's own search text both reach these cells, so every cell goes
 * through here. Idempotent: an already neutralised cell starts with `'` and is left alone.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export function neutralizeFormula(cell: string): string {
  return cell.length > 0 && FORMULA_TRIGGERS.has(cell.charAt(0)) ? `'${cell}` : cell;
}

const NEEDS_QUOTES = /[",\r\n]/;

export function quoteCsvField(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** One record, CRLF included; an empty row gives an empty line. Cells are neutralised here so no
 * caller can forget to. */
export function toCsvRecord(row: readonly string[]): string {
  return row.map((cell) => quoteCsvField(neutralizeFormula(cell))).join(',') + CRLF;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return UTF8_BOM + rows.map(toCsvRecord).join('');
}
