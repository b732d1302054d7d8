import { useState } from 'react';
import type { DatasetEntry } from '../../data/datasets/registry';
import { errorMessage } from '../../lib/errors';

/** The ClickHouse datasets kept in this browser: where each reads from, open, and remove (with a confirmation). */
export function KeptClickHouseList({ datasets, onOpen }: { datasets: readonly DatasetEntry[]; onOpen: (datasetId: string) => void }) {
  return (
    <div>
      <h3 className="connect-subtitle">Kept in this browser</h3>
      <ul className="connect-list" data-testid="connect-datasets">
        {datasets.map((entry) => (
          <KeptItem key={entry.id} entry={entry} onOpen={onOpen} />
        ))}
      </ul>
    </div>
  );
}

function KeptItem({ entry, onOpen }: { entry: DatasetEntry; onOpen: (datasetId: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    try {
      const { removeClickHouseDataset } = await import('../../data/datasets/keptClickHouse');
      await removeClickHouseDataset(entry.id);
    } catch (e) {
      setError(`“${entry.model.label}” could not be removed: ${errorMessage(e)}`);
    }
  };
  const def = entry.clickhouse;
  return (
    <li className="connect-item" data-testid={`connect-dataset-${entry.id}`}>
      <p className="connect-kept-name">{entry.model.label}</p>
      <p className="connect-facts">
        {entry.model.sourceLine}
        {entry.status === 'loading' ? ' · loading…' : entry.status === 'stored' ? ' · loads when opened' : ''}
      </p>
      {def ? (
        <p className="connect-facts">
          By {def.time} · Dimensions: {def.dimensions.map((d) => d.column).join(', ') || 'none'} · Measures: {def.measures.map((m) => m.column).join(', ')}
        </p>
      ) : null}
      {entry.notKept ? <p className="connect-problem">{entry.notKept}</p> : null}
      {entry.status === 'failed' ? <p className="connect-problem">{entry.error}</p> : null}
      {error ? (
        <p className="connect-problem" role="alert">
          {error}
        </p>
      ) : null}
      <div className="connect-actions">
        <button type="button" className="button" onClick={() => onOpen(entry.id)}>
          Open
        </button>
        {confirming ? (
          <>
            <button type="button" className="button" onClick={() => void remove()} aria-label={`Remove ${entry.model.label} from this browser`}>
              Remove {entry.model.label}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Remove…
          </button>
        )}
      </div>
    </li>
  );
}
