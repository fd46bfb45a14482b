import type { Manifest } from '../domain/manifest';
import { describeDataset } from './data-summary-text';
import { useIsOffline } from './use-online-status';

export function DataSummary({ manifest }: { manifest: Manifest }) {
  const summary = describeDataset(manifest, useIsOffline());
  return (
    <p className="data-summary" title={summary.detail}>
      {summary.line}
    </p>
  );
}

export function SampleBanner() {
  return (
    <div className="sample-banner" role="note">
      <strong>Sample data — not the official lists.</strong> These few rows are the project’s test
      fixtures. To load the real lists, run <code>npm run data -- --from DIR</code> or{' '}
      <code>npm run data -- --download</code>.
    </div>
  );
}
