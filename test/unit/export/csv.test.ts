import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  neutralizeFormula,
  quoteCsvField,
  toCsv,
  UTF8_BOM,
} from '../../../src/features/export/model/csv';
import { HOSTILE_CELLS } from './fixtures';

function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: true }) as string[][];
}

describe('neutralizeFormula', () => {
  it.each(['=1+1', '=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx'])(
    'prefixes %j with an apostrophe',
    (cell) => {
      expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    },
  );

  it.each(['Huawei', '', "'=already", '1-2', 'a=b', ' =spaced', '2021-12-17'])(
    'leaves %j alone',
    (cell) => {
      expect(neutralizeFormula(cell)).toBe(cell);
    },
  );

  it('is idempotent', () => {
    expect(neutralizeFormula(neutralizeFormula('=1'))).toBe("'=1");
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe(`${UTF8_BOM}a,b\r\nc,d\r\n`);
  });

  it('quotes only fields with a quote, comma, CR or LF, doubling quotes', () => {
    expect(quoteCsvField('plain')).toBe('plain');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField('a,b')).toBe('"a,b"');
    expect(quoteCsvField('a\nb')).toBe('"a\nb"');
    expect(quoteCsvField('a\rb')).toBe('"a\rb"');
  });

  it('writes formula cells inert', () => {
    const text = toCsv([['=HYPERLINK("http://example.invalid")', '+1', '-2', '@SUM(A1)']]);
    expect(text).toBe(`${UTF8_BOM}"'=HYPERLINK(""http://example.invalid"")",'+1,'-2,'@SUM(A1)\r\n`);
  });

  it('round-trips hostile cells through a CSV parser, neutralised and otherwise unchanged', () => {
    const rows = [HOSTILE_CELLS, [...HOSTILE_CELLS].reverse()];
    const parsed = parseCsv(toCsv(rows));
    expect(parsed).toEqual(rows.map((row) => row.map(neutralizeFormula)));
    expect(parsed[0]![14]).toHaveLength(10_000);
    expect(parsed[0]![0]!.startsWith("'=")).toBe(true);
    expect(parsed[0]![5]).toBe("'\rleading CR");
  });

  it('keeps a row of one empty cell apart from the rows around it', () => {
    expect(parseCsv(toCsv([['a'], [''], ['b']]))).toEqual([['a'], [''], ['b']]);
  });
});
