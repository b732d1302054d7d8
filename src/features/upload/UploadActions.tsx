import { useT } from '../../i18n';
import { LoadProgress } from './LoadProgress';
import { messages } from './messages';
import type { LoadState } from './uploadFormReducer';

/** The form's buttons: load and discard (or, for a loaded dataset, reload and cancel); progress and cancel while loading. */
export function UploadActions(props: {
  load: LoadState;
  /** The dataset's name as typed, for the load button. */
  label: string;
  /** Editing a loaded dataset rather than adding a new one. */
  replacing: boolean;
  canLoad: boolean;
  onLoad: () => void;
  onDiscard: () => void;
}) {
  const { load, label, replacing } = props;
  const tr = useT();
  if (load.step === 'loading') {
    return (
      <div className="upload-actions">
        <LoadProgress progress={load.progress} />
        <button type="button" className="button" onClick={() => load.controller.abort()}>
          {tr(messages.cancel)}
        </button>
      </div>
    );
  }
  return (
    <div className="upload-actions">
      <button
        type="button"
        className="button button-strong"
        disabled={!props.canLoad}
        onClick={props.onLoad}
        data-testid="upload-load"
      >
        {replacing
          ? label
            ? tr(messages.reload, { label })
            : tr(messages.reloadDataset)
          : label
            ? tr(messages.load, { label })
            : tr(messages.loadDataset)}
      </button>
      <button type="button" className="button" onClick={props.onDiscard}>
        {tr(replacing ? messages.cancel : messages.discard)}
      </button>
    </div>
  );
}
