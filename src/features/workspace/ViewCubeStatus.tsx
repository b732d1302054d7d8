import { useSyncExternalStore } from 'react';
import type { DatasetEntry } from '../../data/datasets/registry';
import { viewCubeLoads } from '../../data/clickhouse/viewCubeProgress';
import { useT } from '../../i18n';
import { messages } from './messages';
import './ViewCubeStatus.css';

/**
 * For a ClickHouse table too big to load whole (its cube is loaded view by view, with each view's filters pushed
 * down): says so, and that a view's data is on its way from ClickHouse while it is.
 */
export function ViewCubeStatus({ entry }: { entry: DatasetEntry | undefined }) {
  const loads = useSyncExternalStore(viewCubeLoads.subscribe, viewCubeLoads.get);
  const tr = useT();
  if (!entry?.viewScope || !entry.clickhouse) return null;
  const loading = Object.hasOwn(loads, entry.id);
  return (
    <p className="view-cube-status" role="status" data-testid="view-cube-status" aria-busy={loading}>
      {loading
        ? tr(messages.viewCubeLoading, { connection: entry.clickhouse.connection })
        : tr(messages.viewCubeMode)}
    </p>
  );
}
