import type { IngestProgress, IngestReport, PlannedColumn, PreparedUpload, UnpivotPlan } from '../../data/uploads';

/**
 * Where one file's load stands. `editing` and `failed` accept changes to the mapping; `loading` accepts only the
 * fields the screen leaves enabled while loading (the name and the sample); `loaded` is final: the form is replaced
 * by the load report.
 */
export type LoadState =
  | { step: 'editing' }
  | { step: 'loading'; progress: IngestProgress | null; controller: AbortController }
  | { step: 'failed'; message: string }
  | { step: 'loaded'; report: IngestReport; datasetId: string; notKept?: string };

/** Everything the upload form holds: the file as read, the mapping chosen on it, and where its load stands. */
export interface UploadFormState {
  prepared: PreparedUpload;
  columns: PlannedColumn[];
  label: string;
  /** The wide-file offer, when the file has one; kept while switched off, so switching it on again restores it. */
  unpivot: UnpivotPlan | undefined;
  unpivotOn: boolean;
  /** Load only the first rows (offered when the whole file would not fit in memory). */
  sample: boolean;
  load: LoadState;
}

export type UploadFormAction =
  /** The file was read again with other reading choices (a dialect); the mapping starts again from its suggestion. */
  | { type: 'fileReread'; prepared: PreparedUpload }
  | { type: 'rereadFailed'; message: string }
  | { type: 'labelChanged'; label: string }
  | { type: 'columnsChanged'; columns: PlannedColumn[] }
  | { type: 'unpivotChanged'; unpivot: UnpivotPlan }
  | { type: 'unpivotToggled'; on: boolean }
  | { type: 'sampleToggled'; on: boolean }
  | { type: 'loadStarted'; controller: AbortController }
  | { type: 'loadProgressed'; progress: IngestProgress }
  | { type: 'loadSucceeded'; report: IngestReport; datasetId: string; notKept?: string }
  | { type: 'loadFailed'; message: string };

/** Editing a loaded dataset: the form starts from the columns, name and unpivot it was loaded with. */
export interface LoadedMapping {
  columns: PlannedColumn[];
  label: string;
  unpivot?: UnpivotPlan;
}

export function initialUploadFormState(prepared: PreparedUpload, loaded?: LoadedMapping): UploadFormState {
  const unpivot = loaded ? loaded.unpivot : prepared.plan.unpivot;
  return {
    prepared,
    columns: loaded?.columns ?? prepared.plan.columns,
    label: loaded?.label ?? prepared.plan.datasetLabel,
    unpivot,
    unpivotOn: unpivot !== undefined,
    sample: false,
    load: { step: 'editing' },
  };
}

/**
 * The form's one state machine. An action that does not apply to the current step returns the state unchanged (the
 * same object), e.g. a progress report that arrives after the load failed, or a re-read that finishes mid-load.
 */
export function uploadFormReducer(state: UploadFormState, action: UploadFormAction): UploadFormState {
  const step = state.load.step;
  const mappingEditable = step === 'editing' || step === 'failed';
  switch (action.type) {
    case 'fileReread':
      return mappingEditable ? rereadState(state, action.prepared) : state;
    case 'rereadFailed':
      return mappingEditable ? { ...state, load: { step: 'failed', message: action.message } } : state;
    case 'labelChanged':
      return step === 'loaded' ? state : { ...state, label: action.label };
    case 'sampleToggled':
      return step === 'loaded' ? state : { ...state, sample: action.on };
    case 'columnsChanged':
      return mappingEditable ? { ...state, columns: action.columns } : state;
    case 'unpivotChanged':
      return mappingEditable ? { ...state, unpivot: action.unpivot } : state;
    case 'unpivotToggled':
      return mappingEditable ? { ...state, unpivotOn: action.on } : state;
    case 'loadStarted':
      return mappingEditable ? { ...state, load: { step: 'loading', progress: null, controller: action.controller } } : state;
    case 'loadProgressed':
      return state.load.step === 'loading' ? { ...state, load: { ...state.load, progress: action.progress } } : state;
    case 'loadSucceeded': {
      if (step !== 'loading') return state;
      const { report, datasetId, notKept } = action;
      return { ...state, load: { step: 'loaded', report, datasetId, notKept } };
    }
    case 'loadFailed':
      return step === 'loading' ? { ...state, load: { step: 'failed', message: action.message } } : state;
  }
}

/** The name is kept (the person may have typed it); columns and unpivot follow the new reading. */
function rereadState(state: UploadFormState, prepared: PreparedUpload): UploadFormState {
  return {
    ...state,
    prepared,
    columns: prepared.plan.columns,
    unpivot: prepared.plan.unpivot,
    unpivotOn: prepared.plan.unpivot !== undefined,
    load: { step: 'editing' },
  };
}
