import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from './types';

/**
 * Finds the recognised official files in a folder and its subfolders. Recognition is by name
 * (case-insensitive: OFAC serves `SDN.CSV`, the repositories keep `sdn.csv`) and, for files whose
 * names vary, by content. What is not recognised is reported, never read as data.
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
      set[ofac.part] = readSourceFile(absolutePath, id);
      ofacSets.set(key, set);
      continue;
    }
    const format = sniffFormat(absolutePath, lowerName);
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

/** Reads the first bytes to tell the CSL export, the DPL text file and the UN XML apart. */
function sniffFormat(absolutePath: string, lowerName: string): SingleFileFormat | null {
  const head = readFileSync(absolutePath)
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (/^"?_id"?,"?source"?,/.test(head)) return 'csl-csv';
  if (lowerName.endsWith('.json') && /"results"\s*:/.test(head)) return 'csl-json';
  if (/^"?Name"?\t"?Street_Address"?\t/i.test(head)) return 'bis-dpl';
  if (/<CONSOLIDATED_LIST[\s>]/.test(head)) return 'un-xml';
  return null;
}

export function readSourceFile(absolutePath: string, id: string): SourceFile {
  const bytes = readFileSync(absolutePath);
  return { id, absolutePath, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
