import type { IngestProgress } from '../../data/uploads';
import { formatBytes } from '../../lib/format';

/** How far the load has come, in words and as a bar (indeterminate until reading starts). */
export function LoadProgress({ progress }: { progress: IngestProgress | null }) {
  return (
    <div className="load-progress" data-testid="upload-progress">
      <progress
        max={progress?.totalBytes || 1}
        value={progress && progress.phase !== 'preparing' ? progress.bytesRead : undefined}
        aria-label="Loading progress"
      />
      <span aria-live="polite">{describeProgress(progress)}</span>
    </div>
  );
}

export function describeProgress(progress: IngestProgress | null): string {
  if (!progress || progress.phase === 'preparing') return 'Preparing…';
  if (progress.phase === 'reading') return `Reading ${formatBytes(progress.bytesRead)} of ${formatBytes(progress.totalBytes)}`;
  return 'Summarising by month…';
}
