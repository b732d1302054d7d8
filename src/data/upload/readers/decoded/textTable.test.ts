import { tableFromIPC } from 'apache-arrow';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { namedColumns, previewRows, textSample, textTableToArrowStream, type TextTable } from './textTable';

const TABLE: TextTable = {
  ...namedColumns(['shop', 'city'], 'shops.parquet'),
  values: [
    ['Zalando', null, 'Ökö "quoted"\nline', ''],
    [null, 'Köln', '東京', 'x'],
  ],
  recordCount: 4,
  locate: (record) => record + 1,
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('text tables', () => {
  it('become an Arrow stream of VARCHAR columns f0…fN with their nulls', () => {
    const table = tableFromIPC(textTableToArrowStream(TABLE));
    expect(table.schema.fields.map((field) => [field.name, String(field.type)])).toEqual([
      ['f0', 'Utf8'],
      ['f1', 'Utf8'],
    ]);
    expect(table.toArray().map((row) => row.toJSON())).toEqual([
      { f0: 'Zalando', f1: null },
      { f0: null, f1: 'Köln' },
      { f0: 'Ökö "quoted"\nline', f1: '東京' },
      { f0: '', f1: 'x' },
    ]);
  });

  it('are built without compiling code, which the page\'s Content Security Policy refuses', () => {
    vi.stubGlobal('Function', () => {
      throw new Error('EvalError: code generation from strings is refused');
    });
    expect(() => textTableToArrowStream(TABLE)).not.toThrow();
  });

  it('preview their first rows with empty values as empty texts', () => {
    expect(previewRows(TABLE, 2)).toEqual([
      ['Zalando', ''],
      ['', 'Köln'],
    ]);
    const sample = textSample(TABLE, 10);
    expect(sample.fieldCounts).toEqual([2, 2, 2, 2]);
    expect(sample.lineEnding).toBe('none');
  });
});
