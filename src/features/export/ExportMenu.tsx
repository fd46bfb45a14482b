import { useId, useState } from 'react';
import type { Listing } from '../../domain/listing';
import type { Manifest } from '../../domain/manifest';
import {
  EXPORT_FORMATS,
  FORMAT_LABELS,
  buildExportFile,
  type ExportFormat,
} from './model/build-file';
import { EXPORT_SCOPES, type ExportScope } from './model/columns';
import { describeExportState, formatRows, type ExportState } from './model/status';
import { buildXlsxInWorker } from './xlsx-in-worker';
import { saveFile } from './save-file';

export interface ExportMenuProps {
  /** How many listings the current view has. */
  readonly rowCount: number;
  /** Every listing of the current view, in display order (not only the rows on screen): asked for
   * when an export starts, not on every change of the view (152,040 listings at 10× the lists). */
  readonly listings: () => readonly Listing[];
  readonly visibleColumns: readonly string[];
  readonly manifest: Manifest;
  /** The shareable link of the view, written into the file's provenance. */
  readonly viewUrl: string;
  /** The view's filters as URL parameters, for the provenance and the file name. */
  readonly filters: Readonly<Record<string, string>>;
  readonly now?: () => Date;
}

const SCOPE_LABELS: Record<ExportScope, string> = {
  visible: 'Visible columns',
  all: 'All fields',
};

function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

function isExportScope(value: string): value is ExportScope {
  return (EXPORT_SCOPES as readonly string[]).includes(value);
}

export function ExportMenu({
  rowCount,
  listings,
  visibleColumns,
  manifest,
  viewUrl,
  filters,
  now = () => new Date(),
}: ExportMenuProps) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [scope, setScope] = useState<ExportScope>('visible');
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const working = state.status === 'working';

  async function runExport() {
    const started = performance.now();
    const rows = listings();
    setState({ status: 'working', done: 0, total: rows.length });
    try {
      const file = await buildExportFile(
        {
          format,
          scope,
          listings: rows,
          visibleColumns,
          manifest,
          viewUrl,
          filters,
          now: now(),
        },
        {
          onProgress: (done, total) => setState({ status: 'working', done, total }),
          buildXlsx: typeof Worker === 'undefined' ? undefined : buildXlsxInWorker,
        },
      );
      saveFile(file.blob, file.fileName);
      setState({
        status: 'done',
        rowCount: file.rowCount,
        ms: performance.now() - started,
        fileName: file.fileName,
      });
    } catch (error) {
      setState({
        status: 'error',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  return (
    <div className="export-menu">
      <fieldset>
        <legend>Export these results</legend>
        <label htmlFor={`${id}-format`}>Format</label>
        <select
          id={`${id}-format`}
          value={format}
          onChange={(event) => isExportFormat(event.target.value) && setFormat(event.target.value)}
        >
          {EXPORT_FORMATS.map((value) => (
            <option key={value} value={value}>
              {FORMAT_LABELS[value]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-scope`}>Columns</label>
        <select
          id={`${id}-scope`}
          value={scope}
          disabled={format === 'json'}
          aria-describedby={format === 'json' ? `${id}-json-note` : undefined}
          onChange={(event) => isExportScope(event.target.value) && setScope(event.target.value)}
        >
          {EXPORT_SCOPES.map((value) => (
            <option key={value} value={value}>
              {SCOPE_LABELS[value]}
            </option>
          ))}
        </select>
        {format === 'json' ? (
          <span id={`${id}-json-note`} className="muted">
            JSON holds every field.
          </span>
        ) : null}
        <button type="button" disabled={working || rowCount === 0} onClick={() => void runExport()}>
          Export {formatRows(rowCount)}
        </button>
      </fieldset>
      {working ? (
        <progress max={state.total} value={state.done} aria-label="Export progress" />
      ) : null}
      <p className="export-status" role="status" aria-live="polite">
        {describeExportState(state)}
      </p>
    </div>
  );
}
