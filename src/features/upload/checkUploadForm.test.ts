import { beforeAll, describe, expect, it } from 'vitest';
import { MEMORY_BUDGET_BYTES, prepareUpload, type PreparedUpload } from '../../data/uploads';
import { checkUploadForm, SAMPLE_ROWS } from './checkUploadForm';
import { initialUploadFormState, uploadFormReducer, type UploadFormAction } from './uploadFormReducer';

let narrow: PreparedUpload;
let wide: PreparedUpload;
beforeAll(async () => {
  narrow = await prepareUpload(new Blob(['month,marketplace,visitors\n2024-01,Amazon,100\n2024-02,eBay,200\n']), 'sales.csv');
  wide = await prepareUpload(new Blob(['Country Name,2019,2020,2021\nFrance,1,2,3\nSpain,4,5,6\n']), 'gdp.csv');
});

function after(prepared: PreparedUpload, ...actions: UploadFormAction[]) {
  return checkUploadForm(actions.reduce(uploadFormReducer, initialUploadFormState(prepared)));
}

describe('checkUploadForm', () => {
  it('passes the suggested mapping of a plain file, checked by the shared plan schema', () => {
    const checked = after(narrow);
    expect(checked.problems).toEqual([]);
    expect(checked.checkedPlan?.columns.map((column) => column.role)).toEqual(['time', 'dimension', 'measure']);
    expect(checked.plan.datasetLabel).toBe('Sales');
    expect(checked.plan.sampleRows).toBeUndefined();
    expect(checked.big).toBe(false);
  });

  it('says what stops the load, in the words of the mapping screen', () => {
    const noDimension = narrow.plan.columns.map((column) => (column.role === 'dimension' ? { ...column, role: 'ignore' as const } : column));
    const checked = after(narrow, { type: 'labelChanged', label: ' ' }, { type: 'columnsChanged', columns: noDimension });
    expect(checked.problems).toEqual([
      'Mark at least one column as a dimension (something to compare: a marketplace, a country, a channel…).',
      'Give the dataset a name.',
    ]);
  });

  it('refuses a plan the schema refuses, with the schema’s reason', () => {
    const checked = after(narrow, { type: 'labelChanged', label: 'x'.repeat(500) });
    expect(checked.checkedPlan).toBeUndefined();
    expect(checked.problems).toHaveLength(1);
    expect(checked.problems[0]).toMatch(/^This mapping cannot be loaded: .+\.$/);
  });

  it('loads the unpivot only while it is switched on', () => {
    expect(after(wide).plan.unpivot?.columns).toEqual([1, 2, 3]);
    expect(after(wide, { type: 'unpivotToggled', on: false }).plan.unpivot).toBeUndefined();
  });

  it('keeps the memory warning shown once the sample is chosen, so it can be unchosen', () => {
    const sampled = after(narrow, { type: 'sampleToggled', on: true });
    expect(sampled.plan.sampleRows).toBe(SAMPLE_ROWS);
    expect(sampled.estimate).toBeLessThan(MEMORY_BUDGET_BYTES);
    expect(sampled.big).toBe(true);
  });
});
