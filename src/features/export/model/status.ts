import { formatCount } from '../../../ui/format-count';

/** Where an export stands; the menu shows it in a live region. */
export type ExportState =
  | { readonly status: 'idle' }
  | { readonly status: 'working'; readonly done: number; readonly total: number }
  | {
      readonly status: 'done';
      readonly rowCount: number;
      readonly ms: number;
      readonly fileName: string;
    }
  | { readonly status: 'error'; readonly message: string };

export function formatRows(count: number): string {
  return `${formatCount(count)} row${count === 1 ? '' : 's'}`;
}

export function describeExportState(state: ExportState): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'working':
      return `Preparing… ${formatCount(state.done)} of ${formatRows(state.total)}`;
    case 'done':
      return `Exported ${formatRows(state.rowCount)} in ${formatCount(Math.round(state.ms))} ms (${state.fileName})`;
    case 'error':
      return `The export failed: ${state.message}`;
  }
}
