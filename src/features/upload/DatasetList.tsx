import { useSyncExternalStore } from 'react';
import { datasetRegistry, removeUnreadableUpload, unreadableUploads } from '../../data';
import { useT } from '../../i18n';
import { formatBytes } from '../../lib/format';
import { messages } from './messages';
import { DatasetItem } from './DatasetItem';

/** The datasets uploaded in this browser, with the storage they use, and the kept files that could not be opened. */
export function DatasetList({ onOpen }: { onOpen: (datasetId: string) => void }) {
  const datasets = useSyncExternalStore(datasetRegistry.subscribe, datasetRegistry.get);
  const unreadable = useSyncExternalStore(unreadableUploads.subscribe, unreadableUploads.get);
  const tr = useT();
  const uploads = datasets.filter((entry) => entry.kind === 'uploaded');
  if (uploads.length === 0 && unreadable.length === 0) return null;
  const total = uploads.reduce((sum, entry) => sum + (entry.storedBytes ?? 0), 0);
  return (
    <div className="dataset-list" data-testid="dataset-list">
      <h3>{tr(messages.datasetsHere)}</h3>
      <p className="upload-note">{tr(messages.storageUsed, { size: formatBytes(total) })}</p>
      <ul>
        {uploads.map((entry) => (
          <DatasetItem key={entry.id} entry={entry} onOpen={onOpen} />
        ))}
        {unreadable.map((upload) => (
          <li key={upload.id} className="dataset-item" data-testid="dataset-unreadable">
            <p className="upload-error">
              {tr(messages.unreadable, { fileName: upload.fileName, error: upload.error })}
            </p>
            <div className="upload-actions">
              <button type="button" className="button button-danger" onClick={() => void removeUnreadableUpload(upload.id)}>
                {tr(messages.delete)}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
