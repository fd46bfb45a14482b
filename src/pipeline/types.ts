import type { ListCode } from '../domain/lists';
import type { SourceListing, SourceFormat } from '../domain/listing';

/** One file read from a source folder (or downloaded). `id` is its path relative to the folder,
 * with `/` separators, and is what reports and the manifest call it. */
export interface SourceFile {
  readonly id: string;
  readonly absolutePath: string;
  readonly bytes: Buffer;
  readonly sha256: string;
}

/** What happened to one source row. Every row of every file read gets exactly one outcome. */
export type RowOutcome =
  | { readonly kind: 'written'; readonly listingIds: readonly string[] }
  | { readonly kind: 'merged'; readonly into: string; readonly what: string }
  | { readonly kind: 'rejected'; readonly reason: string };

export interface RowRecord {
  readonly file: string;
  /** 1-based data record number in `file` (header not counted). */
  readonly row: number;
  readonly outcome: RowOutcome;
}

/** A note about a value that was kept out of the output without losing the row, e.g. an
 * impossible date. Printed in the reconciliation report. */
export interface DataWarning {
  readonly file: string;
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

/** The result of one adapter over one source (one file, or a set of companion files). */
export interface AdapterResult {
  readonly format: SourceFormat;
  /** Short, stable name of this source, e.g. `csl`, `ofac-sdn`, `ofac-cons`, `bis-dpl`, `un`. */
  readonly sourceName: string;
  /** Ids of the files this source was read from. */
  readonly files: readonly string[];
  /** Data rows per file (header excluded), for reconciliation. */
  readonly rowCounts: Readonly<Record<string, number>>;
  /** Best-known date of the data (YYYY-MM-DD), from the file itself; null when it says nothing. */
  readonly asOf: string | null;
  /** How `asOf` was found, in words ("newest start_date", "dateGenerated attribute"). */
  readonly asOfBasis: string;
  /** False when the source lacks companions it normally has (an OFAC primary file without its
   * address and alias files). An incomplete source never silently replaces a complete one. */
  readonly complete: boolean;
  readonly lists: readonly ListCode[];
  /** Listings built from the source. Not yet validated: the pipeline validates every one. */
  readonly listings: readonly SourceListing[];
  readonly rows: readonly RowRecord[];
  readonly warnings: readonly DataWarning[];
}

/** A source file that cannot be read as its format: names the file, row and field. */
export class SourceFormatError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly field: string | null,
    readonly problem: string,
  ) {
    super(
      `${file}${row === null ? '' : `, row ${row}`}${field === null ? '' : `, field "${field}"`}: ${problem}`,
    );
    this.name = 'SourceFormatError';
  }
}
