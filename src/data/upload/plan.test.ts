import { describe, expect, it } from 'vitest';
import { columnIds, effectiveColumns, estimateLoadBytes, MEMORY_BUDGET_BYTES, planProblems, RESERVED_IDS, type PlannedColumn, type UploadPlan } from './plan';

const column = (index: number, role: PlannedColumn['role'], kind: 'text' | 'number' | 'year' = 'text'): PlannedColumn => ({
  index,
  header: `c${index}`,
  role,
  format: kind === 'number' ? { kind, decimal: '.', thousands: ',', percent: false, currency: null, integer: false } : { kind },
  nullTokens: [],
  unit: 'count',
  overTime: 'sum',
});

const plan = (columns: PlannedColumn[], extra: Partial<UploadPlan> = {}): UploadPlan => ({
  datasetLabel: 'Test',
  dialect: { encoding: 'utf-8', delimiter: ',', quote: '"', escape: '"', header: true, compression: 'none' },
  lineEnding: 'lf',
  columns,
  ...extra,
});

describe('upload plans', () => {
  const wide = plan([column(0, 'dimension'), column(1, 'measure', 'number'), column(2, 'measure', 'number'), column(3, 'measure', 'number')], {
    unpivot: { columns: [1, 2, 3], name: { ...column(4, 'time', 'year'), header: 'Year' }, value: { ...column(5, 'measure', 'number'), header: 'Value' } },
  });

  it('an unpivot replaces its columns by a name and a value column', () => {
    expect(effectiveColumns(wide).map((item) => item.header)).toEqual(['c0', 'Year', 'Value']);
    expect(planProblems(wide)).toEqual([]);
    expect(planProblems({ ...wide, unpivot: { ...wide.unpivot!, columns: [1] } })).toContain('Choose at least two columns to turn into rows.');
    // Without the unpivot the same file has no time column, and that is allowed.
    expect(planProblems({ ...wide, unpivot: undefined })).toEqual([]);
  });

  it('the memory estimate follows the columns used, gzip and the sample', () => {
    const all = plan([column(0, 'dimension'), column(1, 'measure', 'number'), column(2, 'dimension'), column(3, 'dimension')]);
    const fewer = plan([column(0, 'dimension'), column(1, 'measure', 'number'), column(2, 'ignore'), column(3, 'ignore')]);
    const gigabyte = 1e9;
    expect(estimateLoadBytes(all, gigabyte, false)).toBeGreaterThan(MEMORY_BUDGET_BYTES);
    expect(estimateLoadBytes(fewer, gigabyte, false)).toBe(estimateLoadBytes(all, gigabyte, false) / 2);
    expect(estimateLoadBytes(all, gigabyte / 4, true)).toBe(estimateLoadBytes(all, gigabyte, false));
    expect(estimateLoadBytes({ ...all, sampleRows: 100_000 }, gigabyte, false)).toBeLessThan(MEMORY_BUDGET_BYTES);
    expect(estimateLoadBytes(all, 50e6, false)).toBeLessThan(MEMORY_BUDGET_BYTES);
  });
});

describe('column ids', () => {
  it('never take a name the link uses for itself', async () => {
    const { reservedParameterNames } = await import('../../views');
    for (const name of reservedParameterNames()) expect(RESERVED_IDS).toContain(name);
    const ids = columnIds([column(0, 'dimension'), { ...column(1, 'dimension'), header: 'Measure' }, { ...column(2, 'dimension'), header: 'From' }]);
    expect([...ids.values()]).toEqual(['c0', 'measure_2', 'from_2']);
  });
});
