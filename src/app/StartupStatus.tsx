import { useSyncExternalStore } from 'react';
import { StartupProgress } from '../ui/StartupProgress';
import { enginePhase } from '../engine';
import { datasetLoadProgress } from '../data';
import { formatBytes } from '../lib/format';
import { engineDeferred } from './startupHandover';
import { useT } from '../i18n';
import { messages } from './messages';

/** Start-up in words and as a fraction, from the engine's phase and the dataset loader's progress. */
export function useStartupStatus(): { done: boolean; label: string; fraction?: number; failed: boolean } {
  const phase = useSyncExternalStore(enginePhase.subscribe, enginePhase.get);
  const datasets = useSyncExternalStore(datasetLoadProgress.subscribe, datasetLoadProgress.get);
  const tr = useT();
  switch (phase.phase) {
    case 'idle':
      return { done: false, failed: false, label: tr(messages.engineStarting) };
    case 'downloading':
      return {
        done: false,
        failed: false,
        label: phase.totalBytes
          ? tr(messages.engineDownloadingOf, { loaded: formatBytes(phase.loadedBytes), total: formatBytes(phase.totalBytes) })
          : tr(messages.engineDownloading, { loaded: formatBytes(phase.loadedBytes) }),
        fraction: phase.totalBytes ? (phase.loadedBytes / phase.totalBytes) * 0.7 : undefined,
      };
    case 'starting':
      return { done: false, failed: false, label: tr(messages.engineStarting), fraction: 0.75 };
    case 'failed':
      return { done: false, failed: true, label: tr(messages.engineFailed, { message: phase.message }) };
    case 'ready':
      if (!datasets || datasets.current !== null) {
        const loaded = datasets?.loaded ?? 0;
        const total = datasets?.total ?? 1;
        return {
          done: false,
          failed: false,
          label: datasets?.current ? tr(messages.loadingDataset, { name: datasets.current }) : tr(messages.loadingDatasets),
          fraction: 0.8 + 0.2 * (loaded / total),
        };
      }
      return { done: true, failed: false, label: `DuckDB ${phase.version} (${phase.bundle})` };
  }
}

/**
 * The start-up bar, subscribed on its own: the engine reports its download many times a second and the dataset loader
 * once a file, and only this bar repaints for it, never the page around it (a progress message that re-rendered the
 * whole shell cost 50–120 ms per bundled file, measured in Chromium).
 */
export function StartupStatus() {
  const startup = useStartupStatus();
  const deferred = useSyncExternalStore(engineDeferred.subscribe, engineDeferred.get);
  const tr = useT();
  if (deferred) {
    return (
      <p className="startup startup-deferred" role="status" data-testid="startup-deferred">
        {tr(messages.engineDeferred)}
      </p>
    );
  }
  return startup.done ? null : <StartupProgress label={startup.label} fraction={startup.fraction} />;
}

/** The engine's version once it is live, in the footer (subscribed on its own, like {@link StartupStatus}). */
export function EngineVersion() {
  const startup = useStartupStatus();
  return startup.done ? <p data-testid="engine-version">{startup.label}</p> : null;
}
