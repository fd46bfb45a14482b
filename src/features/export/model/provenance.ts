import { LISTS, type ListCode } from '../../../domain/lists';
import type { Listing } from '../../../domain/listing';
import type { Manifest } from '../../../domain/manifest';
import type { ExportScope } from './columns';

export const SAMPLE_NOTE = 'Sample data — not the official lists';

/** Where an export came from, so a file found months later still says what it holds. */
export interface ExportProvenance {
  readonly tool: 'Sanctions Explorer';
  /** Set when the data is the project's sample, never the official lists. */
  readonly note: string | null;
  readonly generatedAt: string;
  readonly rowCount: number;
  readonly columns: ExportScope;
  /** The shareable link that reopens this view. */
  readonly viewUrl: string;
  /** The view's filters as URL parameters (`list` → `EL`). */
  readonly filters: Readonly<Record<string, string>>;
  /** When the generated data last changed (manifest `generatedAt`). */
  readonly dataGeneratedAt: string;
  /** The lists in the export (every list when it has no rows), each with its as-of date. */
  readonly lists: readonly {
    readonly code: ListCode;
    readonly name: string;
    readonly asOf: string | null;
    readonly source: string;
  }[];
  /** The source files those lists were read from, with their SHA-256. */
  readonly sources: readonly {
    readonly id: string;
    readonly asOf: string | null;
    readonly files: readonly { readonly id: string; readonly sha256: string }[];
  }[];
}

export interface ProvenanceInput {
  readonly manifest: Manifest;
  readonly listings: readonly Listing[];
  readonly scope: ExportScope;
  readonly viewUrl: string;
  readonly filters: Readonly<Record<string, string>>;
  readonly generatedAt: Date;
}

export function buildProvenance(input: ProvenanceInput): ExportProvenance {
  const { manifest } = input;
  const present = new Set(input.listings.map((listing) => listing.list));
  const lists = manifest.lists
    .filter((list) => present.size === 0 || present.has(list.code))
    .map((list) => ({
      code: list.code,
      name: LISTS[list.code].name,
      asOf: list.asOf,
      source: list.source,
    }));
  const usedSources = new Set(lists.map((list) => list.source));
  return {
    tool: 'Sanctions Explorer',
    note: manifest.sample ? SAMPLE_NOTE : null,
    generatedAt: input.generatedAt.toISOString(),
    rowCount: input.listings.length,
    columns: input.scope,
    viewUrl: input.viewUrl,
    filters: { ...input.filters },
    dataGeneratedAt: manifest.generatedAt,
    lists,
    sources: manifest.sources
      .filter((source) => usedSources.has(source.id))
      .map((source) => ({
        id: source.id,
        asOf: source.asOf,
        files: source.files.map((file) => ({ id: file.id, sha256: file.sha256 })),
      })),
  };
}

/** The provenance as `[key, value]` rows, for the top of a CSV and the "About" sheet. */
export function toProvenanceRows(provenance: ExportProvenance): [string, string][] {
  const filters = Object.entries(provenance.filters);
  return [
    ['Export', provenance.tool],
    ...(provenance.note === null ? [] : [['Note', provenance.note] as [string, string]]),
    ['Generated at', provenance.generatedAt],
    ['Rows', String(provenance.rowCount)],
    ['Columns', provenance.columns === 'all' ? 'all fields' : 'visible columns'],
    ['View', provenance.viewUrl],
    ...(filters.length === 0
      ? [['Filters', 'none'] as [string, string]]
      : filters.map(([key, value]): [string, string] => [`Filter: ${key}`, value])),
    ['Data generated at', provenance.dataGeneratedAt],
    ...provenance.lists.map((list): [string, string] => [
      `Data as of: ${list.code} (${list.name})`,
      `${list.asOf ?? 'undated'} from ${list.source}`,
    ]),
    ...provenance.sources.flatMap((source) =>
      source.files.map((file): [string, string] => [
        `Source file: ${file.id}`,
        `sha256 ${file.sha256}`,
      ]),
    ),
  ];
}
