import { LoadProgress } from './LoadProgress';
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
  if (load.step === 'loading') {
    return (
      <div className="upload-actions">
        <LoadProgress progress={load.progress} />
        <button type="button" className="button" onClick={() => load.controller.abort()}>
          Cancel
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
        {replacing ? `Reload ${label || 'dataset'} with these columns` : `Load ${label || 'dataset'}`}
      </button>
      <button type="button" className="button" onClick={props.onDiscard}>
        {replacing ? 'Cancel' : 'Discard'}
      </button>
    </div>
  );
}
