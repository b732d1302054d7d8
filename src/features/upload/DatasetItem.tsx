import { useState } from 'react';
import { removeUpload, renameUpload, type DatasetEntry } from '../../data';
import { useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatBytes, formatWhole } from '../../lib/format';
import { EditColumns } from './EditColumns';
import { messages } from './messages';

/** One uploaded dataset: its name (renamed on leaving the field), what it holds, and open, edit and delete. */
export function DatasetItem({ entry, onOpen }: { entry: DatasetEntry; onOpen: (datasetId: string) => void }) {
  const [name, setName] = useState(entry.model.label);
  const [editing, setEditing] = useState(false);
  const [renameError, setRenameError] = useState<string | null>(null);
  const tr = useT();
  // A name the browser refused to keep is not shown as if it were: the old one comes back, with the reason.
  const rename = () =>
    renameUpload(entry.id, name).then(
      () => setRenameError(null),
      (error: unknown) => {
        setRenameError(errorMessage(error));
        setName(entry.model.label);
      },
    );
  return (
    <li className="dataset-item" data-testid={`dataset-${entry.id}`}>
      <label className="field">
        <span className="field-label">{tr(messages.name)}</span>
        <input
          className="input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          onBlur={() => void rename()}
        />
      </label>
      {renameError ? <p className="upload-error" role="alert">{renameError}</p> : null}
      <DatasetFacts entry={entry} />
      {entry.notKept ? <p className="upload-error">{entry.notKept}</p> : null}
      {entry.status === 'failed' && entry.error !== undefined ? <p className="upload-error">{tr(entry.error)}</p> : null}
      <div className="upload-actions">
        <button type="button" className="button" onClick={() => onOpen(entry.id)}>
          {tr(messages.open)}
        </button>
        {entry.manifest ? (
          <button
            type="button"
            className="button"
            aria-expanded={editing}
            onClick={() => setEditing((open) => !open)}
            data-testid="dataset-edit"
          >
            {tr(editing ? messages.closeColumns : messages.editColumns)}
          </button>
        ) : null}
        <DeleteDataset entry={entry} />
      </div>
      {editing ? <EditColumns entry={entry} onDone={() => setEditing(false)} onOpen={onOpen} /> : null}
    </li>
  );
}

function DatasetFacts({ entry }: { entry: DatasetEntry }) {
  const { manifest, model } = entry;
  const tr = useT();
  // Separate facts, each a message of its own, listed with a middle dot.
  const facts = [
    ...(manifest ? [tr(messages.factsRows, { fileName: manifest.fileName, count: manifest.rowsLoaded, rows: formatWhole(manifest.rowsLoaded) })] : []),
    ...(manifest && manifest.rowsRejected > 0 ? [tr(messages.factsRejected, { count: formatWhole(manifest.rowsRejected) })] : []),
    ...(entry.storedBytes !== undefined ? [tr(messages.factsStored, { size: formatBytes(entry.storedBytes) })] : []),
    ...(entry.status === 'loading' ? [tr(messages.factsLoading)] : []),
  ];
  return (
    <>
      <p className="dataset-facts">{facts.join(' · ')}</p>
      <p className="dataset-roles">
        {[
          tr(model.timeless ? messages.noTimeColumn : messages.byMonth),
          tr(messages.dimensionsList, { list: dimensionSummary(model) }),
          tr(messages.measuresList, { list: model.measures.map((measure) => measure.label).join(', ') }),
        ].join(' · ')}
      </p>
    </>
  );
}

/**
 * The file's dimensions, each followed by the levels it rolls up to (the M49 sub-region and region added to a country
 * column): `shop, country (→ Sub-region → Region)`. A level is listed under its dimension, not as a column of the file.
 */
function dimensionSummary(model: DatasetEntry['model']): string {
  const rolledUpTo = new Set(model.dimensions.map((dimension) => dimension.rollsUpTo));
  const byId = new Map(model.dimensions.map((dimension) => [dimension.id, dimension]));
  return model.dimensions
    .filter((dimension) => !rolledUpTo.has(dimension.id))
    .map((dimension) => {
      const levels: string[] = [];
      for (let up = byId.get(dimension.rollsUpTo ?? ''); up && levels.length < model.dimensions.length; up = byId.get(up.rollsUpTo ?? '')) {
        levels.push(up.label);
      }
      return levels.length > 0 ? `${dimension.label} (→ ${levels.join(' → ')})` : dimension.label;
    })
    .join(', ');
}

/** Delete asks once more, naming the dataset, before it removes it. */
function DeleteDataset({ entry }: { entry: DatasetEntry }) {
  const [confirming, setConfirming] = useState(false);
  const tr = useT();
  if (!confirming) {
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        {tr(messages.deleteAsk)}
      </button>
    );
  }
  return (
    <>
      <button type="button" className="button button-danger" onClick={() => void removeUpload(entry.id)}>
        {tr(messages.deleteNamed, { name: entry.model.label })}
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        {tr(messages.keepIt)}
      </button>
    </>
  );
}
