import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { addUpload, datasetRegistry, readNeededDataset, type NeededDataset } from '../../data';
import { formatBytes, formatWhole } from '../../lib/format';
import { writeViewState } from '../../state/useViewState';
import { decodeViewState } from '../../state/viewState';
import { FilePicker } from '../../ui/FilePicker';

/**
 * A link to a view over someone's uploaded file: the data is not in the link (it never leaves their browser), so
 * the recipient is asked for the same file. It is recognised by its fingerprint before anything is loaded; then it
 * is loaded with the same mapping, and the view the link showed appears.
 */
export function NeededFile({ param }: { param: string }) {
  const [needed, setNeeded] = useState<NeededDataset | null | undefined>(undefined);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; text: string } | { kind: 'done' }>({ kind: 'idle' });
  const datasets = useSyncExternalStore(datasetRegistry.subscribe, datasetRegistry.get);
  const inputId = useId();
  useEffect(() => {
    void readNeededDataset(param).then(setNeeded);
  }, [param]);
  if (needed === undefined || state.kind === 'done') return null;
  if (needed === null) {
    return (
      <p className="notices" role="status" data-testid="needed-file">
        This link names a dataset from an uploaded file, but that part of the link is damaged.
      </p>
    );
  }
  // Already here (this browser has it, or it was just loaded): the view can show.
  if (datasets.some((entry) => entry.id === needed.id && entry.kind === 'uploaded')) return null;

  const load = async (file: File) => {
    setState({ kind: 'loading' });
    try {
      const { fingerprintFile } = await import('../../data/upload/fingerprint');
      const print = await fingerprintFile(file);
      if (print.bytes !== needed.bytes || print.hash !== needed.hash) {
        setState({
          kind: 'error',
          text: `${file.name} is not the file this view was made from (${formatBytes(file.size)}; expected ${needed.fileName}, ${formatBytes(needed.bytes)}). Nothing was loaded.`,
        });
        return;
      }
      await addUpload(file, needed.fileName, needed.plan, { datasetId: needed.id });
      setState({ kind: 'done' });
      writeViewState(decodeViewState(needed.view).state);
    } catch (error) {
      setState({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="notices needed-file" aria-labelledby={`${inputId}-title`} data-testid="needed-file">
      <div>
        <p className="notices-title" id={`${inputId}-title`}>
          This view was made from a file that stays in its owner's browser: “{needed.fileName}”
        </p>
        <p className="notices-detail">
          {formatWhole(needed.rows)} rows, {formatBytes(needed.bytes)}; columns: {needed.columns.slice(0, 12).join(', ')}
          {needed.columns.length > 12 ? ', …' : ''}. If you have the same file, choose it: it is checked, loaded in this browser only,
          and the view appears.
        </p>
        <FilePicker testId="needed-file-input" onFiles={([file]) => void load(file!)}>
          Choose {needed.fileName}…
        </FilePicker>
        {state.kind === 'loading' ? <p role="status">Checking and loading…</p> : null}
        {state.kind === 'error' ? (
          <p role="alert" className="upload-error" data-testid="needed-file-error">
            {state.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}
