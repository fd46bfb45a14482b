import type { Listing } from '../../../domain/listing';
import type { Manifest } from '../../../domain/manifest';
import { mapInChunks, type ChunkOptions } from './chunks';
import { selectColumns, toHeader, toRow, type ExportScope } from './columns';
import { CRLF, UTF8_BOM, toCsvRecord } from './csv';
import { buildFileName } from './file-name';
import { buildProvenance, toProvenanceRows, type ExportProvenance } from './provenance';
import type { XlsxContent } from './xlsx';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: 'CSV',
  xlsx: 'Excel (.xlsx)',
  json: 'JSON',
};

export interface ExportRequest {
  readonly format: ExportFormat;
  readonly scope: ExportScope;
  /** Every listing of the view, in display order. */
  readonly listings: readonly Listing[];
  readonly visibleColumns: readonly string[];
  readonly manifest: Manifest;
  readonly viewUrl: string;
  readonly filters: Readonly<Record<string, string>>;
  readonly now: Date;
}

/** Builds the .xlsx from its content. The page passes one that runs in a worker; without one,
 * ExcelJS runs in this thread (tests, Node). */
export type XlsxBuilder = (content: XlsxContent) => Promise<Blob>;

export interface ExportOptions extends ChunkOptions {
  readonly buildXlsx?: XlsxBuilder;
}

export interface ExportFile {
  readonly blob: Blob;
  readonly fileName: string;
  readonly rowCount: number;
}

/**
 * CSV layout, chosen so the file opens cleanly in Excel and LibreOffice with nothing to set:
 * provenance as `key,value` rows (a "Layout" row says so), ONE empty row, then the header row
 * and the data. `# comment` lines would show up as data anyway, and a sidecar file is easily
 * lost; a reader who wants a plain table skips to the first row after the first empty one.
 */
const CSV_LAYOUT: [string, string] = [
  'Layout',
  'these provenance rows, one empty row, then the table (header row first)',
];

async function buildCsv(
  request: ExportRequest,
  provenance: ExportProvenance,
  options: ChunkOptions,
): Promise<Blob> {
  const columns = selectColumns(request.scope, request.visibleColumns);
  const [first, ...rest] = toProvenanceRows(provenance);
  const head = [first, CSV_LAYOUT, ...rest].flatMap((row) => (row ? [toCsvRecord(row)] : []));
  const records = await mapInChunks(
    request.listings,
    (listing) => toCsvRecord(toRow(listing, columns)),
    options,
  );
  return new Blob([UTF8_BOM, ...head, CRLF, toCsvRecord(toHeader(columns)), ...records], {
    type: 'text/csv;charset=utf-8',
  });
}

async function buildExcel(
  request: ExportRequest,
  provenance: ExportProvenance,
  options: ExportOptions,
): Promise<Blob> {
  const columns = selectColumns(request.scope, request.visibleColumns);
  const rows = await mapInChunks(request.listings, (listing) => toRow(listing, columns), options);
  const content = { header: toHeader(columns), rows, about: toProvenanceRows(provenance) };
  if (options.buildXlsx) return options.buildXlsx(content);
  // Loaded on demand: the Excel writer is most of the export's weight and most exports are CSV.
  const { buildXlsx } = await import('./xlsx');
  return buildXlsx(content, { ...options, onProgress: undefined });
}

/** JSON keeps the normalised records whole (the documented `Listing` schema); the column choice
 * does not apply. Each record is serialised in chunks, like the CSV rows. */
async function buildJson(
  request: ExportRequest,
  provenance: ExportProvenance,
  options: ChunkOptions,
): Promise<Blob> {
  const records = await mapInChunks(
    request.listings,
    (listing) => JSON.stringify(listing),
    options,
  );
  const body = records.map((record, index) => (index === 0 ? '\n' : ',\n') + record);
  return new Blob(
    [`{"provenance":${JSON.stringify(provenance, null, 2)},\n"listings":[`, ...body, '\n]}\n'],
    { type: 'application/json' },
  );
}

const BUILDERS: Record<
  ExportFormat,
  (request: ExportRequest, provenance: ExportProvenance, options: ExportOptions) => Promise<Blob>
> = { csv: buildCsv, xlsx: buildExcel, json: buildJson };

export async function buildExportFile(
  request: ExportRequest,
  options: ExportOptions = {},
): Promise<ExportFile> {
  const provenance = buildProvenance({ ...request, generatedAt: request.now });
  const blob = await BUILDERS[request.format](request, provenance, options);
  return {
    blob,
    fileName: buildFileName(request.filters, request.listings.length, request.now, request.format),
    rowCount: request.listings.length,
  };
}
