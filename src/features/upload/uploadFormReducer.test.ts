import { beforeAll, describe, expect, it } from 'vitest';
import { prepareUpload, type IngestProgress, type IngestReport, type PreparedUpload } from '../../data/uploads';
import {
  initialUploadFormState,
  uploadFormReducer,
  type LoadState,
  type UploadFormAction,
  type UploadFormState,
} from './uploadFormReducer';

// Real files read by the real preparation step: the reducer is tested on what the form actually receives.
const NARROW = 'month,marketplace,visitors\n2024-01,Amazon,100\n2024-02,eBay,200\n';
const WIDE = 'Country Name,2019,2020,2021\nFrance,1,2,3\nSpain,4,5,6\n';

let narrow: PreparedUpload;
let semicolons: PreparedUpload;
let wide: PreparedUpload;
beforeAll(async () => {
  narrow = await prepareUpload(new Blob([NARROW]), 'sales.csv');
  semicolons = await prepareUpload(new Blob([NARROW.replaceAll(',', ';')]), 'sales.csv', { delimiter: ';' });
  wide = await prepareUpload(new Blob([WIDE]), 'gdp.csv');
});

// The reducer only carries the report to the screen; its content is the loader's business.
const report = { fileName: 'sales.csv', rowsLoaded: 2 } as IngestReport;
const progress: IngestProgress = { phase: 'reading', bytesRead: 10, totalBytes: 60 };

function withLoad(state: UploadFormState, load: LoadState): UploadFormState {
  return { ...state, load };
}

function inEveryStep(): Record<LoadState['step'], UploadFormState> {
  const editing = initialUploadFormState(narrow);
  return {
    editing,
    loading: withLoad(editing, { step: 'loading', progress: null, controller: new AbortController() }),
    failed: withLoad(editing, { step: 'failed', message: 'Line 3: no such month.' }),
    loaded: withLoad(editing, { step: 'loaded', report, datasetId: 'upload-sales' }),
  };
}

describe('initialUploadFormState', () => {
  it('starts from the suggested plan of a new file', () => {
    const state = initialUploadFormState(narrow);
    expect(state.columns).toBe(narrow.plan.columns);
    expect(state.label).toBe('Sales');
    expect(state.unpivot).toBeUndefined();
    expect(state.unpivotOn).toBe(false);
    expect(state.sample).toBe(false);
    expect(state.load).toEqual({ step: 'editing' });
  });

  it('offers and switches on the unpivot a wide file suggests', () => {
    const state = initialUploadFormState(wide);
    expect(state.unpivot?.columns).toEqual([1, 2, 3]);
    expect(state.unpivotOn).toBe(true);
  });

  it('starts a loaded dataset from the mapping it was loaded with, not from the suggestion', () => {
    const columns = wide.plan.columns.map((column) => ({ ...column, role: 'dimension' as const }));
    const state = initialUploadFormState(wide, { columns, label: 'GDP by country' });
    expect(state.columns).toBe(columns);
    expect(state.label).toBe('GDP by country');
    // Loaded without an unpivot: the suggestion is not brought back.
    expect(state.unpivot).toBeUndefined();
    expect(state.unpivotOn).toBe(false);
  });
});

describe('uploadFormReducer: the transitions', () => {
  // Which step each action leads to from each step; "same" means the state is returned unchanged.
  const table: [UploadFormAction['type'], Record<LoadState['step'], LoadState['step'] | 'same'>][] = [
    ['fileReread', { editing: 'editing', failed: 'editing', loading: 'same', loaded: 'same' }],
    ['rereadFailed', { editing: 'failed', failed: 'failed', loading: 'same', loaded: 'same' }],
    ['labelChanged', { editing: 'editing', failed: 'failed', loading: 'loading', loaded: 'same' }],
    ['sampleToggled', { editing: 'editing', failed: 'failed', loading: 'loading', loaded: 'same' }],
    ['columnsChanged', { editing: 'editing', failed: 'failed', loading: 'same', loaded: 'same' }],
    ['unpivotChanged', { editing: 'editing', failed: 'failed', loading: 'same', loaded: 'same' }],
    ['unpivotToggled', { editing: 'editing', failed: 'failed', loading: 'same', loaded: 'same' }],
    ['loadStarted', { editing: 'loading', failed: 'loading', loading: 'same', loaded: 'same' }],
    ['loadProgressed', { editing: 'same', failed: 'same', loading: 'loading', loaded: 'same' }],
    ['loadSucceeded', { editing: 'same', failed: 'same', loading: 'loaded', loaded: 'same' }],
    ['loadFailed', { editing: 'same', failed: 'same', loading: 'failed', loaded: 'same' }],
  ];
  const actions = (): Record<UploadFormAction['type'], UploadFormAction> => ({
    fileReread: { type: 'fileReread', prepared: semicolons },
    rereadFailed: { type: 'rereadFailed', message: 'This file is not UTF-16.' },
    labelChanged: { type: 'labelChanged', label: 'Visitors' },
    sampleToggled: { type: 'sampleToggled', on: true },
    columnsChanged: { type: 'columnsChanged', columns: narrow.plan.columns.slice(0, 2) },
    unpivotChanged: { type: 'unpivotChanged', unpivot: wide.plan.unpivot! },
    unpivotToggled: { type: 'unpivotToggled', on: true },
    loadStarted: { type: 'loadStarted', controller: new AbortController() },
    loadProgressed: { type: 'loadProgressed', progress },
    loadSucceeded: { type: 'loadSucceeded', report, datasetId: 'upload-sales' },
    loadFailed: { type: 'loadFailed', message: 'Loading sales.csv was cancelled. Nothing was changed.' },
  });

  it.each(table)('%s', (type, expected) => {
    const states = inEveryStep();
    for (const step of ['editing', 'loading', 'failed', 'loaded'] as const) {
      const before = states[step];
      const after = uploadFormReducer(before, actions()[type]);
      if (expected[step] === 'same') expect(after, `${type} in ${step}`).toBe(before);
      else {
        expect(after, `${type} in ${step}`).not.toBe(before);
        expect(after.load.step, `${type} in ${step}`).toBe(expected[step]);
      }
    }
  });
});

describe('uploadFormReducer: what each action changes', () => {
  it('keeps the typed name when the file is read again, and takes the new reading’s columns', () => {
    let state = initialUploadFormState(narrow);
    state = uploadFormReducer(state, { type: 'labelChanged', label: 'My visitors' });
    state = uploadFormReducer(state, { type: 'columnsChanged', columns: [] });
    state = uploadFormReducer(state, { type: 'fileReread', prepared: semicolons });
    expect(state.prepared).toBe(semicolons);
    expect(state.prepared.sniff.dialect.delimiter).toBe(';');
    expect(state.columns).toBe(semicolons.plan.columns);
    expect(state.label).toBe('My visitors');
  });

  it('switches the unpivot on again when a re-read file is wide, and off when it is not', () => {
    let state = initialUploadFormState(wide);
    state = uploadFormReducer(state, { type: 'unpivotToggled', on: false });
    expect(state.unpivotOn).toBe(false);
    expect(state.unpivot).toBe(wide.plan.unpivot);
    expect(uploadFormReducer(state, { type: 'fileReread', prepared: wide }).unpivotOn).toBe(true);
    const narrowed = uploadFormReducer(state, { type: 'fileReread', prepared: narrow });
    expect(narrowed.unpivot).toBeUndefined();
    expect(narrowed.unpivotOn).toBe(false);
  });

  it('runs a load from start to report, keeping the controller and the latest progress', () => {
    const controller = new AbortController();
    let state = uploadFormReducer(initialUploadFormState(narrow), { type: 'loadStarted', controller });
    expect(state.load).toEqual({ step: 'loading', progress: null, controller });
    state = uploadFormReducer(state, { type: 'loadProgressed', progress });
    expect(state.load).toEqual({ step: 'loading', progress, controller });
    state = uploadFormReducer(state, { type: 'loadSucceeded', report, datasetId: 'upload-sales', notKept: 'Storage is full.' });
    expect(state.load).toEqual({ step: 'loaded', report, datasetId: 'upload-sales', notKept: 'Storage is full.' });
  });

  it('keeps the mapping after a failure, so it can be corrected and loaded again', () => {
    let state = initialUploadFormState(narrow);
    state = uploadFormReducer(state, { type: 'loadStarted', controller: new AbortController() });
    state = uploadFormReducer(state, { type: 'loadFailed', message: 'Line 3: no such month.' });
    expect(state.load).toEqual({ step: 'failed', message: 'Line 3: no such month.' });
    expect(state.columns).toBe(narrow.plan.columns);
    // The message stays while the mapping is corrected, until the next load or re-read.
    state = uploadFormReducer(state, { type: 'columnsChanged', columns: narrow.plan.columns.slice(1) });
    expect(state.load.step).toBe('failed');
    expect(state.columns).toHaveLength(2);
  });

  it('takes a name and the sample choice while loading, as the screen leaves those fields enabled', () => {
    let state = uploadFormReducer(initialUploadFormState(narrow), { type: 'loadStarted', controller: new AbortController() });
    state = uploadFormReducer(state, { type: 'labelChanged', label: '' });
    state = uploadFormReducer(state, { type: 'sampleToggled', on: true });
    expect(state.label).toBe('');
    expect(state.sample).toBe(true);
    expect(state.load.step).toBe('loading');
  });
});
