import type { Manifest } from '../domain/manifest';
import { describeDataset } from './data-summary-text';
import { useIsOffline } from './use-online-status';

/** What the lists shown are. "Offline copy" when they came from the offline cache, or the browser
 * says it is offline (then they can only have come from there). */
export function DataSummary({
  manifest,
  isOfflineCopy,
}: {
  manifest: Manifest;
  isOfflineCopy: boolean;
}) {
  const isOffline = useIsOffline();
  const summary = describeDataset(manifest, isOfflineCopy || isOffline);
  return (
    <p className="data-summary" title={summary.detail}>
      {summary.line}
    </p>
  );
}

/** Says that the data shown is not the official lists: the project's test fixtures, or a
 * synthetic dataset made for benchmarks (`synthetic` says what it is). */
export function SampleBanner({ synthetic }: { synthetic?: string | undefined }) {
  return (
    <div className="sample-banner" role="note">
      {synthetic === undefined ? (
        <>
          <strong>Sample data — not the official lists.</strong> These few rows are the project’s
          test fixtures.
        </>
      ) : (
        <>
          <strong>Synthetic data — not the official lists.</strong> {synthetic}.
        </>
      )}{' '}
      To load the real lists, run <code>npm run data -- --from DIR</code> or{' '}
      <code>npm run data -- --download</code>.
    </div>
  );
}
