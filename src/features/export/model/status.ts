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
  return `${count.toLocaleString('en-US')} row${count === 1 ? '' : 's'}`;
}

export function describeExportState(state: ExportState): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'working':
      return `Preparing… ${state.done.toLocaleString('en-US')} of ${formatRows(state.total)}`;
    case 'done':
      return `Exported ${formatRows(state.rowCount)} in ${Math.round(state.ms).toLocaleString('en-US')} ms (${state.fileName})`;
    case 'error':
      return `The export failed: ${state.message}`;
  }
}
