import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DPL_COLUMNS } from './adapters/bis-dpl';
import { CSL_CSV_COLUMNS } from './adapters/csl-csv';
import { detectOfacFile } from './adapters/ofac-csv';
import { SourceFormatError, type SourceFile } from './types';

/**
 * Finds the recognised official files in a folder and its subfolders. Recognition is by name
 * (case-insensitive: OFAC serves `SDN.CSV`, the repositories keep `sdn.csv`) and, for files whose
 * names vary, by content. What is not recognised is reported, never read as data.
 *
 * A file that carries an official name but plainly is not that file stops the build with a
 * SourceFormatError instead of being skipped: skipping it would publish the data without that
 * source, as if the list were gone. The usual causes are a failed download saved under the real
 * name (an empty file, a site's HTML error page) and a spreadsheet re-export with `;` or tabs.
 */

export type SourceGroup =
  | { readonly format: 'csl-csv'; readonly file: SourceFile }
  | { readonly format: 'csl-json'; readonly file: SourceFile }
  | { readonly format: 'bis-dpl'; readonly file: SourceFile }
  | { readonly format: 'un-xml'; readonly file: SourceFile }
  | {
      readonly format: 'ofac-csv';
      readonly kind: 'sdn' | 'cons';
      /** The folder holding the set, relative to the source root. */
      readonly folder: string;
      readonly primary: SourceFile;
      readonly addresses?: SourceFile;
      readonly aliases?: SourceFile;
      readonly comments?: SourceFile;
    };

export interface Discovery {
  readonly groups: readonly SourceGroup[];
  /** Files seen but not recognised, with the reason. */
  readonly ignored: readonly { readonly id: string; readonly reason: string }[];
}

const OFAC_NAMES: Record<string, { kind: 'sdn' | 'cons'; part: OfacPart }> = {
  'sdn.csv': { kind: 'sdn', part: 'primary' },
  'add.csv': { kind: 'sdn', part: 'addresses' },
  'alt.csv': { kind: 'sdn', part: 'aliases' },
  'sdn_comments.csv': { kind: 'sdn', part: 'comments' },
  'cons_prim.csv': { kind: 'cons', part: 'primary' },
  'cons_add.csv': { kind: 'cons', part: 'addresses' },
  'cons_alt.csv': { kind: 'cons', part: 'aliases' },
  'cons_comments.csv': { kind: 'cons', part: 'comments' },
};
type SingleFileFormat = 'csl-csv' | 'csl-json' | 'bis-dpl' | 'un-xml';
type OfacPart = 'primary' | 'addresses' | 'aliases' | 'comments';

/** The names the single-file sources are published under, and what a reader would call them. */
const OFFICIAL_NAMES: Record<string, string> = {
  'consolidated.csv': 'the Consolidated Screening List CSV export',
  'consolidated.json': 'the Consolidated Screening List JSON export',
  'dpl.txt': 'the BIS Denied Persons List',
  'consolidated.xml': 'the UN Security Council Consolidated List',
};
/** Names only trade.gov and BIS use: a file under one of them that is not recognised by its
 * content is a broken copy. (`consolidated.xml`/`.json` are generic enough that another
 * publisher's file may carry them, so those are only rejected when empty or an HTML page.) */
const UNAMBIGUOUS_NAMES = new Set(['consolidated.csv', 'dpl.txt']);

const CTRL_Z = '\u001a';

const REDOWNLOAD = 'download it again (npm run data -- --download) or remove it from the folder';

export function discoverSources(root: string): Discovery {
  const groups: SourceGroup[] = [];
  const ignored: { id: string; reason: string }[] = [];
  const ofacSets = new Map<
    string,
    Partial<Record<OfacPart, SourceFile>> & { kind: 'sdn' | 'cons'; folder: string }
  >();

  for (const absolutePath of listFiles(root)) {
    const id = relative(root, absolutePath).split(sep).join('/') || absolutePath;
    const lowerName = (id.split('/').pop() ?? id).toLowerCase();
    if (lowerName.endsWith('.md') || lowerName.startsWith('.')) continue;
    const ofac = OFAC_NAMES[lowerName];
    if (ofac) {
      const folder = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '.';
      const key = `${folder}|${ofac.kind}`;
      const set = ofacSets.get(key) ?? { kind: ofac.kind, folder };
      const file = readSourceFile(absolutePath, id);
      checkOfacContent(file, ofac.part, ofac.kind);
      set[ofac.part] = file;
      ofacSets.set(key, set);
      continue;
    }
    const format = sniffFormat(absolutePath, id, lowerName);
    if (format === null) {
      ignored.push({ id, reason: 'not a recognised source file (by name or content)' });
      continue;
    }
    groups.push({ format, file: readSourceFile(absolutePath, id) });
  }

  for (const set of ofacSets.values()) {
    if (!set.primary) {
      const parts = (['addresses', 'aliases', 'comments'] as const).filter((part) => set[part]);
      for (const part of parts) {
        ignored.push({
          id: set[part]!.id,
          reason: `OFAC ${part} file without its primary file (${set.kind === 'sdn' ? 'sdn.csv' : 'cons_prim.csv'}) in the same folder`,
        });
      }
      continue;
    }
    groups.push({
      format: 'ofac-csv',
      kind: set.kind,
      folder: set.folder,
      primary: set.primary,
      ...(set.addresses ? { addresses: set.addresses } : {}),
      ...(set.aliases ? { aliases: set.aliases } : {}),
      ...(set.comments ? { comments: set.comments } : {}),
    });
  }
  groups.sort((a, b) => groupKey(a).localeCompare(groupKey(b)));
  ignored.sort((a, b) => a.id.localeCompare(b.id));
  return { groups, ignored };
}

export function groupKey(group: SourceGroup): string {
  return group.format === 'ofac-csv' ? group.primary.id : group.file.id;
}

function listFiles(root: string): string[] {
  const stats = statSync(root);
  if (stats.isFile()) return [root];
  const files: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else if (entry.isFile()) files.push(path);
  }
  return files.sort();
}

/**
 * Reads the first bytes to tell the CSL export, the DPL text file and the UN XML apart. The CSV
 * formats are recognised by their header's column names in any order, so a file with a renamed
 * or missing column still reaches its adapter, which names the column.
 */
function sniffFormat(absolutePath: string, id: string, lowerName: string): SingleFileFormat | null {
  const bytes = readFileSync(absolutePath);
  const head = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const officialName = OFFICIAL_NAMES[lowerName];
  if (officialName !== undefined) checkNotBroken(id, head, officialName);
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  const csl = matchHeader(firstLine, CSL_CSV_COLUMNS);
  if (csl !== null) {
    if (csl !== ',') throw wrongDelimiter(id, 'the Consolidated Screening List CSV', csl, ',');
    return 'csl-csv';
  }
  if (lowerName.endsWith('.json') && /"results"\s*:/.test(head)) return 'csl-json';
  const dpl = matchHeader(firstLine, DPL_COLUMNS);
  if (dpl !== null) {
    if (dpl !== '\t') throw wrongDelimiter(id, 'the Denied Persons List', dpl, '\t');
    return 'bis-dpl';
  }
  if (/<CONSOLIDATED_LIST[\s>]/.test(head)) return 'un-xml';
  if (officialName !== undefined && UNAMBIGUOUS_NAMES.has(lowerName)) {
    throw new SourceFormatError(
      id,
      null,
      null,
      `has the name of ${officialName} but not its content (the first line is not its header: "${firstLine.slice(0, 80)}"); ${REDOWNLOAD}`,
    );
  }
  return null;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
const DELIMITER_NAMES: Record<string, string> = {
  ',': 'commas',
  ';': 'semicolons',
  '\t': 'tabs',
  '|': 'vertical bars',
};

/** The delimiter that splits `line` into mostly known column names (at least two thirds of
 * them, so one renamed or missing column still counts), or null. */
function matchHeader(line: string, columns: readonly string[]): string | null {
  const known = new Set(columns);
  for (const delimiter of DELIMITERS) {
    const names = line.split(delimiter).map((name) => name.trim().replace(/^"|"$/g, ''));
    const hits = names.filter((name) => known.has(name)).length;
    if (hits >= Math.ceil((columns.length * 2) / 3)) return delimiter;
  }
  return null;
}

function wrongDelimiter(
  id: string,
  what: string,
  found: string,
  expected: string,
): SourceFormatError {
  return new SourceFormatError(
    id,
    0,
    null,
    `${what} is separated by ${DELIMITER_NAMES[expected]}, but this file by ${DELIMITER_NAMES[found]} (re-saved by a spreadsheet program?); use the file as published: ${REDOWNLOAD}`,
  );
}

/** Empty files and HTML pages under an official name: what a failed download leaves behind. */
function checkNotBroken(id: string, head: string, what: string, allowNoRecords = false): void {
  // OFAC ends every file with a Ctrl-Z byte, so a comments file with no rows is just that byte.
  const isEmpty = (allowNoRecords ? head : head.replaceAll(CTRL_Z, '')).trim() === '';
  if (isEmpty) {
    throw new SourceFormatError(id, null, null, `empty file, expected ${what}; ${REDOWNLOAD}`);
  }
  if (/^\s*(<!doctype html|<html|<head|<body)/i.test(head)) {
    throw new SourceFormatError(
      id,
      null,
      null,
      `is an HTML page, not ${what} (a download site's error page saved under the file's name?); ${REDOWNLOAD}`,
    );
  }
}

/**
 * OFAC files are recognised by name alone, so their content is checked here: not empty (a primary
 * file must have records; a comments file may hold only OFAC's end-of-file byte), not an HTML
 * page, and not another file of the set under this one's name. A primary file with no records
 * is caught after reading, with every other source (see `loadSource`).
 */
function checkOfacContent(file: SourceFile, part: OfacPart, kind: 'sdn' | 'cons'): void {
  const what = `the OFAC ${kind === 'sdn' ? 'SDN' : 'Consolidated'} ${part} file`;
  const head = file.bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  checkNotBroken(file.id, head, what, part === 'comments');
  const role = detectOfacFile(file.bytes);
  if (role !== null && role !== part) {
    throw new SourceFormatError(
      file.id,
      1,
      null,
      `looks like the OFAC ${role} file, not ${what} (its records have the ${role} file's columns); check the file names in ${file.id.includes('/') ? file.id.slice(0, file.id.lastIndexOf('/')) : 'the folder'}`,
    );
  }
}

export function readSourceFile(absolutePath: string, id: string): SourceFile {
  const bytes = readFileSync(absolutePath);
  return { id, absolutePath, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
