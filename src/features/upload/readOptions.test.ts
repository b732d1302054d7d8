import { describe, expect, it } from 'vitest';
import type { Dialect, UploadPlan } from '../../data/uploads';
import { prepareArguments, readOptionsOf, readOptionsOfPlan } from './readOptions';

const dialect: Dialect = { encoding: 'windows-1252', delimiter: ';', quote: "'", escape: "'", header: false, compression: 'gzip' };
const plan = (source?: UploadPlan['source']) => ({ dialect, ...(source ? { source } : {}) }) as UploadPlan;

describe('read options', () => {
  it('keeps what a person chose about a dialect, not what was detected (the compression)', () => {
    expect(readOptionsOf(dialect)).toEqual({ encoding: 'windows-1252', delimiter: ';', quote: "'", escape: "'", header: false });
  });

  it('reads a loaded CSV plan again with its dialect, and a workbook from its sheet', () => {
    expect(readOptionsOfPlan(plan())).toEqual(readOptionsOf(dialect));
    expect(readOptionsOfPlan(plan({ format: 'parquet' }))).toEqual(readOptionsOf(dialect));
    expect(readOptionsOfPlan(plan({ format: 'xlsx', sheet: 'Sales 2024' }))).toEqual({ ...readOptionsOf(dialect), sheet: 'Sales 2024' });
  });

  it('splits the options the way prepareUpload takes them', () => {
    expect(prepareArguments({ delimiter: ';', sheet: 'Sales' })).toEqual([{ delimiter: ';' }, { sheet: 'Sales' }]);
    expect(prepareArguments({ header: true })).toEqual([{ header: true }, {}]);
  });
});
