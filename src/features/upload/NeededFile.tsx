import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { datasetRegistry } from '../../data';
import { checkNeededDataset, holdsNeededDataset, loadNeededDataset, type NeededDatasetRead } from '../../data/neededDataset';
import { useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatBytes, formatWhole } from '../../lib/format';
import { decodeViewState, writeViewState } from '../../views';
import { FilePicker } from '../../ui/FilePicker';
import { messages } from './messages';

/**
 * A link to a view over someone's uploaded file: the data is not in the link (it never leaves their browser), so
 * the recipient is asked for the same file. A link whose plan for reading the file is not valid is refused with the
 * reason, and nothing is loaded. Otherwise the file is recognised by its fingerprint before anything is loaded; then
 * it is loaded with the same mapping (never over a dataset this browser already has), and the link's view appears.
 */
export function NeededFile({ param }: { param: string }) {
  const [read, setRead] = useState<NeededDatasetRead | undefined>(undefined);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; text: string } | { kind: 'done' }>({ kind: 'idle' });
  const datasets = useSyncExternalStore(datasetRegistry.subscribe, datasetRegistry.get);
  const inputId = useId();
  const tr = useT();
  useEffect(() => {
    void checkNeededDataset(param).then(setRead);
  }, [param]);
  if (read === undefined || state.kind === 'done') return null;
  if ('error' in read) {
    return (
      <p className="notices" role="alert" data-testid="needed-file-refused">
        {read.error}
      </p>
    );
  }
  const { needed } = read;
  // Already here (this browser has the same file under the link's id): the view can show.
  if (datasets.length > 0 && holdsNeededDataset(needed)) return null;
  const taken = datasets.some((entry) => entry.id === needed.id);
  const takenNote = taken ? ` ${tr(messages.neededTaken)}` : null;

  const load = async (file: File) => {
    setState({ kind: 'loading' });
    try {
      const { datasetId } = await loadNeededDataset(file, file.name, needed);
      setState({ kind: 'done' });
      writeViewState({ ...decodeViewState(needed.view).state, dataset: datasetId });
    } catch (error) {
      setState({ kind: 'error', text: errorMessage(error) });
    }
  };

  return (
    <section className="notices needed-file" aria-labelledby={`${inputId}-title`} data-testid="needed-file">
      <div>
        <p className="notices-title" id={`${inputId}-title`}>
          {tr(messages.neededTitle, { fileName: needed.fileName })}
        </p>
        <p className="notices-detail">
          {tr(messages.neededDetail, {
            count: needed.rows,
            rows: formatWhole(needed.rows),
            size: formatBytes(needed.bytes),
            columns: needed.columns.slice(0, 12).join(', ') + (needed.columns.length > 12 ? ', …' : ''),
          })}
          {takenNote}
        </p>
        <FilePicker testId="needed-file-input" onFiles={([file]) => void load(file!)}>
          {tr(messages.neededChoose, { fileName: needed.fileName })}
        </FilePicker>
        {state.kind === 'loading' ? <p role="status">{tr(messages.neededLoading)}</p> : null}
        {state.kind === 'error' ? (
          <p role="alert" className="upload-error" data-testid="needed-file-error">
            {state.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}
