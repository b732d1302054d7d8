import { useState } from 'react';
import type { DatasetEntry } from '../../data/datasets/registry';
import { errorText, localText, useT, type LocalText } from '../../i18n';
import { messages } from './messages';

/** The ClickHouse datasets kept in this browser: where each reads from, open, and remove (with a confirmation). */
export function KeptClickHouseList({ datasets, onOpen }: { datasets: readonly DatasetEntry[]; onOpen: (datasetId: string) => void }) {
  const tr = useT();
  return (
    <div>
      <h3 className="connect-subtitle">{tr(messages.kept)}</h3>
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
  const [error, setError] = useState<LocalText | null>(null);
  const tr = useT();
  const remove = async () => {
    try {
      const { removeClickHouseDataset } = await import('../../data/datasets/keptClickHouse');
      await removeClickHouseDataset(entry.id);
    } catch (e) {
      setError(localText(messages.notRemoved, { name: entry.model.label, reason: errorText(e) }));
    }
  };
  const def = entry.clickhouse;
  return (
    <li className="connect-item" data-testid={`connect-dataset-${entry.id}`}>
      <p className="connect-kept-name">{entry.model.label}</p>
      <p className="connect-facts">
        {entry.status === 'loading'
          ? tr(messages.keptLoading, { source: entry.model.sourceLine })
          : entry.status === 'stored'
            ? tr(messages.keptStored, { source: entry.model.sourceLine })
            : entry.model.sourceLine}
      </p>
      {def ? (
        <p className="connect-facts">
          {tr(messages.keptRoles, {
            time: def.time,
            dimensions: def.dimensions.map((d) => d.column).join(', ') || tr(messages.noDimension),
            measures: def.measures.map((m) => m.column).join(', '),
          })}
        </p>
      ) : null}
      {entry.notKept ? <p className="connect-problem">{entry.notKept}</p> : null}
      {entry.status === 'failed' && entry.error !== undefined ? <p className="connect-problem">{tr(entry.error)}</p> : null}
      {error ? (
        <p className="connect-problem" role="alert">
          {tr(error)}
        </p>
      ) : null}
      <div className="connect-actions">
        <button type="button" className="button" onClick={() => onOpen(entry.id)}>
          {tr(messages.open)}
        </button>
        {confirming ? (
          <>
            <button type="button" className="button" onClick={() => void remove()} aria-label={tr(messages.removeLabel, { name: entry.model.label })}>
              {tr(messages.removeNamed, { name: entry.model.label })}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
              {tr(messages.keepIt)}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {tr(messages.remove)}
          </button>
        )}
      </div>
    </li>
  );
}
