import { LISTS, type ListCode } from '../domain/lists';
import type { Listing } from '../domain/listing';
import { sourceListingSchema } from '../domain/listing-schema';
import { classifySector } from '../domain/sector-rules';
import type { ListSourceInfo, SourceInfo } from '../domain/manifest';
import { readBisDpl } from './adapters/bis-dpl';
import { readCslCsv } from './adapters/csl-csv';
import { readCslJson } from './adapters/csl-json';
import { readOfacCsvSet } from './adapters/ofac-csv';
import { readUnXml } from './adapters/un-xml';
import { groupKey, type SourceGroup } from './discover';
import { SourceFormatError, type AdapterResult, type DataWarning, type SourceFile } from './types';

/**
 * From discovered source files to the validated set of listings, choosing one source per list.
 *
 * Precedence rule (one rule, applied per list; see README "Data sources"):
 *  1. `--prefer LIST=SOURCE` on the command line wins.
 *  2. Otherwise only complete sources compete. An incomplete source (an OFAC primary file without
 *     its address and alias files) is used for a list only when no complete source carries it,
 *     so it can never silently replace a richer one.
 *  3. Among those, the newest as-of date wins; a source with no known date ranks last.
 *  4. On a tie, the agency's own file (OFAC, BIS, UN) beats the CSL, which republishes them.
 * Rows of the sources not chosen for a list are reported as superseded, never dropped silently.
 */

export interface LoadedSource {
  readonly id: string;
  readonly group: SourceGroup;
  readonly result: AdapterResult;
  readonly files: readonly SourceFile[];
}

export interface RowTally {
  file: string;
  source: string;
  rows: number;
  written: number;
  merged: number;
  superseded: number;
  rejected: number;
}

export interface BuildResult {
  readonly listings: readonly Listing[];
  readonly sources: readonly SourceInfo[];
  readonly lists: readonly ListSourceInfo[];
  readonly tallies: readonly RowTally[];
  /** Row-level notes: rejections and superseded rows are summarised in tallies; these are the
   * rejected rows and data warnings with their reasons. */
  readonly rejections: readonly { file: string; row: number; reason: string }[];
  readonly warnings: readonly DataWarning[];
}

export class ValidationFailure extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `${problems.length} listing(s) failed validation:\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
    this.name = 'ValidationFailure';
  }
}

/** `--prefer` that names no source, or several: wrong usage, reported before anything is read
 * into the output. */
export class PreferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreferenceError';
  }
}

/**
 * Runs the adapter for one discovered group. Throws SourceFormatError on a malformed file, on a
 * file that is not UTF-8, and on a source whose main file has no data rows (a header-only CSV,
 * an XML list with no records): publishing that would silently empty its lists.
 */
export function loadSource(group: SourceGroup): LoadedSource {
  const files =
    group.format === 'ofac-csv'
      ? [group.primary, group.addresses, group.aliases, group.comments]
      : [group.file];
  for (const file of files) if (file) checkUtf8(file);
  const loaded = readGroup(group);
  const main = groupKey(group);
  if ((loaded.result.rowCounts[main] ?? 0) === 0) {
    throw new SourceFormatError(
      main,
      null,
      null,
      'no data rows (the file holds no records, only its header or framing); a cut-off or placeholder download? Download it again',
    );
  }
  return withDuplicateNotes(loaded);
}

/**
 * A row merged as a duplicate (the same list and id twice in one file) is otherwise visible only
 * as a count in the report; name each one, so a reader can check the two rows really are one
 * entry (the adapter keeps a differing name as an alias, so no name is lost either way).
 */
function withDuplicateNotes(loaded: LoadedSource): LoadedSource {
  const notes: DataWarning[] = loaded.result.rows.flatMap((record) =>
    record.outcome.kind === 'merged' && /duplicate/i.test(record.outcome.what)
      ? [
          {
            file: record.file,
            row: record.row,
            field: 'id',
            message: `${record.outcome.what}: merged into ${record.outcome.into}`,
          },
        ]
      : [],
  );
  if (notes.length === 0) return loaded;
  return {
    ...loaded,
    result: { ...loaded.result, warnings: [...loaded.result.warnings, ...notes] },
  };
}

/**
 * Every official file is UTF-8 (the OFAC and BIS files are plain ASCII); a UTF-8 byte-order mark
 * is accepted. Bytes that are not UTF-8 mean the file is not as published: almost always a
 * spreadsheet program re-saved it as Windows-1252. Such a file is REJECTED rather than decoded as
 * Windows-1252: the guess could be wrong (Latin-1, MacRoman…), and a mis-decoded name is a name
 * people screen against and no longer find. The fix, fetching the original again, is cheap.
 * This also overrides the OFAC adapter's Latin-1 fallback, so the rule is one for all formats.
 */
function checkUtf8(file: SourceFile): void {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    const offset = firstInvalidUtf8(file.bytes);
    const before = file.bytes.subarray(0, offset);
    const line = before.filter((byte) => byte === 0x0a).length + 1;
    const column = offset - (before.lastIndexOf(0x0a) + 1) + 1;
    const byte = file.bytes[offset] ?? 0;
    throw new SourceFormatError(
      file.id,
      null,
      null,
      `not UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at line ${line}, column ${column} (byte ${offset}). ` +
        'The official file is UTF-8; this copy was probably re-saved as Windows-1252 by a spreadsheet program. ' +
        'Use the file as published (download it again), or convert it to UTF-8',
    );
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. Runs only
 * once a file has failed to decode, so a plain scan is fast enough. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset] ?? 0;
    if (lead < 0x80) {
      offset += 1;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 0 || offset + length > bytes.length) return offset;
    try {
      decoder.decode(bytes.subarray(offset, offset + length));
    } catch {
      return offset;
    }
    offset += length;
  }
  return offset;
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function readGroup(group: SourceGroup): LoadedSource {
  const id = groupKey(group);
  switch (group.format) {
    case 'csl-csv':
      return { id, group, result: readCslCsv(group.file), files: [group.file] };
    case 'csl-json':
      return { id, group, result: readCslJson(group.file), files: [group.file] };
    case 'bis-dpl':
      return { id, group, result: readBisDpl(group.file), files: [group.file] };
    case 'un-xml':
      return { id, group, result: readUnXml(group.file), files: [group.file] };
    case 'ofac-csv': {
      const files = [group.primary, group.addresses, group.aliases, group.comments].filter(
        (file): file is SourceFile => file !== undefined,
      );
      const result = readOfacCsvSet(
        {
          primary: group.primary,
          ...(group.addresses ? { addresses: group.addresses } : {}),
          ...(group.aliases ? { aliases: group.aliases } : {}),
          ...(group.comments ? { comments: group.comments } : {}),
        },
        group.kind,
      );
      return { id, group, result: withFolderDate(result, group.folder), files };
    }
  }
}

/**
 * OFAC's legacy CSV files carry no publication date. When the folder they sit in is named with a
 * date (`consolidated-2025-12`), that date is a better as-of than the newest date found inside
 * the rows, which is only a lower bound. (Files the pipeline downloads itself are dated by
 * `withDownloadDate`.)
 */
export function withFolderDate(result: AdapterResult, folder: string): AdapterResult {
  const match = /(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)/.exec(folder);
  if (!match) return result;
  const folderDate = `${match[1]}-${match[2]}-${match[3] ?? '01'}`;
  if (result.asOf !== null && result.asOf >= folderDate) return result;
  return {
    ...result,
    asOf: folderDate,
    asOfBasis: `date in the folder name "${folder}"${match[3] ? '' : ' (month; day taken as the 1st)'}`,
  };
}

/**
 * A file fetched from its official address today is the list as published today: its as-of is
 * the download date, whatever older dates its rows hold.
 */
export function withDownloadDate(loaded: LoadedSource, day: string): LoadedSource {
  if (loaded.result.asOf !== null && loaded.result.asOf >= day) return loaded;
  return {
    ...loaded,
    result: {
      ...loaded.result,
      asOf: day,
      asOfBasis: `downloaded from the official address on ${day}`,
    },
  };
}

const AGENCY_OWN_FORMATS = new Set(['ofac-csv', 'bis-dpl', 'un-xml']);

export interface ListChoice {
  readonly source: LoadedSource;
  readonly reason: string;
}

/** Applies the precedence rule: one source per list. Throws PreferenceError for a `--prefer`
 * naming a list no source carries, or a source that matches none (or several) of its carriers. */
export function chooseSources(
  sources: readonly LoadedSource[],
  preferences: ReadonlyMap<ListCode, string>,
): Map<ListCode, ListChoice> {
  const choices = new Map<ListCode, ListChoice>();
  const allLists = new Set(sources.flatMap((source) => source.result.lists));
  for (const [list, preferred] of preferences) {
    if (!allLists.has(list)) {
      throw new PreferenceError(
        `--prefer ${list}=${preferred}: no source carries ${list}. Sources found: ${sources.map((source) => source.id).join(', ') || 'none'}`,
      );
    }
  }
  for (const list of [...allLists].sort()) {
    const carriers = sources.filter((source) => source.result.lists.includes(list));
    const preferred = preferences.get(list);
    if (preferred !== undefined) {
      choices.set(list, {
        source: matchPreference(list, preferred, carriers),
        reason: 'chosen on the command line (--prefer)',
      });
      continue;
    }
    const complete = carriers.filter((source) => source.result.complete);
    const pool = complete.length > 0 ? complete : carriers;
    const ranked = [...pool].sort(compareSources);
    const winner = ranked[0]!;
    choices.set(list, {
      source: winner,
      reason: explainChoice(winner, carriers, complete.length > 0),
    });
  }
  return choices;
}

/** A source id wins outright; otherwise the short name or an id prefix must pick exactly one. */
function matchPreference(
  list: ListCode,
  preferred: string,
  carriers: readonly LoadedSource[],
): LoadedSource {
  const exact = carriers.find((source) => source.id === preferred);
  if (exact) return exact;
  const matches = carriers.filter(
    (source) => source.result.sourceName === preferred || source.id.startsWith(preferred),
  );
  const listed = carriers.map((source) => `${source.id} (${source.result.sourceName})`).join(', ');
  if (matches.length === 1) return matches[0]!;
  throw new PreferenceError(
    matches.length === 0
      ? `--prefer ${list}=${preferred}: no source carrying ${list} matches. Sources for ${list}: ${listed}`
      : `--prefer ${list}=${preferred}: matches ${matches.length} sources carrying ${list}; give a source id. Sources for ${list}: ${listed}`,
  );
}

function compareSources(a: LoadedSource, b: LoadedSource): number {
  const dateA = a.result.asOf ?? '';
  const dateB = b.result.asOf ?? '';
  if (dateA !== dateB) return dateA > dateB ? -1 : 1;
  const ownA = AGENCY_OWN_FORMATS.has(a.result.format) ? 0 : 1;
  const ownB = AGENCY_OWN_FORMATS.has(b.result.format) ? 0 : 1;
  if (ownA !== ownB) return ownA - ownB;
  return a.id.localeCompare(b.id);
}

function explainChoice(
  winner: LoadedSource,
  carriers: readonly LoadedSource[],
  hadComplete: boolean,
): string {
  if (carriers.length === 1) return 'only source carrying this list';
  const others = carriers.filter((source) => source !== winner);
  const incomplete = others.filter((source) => !source.result.complete);
  const parts = [`newest complete source (as of ${winner.result.asOf ?? 'unknown'})`];
  if (!hadComplete)
    parts[0] = `no complete source; newest partial source (as of ${winner.result.asOf ?? 'unknown'})`;
  if (incomplete.length > 0 && hadComplete) {
    parts.push(`partial source(s) not used: ${incomplete.map((source) => source.id).join(', ')}`);
  }
  return parts.join('; ');
}

/** Validates every chosen listing, classifies its sector, checks ids are unique, and tallies every
 * row of every file. */
export function assembleBuild(
  sources: readonly LoadedSource[],
  choices: ReadonlyMap<ListCode, ListChoice>,
): BuildResult {
  const listings: Listing[] = [];
  const problems: string[] = [];
  const seenIds = new Map<string, Listing>();
  /** Which source each written listing came from: two sources can both describe `sdn-36`. */
  const keptIds = new Map<string, LoadedSource>();

  for (const source of sources) {
    for (const listing of source.result.listings) {
      if (choices.get(listing.list)?.source !== source) continue;
      const parsed = sourceListingSchema.safeParse(listing);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          problems.push(
            `${listing.source.file}, row ${listing.source.row}, field "${issue.path.join('.')}": ${issue.message}`,
          );
        }
        continue;
      }
      const previous = seenIds.get(parsed.data.id);
      if (previous) {
        problems.push(
          `${listing.source.file}, row ${listing.source.row}, field "id": duplicate id ${parsed.data.id} (also ${previous.source.file}, row ${previous.source.row})`,
        );
        continue;
      }
      const classified: Listing = { ...parsed.data, sector: classifySector(parsed.data) };
      seenIds.set(classified.id, classified);
      keptIds.set(classified.id, source);
      listings.push(classified);
    }
  }
  if (problems.length > 0) throw new ValidationFailure(problems);
  listings.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const tallies: RowTally[] = [];
  const rejections: { file: string; row: number; reason: string }[] = [];
  for (const source of sources) {
    const byFile = new Map<string, RowTally>();
    for (const file of source.result.files) {
      byFile.set(file, {
        file,
        source: source.id,
        rows: source.result.rowCounts[file] ?? 0,
        written: 0,
        merged: 0,
        superseded: 0,
        rejected: 0,
      });
    }
    for (const record of source.result.rows) {
      const tally = byFile.get(record.file);
      if (!tally) throw new Error(`${source.id}: row outcome for unknown file ${record.file}`);
      const outcome = record.outcome;
      if (outcome.kind === 'rejected') {
        tally.rejected += 1;
        rejections.push({ file: record.file, row: record.row, reason: outcome.reason });
      } else if (outcome.kind === 'written') {
        if (outcome.listingIds.some((id) => keptIds.get(id) === source)) tally.written += 1;
        else tally.superseded += 1;
      } else if (keptIds.get(outcome.into) === source) tally.merged += 1;
      else tally.superseded += 1;
    }
    tallies.push(...byFile.values());
  }

  return {
    listings,
    sources: sources.map((source) => describeSource(source, choices)),
    lists: describeLists(listings, choices),
    tallies,
    rejections,
    warnings: sources.flatMap((source) => source.result.warnings),
  };
}

function describeSource(
  source: LoadedSource,
  choices: ReadonlyMap<ListCode, ListChoice>,
): SourceInfo {
  const result = source.result;
  return {
    id: source.id,
    name: result.sourceName,
    format: result.format,
    files: source.files.map((file) => ({
      id: file.id,
      sha256: file.sha256,
      bytes: file.bytes.length,
      rows: result.rowCounts[file.id] ?? 0,
    })),
    asOf: result.asOf,
    asOfBasis: result.asOfBasis,
    complete: result.complete,
    lists: [...result.lists].sort(),
    usedFor: [...choices.entries()]
      .filter(([, choice]) => choice.source === source)
      .map(([list]) => list)
      .sort(),
  };
}

function describeLists(
  listings: readonly Listing[],
  choices: ReadonlyMap<ListCode, ListChoice>,
): ListSourceInfo[] {
  const counts = new Map<ListCode, number>();
  for (const listing of listings) counts.set(listing.list, (counts.get(listing.list) ?? 0) + 1);
  return [...choices.entries()]
    .map(([code, choice]) => ({
      code,
      source: choice.source.id,
      count: counts.get(code) ?? 0,
      asOf: choice.source.result.asOf,
      reason: choice.reason,
    }))
    .sort((a, b) => Object.keys(LISTS).indexOf(a.code) - Object.keys(LISTS).indexOf(b.code));
}
