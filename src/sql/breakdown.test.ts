import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { expectPlannable } from '../../test/support/validateSql';
import { buildBreakdownQuery } from './breakdown';
import { createSalesTable, isCurrent, ORDERS, SALES, salesSlice, VISITORS } from './sqlTestKit';

describe('buildBreakdownQuery', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createSalesTable(engine);
  });

  it('breakdown: top rows and columns with Other buckets that hold exactly the rest', async () => {
    const cells = await engine.query<{ row_key: string | null; column_key: string | null; value: number; row_total: number }>(
      buildBreakdownQuery({ slice: salesSlice(), measure: ORDERS, rowColumn: 'country', columnColumn: 'marketplace', rowLimit: 2, columnLimit: 2 }),
    );
    const rows = SALES.filter(isCurrent);
    const total = rows.reduce((sum, r) => sum + r[4], 0);
    expect(cells.reduce((sum, c) => sum + c.value, 0)).toBe(total);
    // Countries by orders: RU 10, MX 4, BR 1, KE 0 → RU and MX kept, BR and KE in Other.
    const otherRow = cells.filter((c) => c.row_key === null).reduce((sum, c) => sum + c.value, 0);
    expect(otherRow).toBe(rows.filter((r) => r[1] === 'BR' || r[1] === 'KE').reduce((sum, r) => sum + r[4], 0));
    expect(new Set(cells.map((c) => c.row_key))).toEqual(new Set(['RU', 'MX', null]));
    expect(cells[0]!.row_total).toBe(4);
  });

  it('breakdown: an averaged measure divides every cell by the same months, so cells still add up', async () => {
    const cells = await engine.query<{ row_key: string | null; column_key: string | null; value: number }>(
      buildBreakdownQuery({ slice: salesSlice(), measure: VISITORS, rowColumn: 'country', columnColumn: 'marketplace', rowLimit: 10, columnLimit: 10 }),
    );
    const rows = SALES.filter(isCurrent);
    const months = new Set(rows.map((r) => r[0])).size;
    const cell = (country: string, marketplace: string) =>
      rows.filter((r) => r[1] === country && r[2] === marketplace).reduce((sum, r) => sum + r[3], 0) / months;
    expect(cells.find((c) => c.row_key === 'RU' && c.column_key === 'C')!.value).toBe(cell('RU', 'C'));
    expect(cells.reduce((sum, c) => sum + c.value, 0)).toBeCloseTo(rows.reduce((sum, r) => sum + r[3], 0) / months, 10);
  });

  it('is planned by DuckDB, filtered or not', async () => {
    const spec = { measure: ORDERS, rowColumn: 'country', columnColumn: 'marketplace', rowLimit: 2, columnLimit: 3 };
    await expectPlannable(engine, buildBreakdownQuery({ ...spec, slice: salesSlice() }));
    await expectPlannable(engine, buildBreakdownQuery({ ...spec, slice: salesSlice([{ column: 'country', values: [] }]) }));
  });

  it('refuses limits that are not positive integers', () => {
    const spec = { slice: salesSlice(), measure: ORDERS, rowColumn: 'country', columnColumn: 'marketplace' };
    expect(() => buildBreakdownQuery({ ...spec, rowLimit: 0, columnLimit: 2 })).toThrow(/rowLimit must be a positive integer/);
    expect(() => buildBreakdownQuery({ ...spec, rowLimit: 2, columnLimit: 1.5 })).toThrow(/columnLimit must be a positive integer/);
  });
});
