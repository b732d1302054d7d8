import { useId } from 'react';
import type { PreparedUpload } from '../../data/uploads';
import { sourceOf } from '../../data/upload/readers/sourceFormat';
import { useT } from '../../i18n';
import { formatBytes } from '../../lib/format';
import { ColumnTable } from './ColumnTable';
import { FileWarnings } from './FileWarnings';
import { LoadReport } from './LoadReport';
import { messages } from './messages';
import { MemoryWarning } from './MemoryWarning';
import { ReadingChoices } from './ReadingChoices';
import { UnpivotChoice } from './UnpivotChoice';
import { UploadActions } from './UploadActions';
import { useUploadForm, type ReplacedDataset } from './useUploadForm';

interface UploadFormProps {
  prepared: PreparedUpload;
  onDone: () => void;
  onOpen: (id: string) => void;
  /** Editing a loaded dataset: its id (the load replaces it) and the columns it was loaded with. */
  replace?: ReplacedDataset;
}

/**
 * One file on its way in: how it is read, its name, its columns' roles and formats, then the load and its report.
 * A failure shows what went wrong and leaves the form as it was, so the mapping can be corrected and loaded again.
 */
export function UploadForm({ prepared: initial, onDone, onOpen, replace }: UploadFormProps) {
  const { state, dispatch, checked, reread, startLoad } = useUploadForm(initial, replace);
  const { prepared, load } = state;
  const formId = useId();
  const tr = useT();
  const loading = load.step === 'loading';
  return (
    <article className="upload-form" aria-labelledby={`${formId}-name`} data-testid="upload-form">
      <header className="upload-form-header">
        <h3 id={`${formId}-name`}>{prepared.fileName}</h3>
        <span className="upload-size">{formatBytes(prepared.file.size)}</span>
      </header>
      {load.step === 'loaded' ? (
        <LoadReport
          report={load.report}
          format={sourceOf(prepared.plan).format}
          notKept={load.notKept}
          onOpen={() => onOpen(load.datasetId)}
          onClose={onDone}
        />
      ) : (
        <>
          <ReadingChoices prepared={prepared} disabled={loading} onReread={(options) => void reread(options)} />
          <FileWarnings warnings={prepared.sniff.warnings} />
          <label className="field dataset-name">
            <span className="field-label">{tr(messages.datasetName)}</span>
            <input
              className="input"
              value={state.label}
              onChange={(event) => dispatch({ type: 'labelChanged', label: event.target.value })}
              data-testid="upload-name"
            />
          </label>
          {state.unpivot ? (
            <UnpivotChoice
              unpivot={state.unpivot}
              columns={state.columns}
              on={state.unpivotOn}
              disabled={loading}
              onToggle={(on) => dispatch({ type: 'unpivotToggled', on })}
              onChange={(unpivot) => dispatch({ type: 'unpivotChanged', unpivot })}
            />
          ) : null}
          <ColumnTable
            prepared={prepared}
            columns={state.columns}
            unpivoted={state.unpivotOn ? state.unpivot?.columns : undefined}
            onChange={(columns) => dispatch({ type: 'columnsChanged', columns })}
            disabled={loading}
          />
          {checked.big ? (
            <MemoryWarning
              fileBytes={prepared.file.size}
              estimate={checked.estimate}
              sample={state.sample}
              onSample={(on) => dispatch({ type: 'sampleToggled', on })}
            />
          ) : null}
          {checked.problems.length > 0 ? (
            <ul className="upload-problems" aria-label={tr(messages.beforeLoading)}>
              {checked.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
          {load.step === 'failed' ? (
            <p role="alert" className="upload-error" data-testid="upload-error">
              {load.message}
            </p>
          ) : null}
          <UploadActions
            load={load}
            label={state.label}
            replacing={replace !== undefined}
            canLoad={checked.problems.length === 0}
            onLoad={() => void startLoad()}
            onDiscard={onDone}
          />
        </>
      )}
    </article>
  );
}
