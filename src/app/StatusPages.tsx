import type { DataLoadError, LoadProgress } from '../data/load-dataset';

export function LoadingPage({ progress }: { progress: LoadProgress | null }) {
  const percent =
    progress && progress.totalBytes
      ? Math.min(100, Math.round((progress.loadedBytes / progress.totalBytes) * 100))
      : null;
  const stage =
    progress === null || progress.stage === 'manifest'
      ? 'Loading the list of sources…'
      : progress.stage === 'listings'
        ? 'Loading the listings…'
        : 'Checking the data…';
  return (
    <div className="loading" role="status" aria-live="polite">
      <p>{stage}</p>
      <progress max={100} value={percent ?? undefined} aria-label="Loading the data">
        {percent === null ? '' : `${percent}%`}
      </progress>
    </div>
  );
}

export function DataErrorPage({ error }: { error: DataLoadError }) {
  return (
    <div className="error-page" role="alert">
      <h1>The data could not be loaded</h1>
      <p>{error.message}</p>
      <p>
        <strong>What to do:</strong> {error.remedy}
      </p>
      <p className="muted">
        File: <code>{error.file}</code> · problem: {error.kind}
      </p>
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}

export function NotFoundPage({ path }: { path: string }) {
  return (
    <div className="error-page">
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{path}</code>.
      </p>
      <p>
        <a href="/">Go to the explorer</a>
      </p>
    </div>
  );
}
