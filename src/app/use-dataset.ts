import { useEffect, useState } from 'react';
import { DataLoadError, loadDataset, type Dataset, type LoadProgress } from '../data/load-dataset';

export type DatasetState =
  | { readonly status: 'loading'; readonly progress: LoadProgress | null }
  | { readonly status: 'error'; readonly error: DataLoadError }
  | { readonly status: 'ready'; readonly dataset: Dataset; readonly loadMillis: number };

export function useDataset(baseUrl: string): DatasetState {
  const [state, setState] = useState<DatasetState>({ status: 'loading', progress: null });
  useEffect(() => {
    let active = true;
    const started = performance.now();
    loadDataset({
      baseUrl,
      onProgress: (progress) => {
        if (active) setState({ status: 'loading', progress });
      },
    }).then(
      (dataset) => {
        if (active) setState({ status: 'ready', dataset, loadMillis: performance.now() - started });
      },
      (error: unknown) => {
        if (!active) return;
        const loadError =
          error instanceof DataLoadError
            ? error
            : new DataLoadError(
                'corrupt',
                'data',
                `The data could not be read: ${error instanceof Error ? error.message : String(error)}`,
                'Reload the page; if it persists, rebuild the data with `npm run data`.',
              );
        setState({ status: 'error', error: loadError });
      },
    );
    return () => {
      active = false;
    };
  }, [baseUrl]);
  return state;
}
