import type { IngestProgress } from '../../data/uploads';
import { t, useT } from '../../i18n';
import { formatBytes } from '../../lib/format';
import { messages } from './messages';

/** How far the load has come, in words and as a bar (indeterminate until reading starts). */
export function LoadProgress({ progress }: { progress: IngestProgress | null }) {
  const tr = useT();
  return (
    <div className="load-progress" data-testid="upload-progress">
      <progress
        max={progress?.totalBytes || 1}
        value={progress && progress.phase !== 'preparing' ? progress.bytesRead : undefined}
        aria-label={tr(messages.loadingProgress)}
      />
      <span aria-live="polite">{describeProgress(progress)}</span>
    </div>
  );
}

export function describeProgress(progress: IngestProgress | null): string {
  if (!progress || progress.phase === 'preparing') return t(messages.preparing);
  if (progress.phase === 'reading') {
    return t(messages.reading, { read: formatBytes(progress.bytesRead), total: formatBytes(progress.totalBytes) });
  }
  return t(messages.summarising);
}
