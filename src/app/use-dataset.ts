import { useEffect, useState } from 'react';
import { markStartupSettled } from './startup';
import {
  prepareSearchWorker,
  showEarlySearchBetweenSteps,
  startEarlySearch,
  startSearchIndex,
} from './use-search-client';
import { DataLoadError, loadDataset, type Dataset, type LoadProgress } from '../data/load-dataset';
import { factsOf } from '../features/explorer/model/facts';
import { unfilteredResult } from '../features/explorer/model/filter';
import { fetchPreferringEarly } from './early-fetch';

export type DatasetState =
  | { readonly status: 'loading'; readonly progress: LoadProgress | null }
  | { readonly status: 'error'; readonly error: DataLoadError }
  | { readonly status: 'ready'; readonly dataset: Dataset; readonly loadMillis: number };

export function useDataset(baseUrl: string): DatasetState {
  const [state, setState] = useState<DatasetState>({ status: 'loading', progress: null });
  useEffect(() => {
    let active = true;
    const started = performance.now();
    let lastReport = 0;
    prepareSearchWorker();
    loadDataset({
      baseUrl,
      fetch: fetchPreferringEarly,
      onManifest: startEarlySearch,
      onListingsBytes: startSearchIndex,
      betweenSteps: showEarlySearchBetweenSteps,
      // The first table (every listing, no filter) is ready before the data is declared valid.
      whileValidating: (listings) => unfilteredResult(factsOf(listings)),
      onProgress: (progress) => {
        // A re-render per network chunk cost ~0.7 s on the full lists; a few a second suffice.
        const now = performance.now();
        if (!active || (now - lastReport < 150 && progress.stage === 'listings')) return;
        lastReport = now;
        setState({ status: 'loading', progress });
      },
    }).then(
      (dataset) => {
        if (active) setState({ status: 'ready', dataset, loadMillis: performance.now() - started });
      },
      (error: unknown) => {
        markStartupSettled();
        if (active) setState({ status: 'error', error: asLoadError(error) });
      },
    );
    return () => {
      active = false;
    };
  }, [baseUrl]);
  return state;
}

function asLoadError(error: unknown): DataLoadError {
  return error instanceof DataLoadError
    ? error
    : new DataLoadError(
        'corrupt',
        'data',
        `The data could not be read: ${error instanceof Error ? error.message : String(error)}`,
        'Reload the page; if it persists, rebuild the data with `npm run data`.',
      );
}
