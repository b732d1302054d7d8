import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import { MARKET_MODEL } from '../marketModel';
import { fetchBreakdown } from './fetchBreakdown';
import { COLUMN, type Row, createMarketMonthly, monthCount, near, slice, total, view } from './marketMonthlyTestKit';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await createMarketMonthly(engine);
});

describe('fetchBreakdown', () => {
  for (const measureId of ['visitors', 'gmv']) {
    it(`${measureId}: Other buckets hold the rest, keys by total with Other last, cells add up to the total`, async () => {
      const v = view({ measureId });
      const column = COLUMN[measureId]!;
      const rows = slice(v);
      const divisor = measureId === 'visitors' ? monthCount(rows) : 1; // averaged: total ÷ selection months
      const value = (filter: (r: Row) => boolean) => total(rows.filter(filter), column) / divisor;
      const rank = (key: 'marketplace' | 'country', limit: number) => [...new Set(rows.map((r) => r[key]))]
        .sort((x, y) => value((r) => r[key] === y) - value((r) => r[key] === x) || (x < y ? -1 : 1)).slice(0, limit);
      const keptRows = rank('marketplace', 2);
      const keptColumns = rank('country', 1);
      const result = await fetchBreakdown(engine, MARKET_MODEL, v, { rows: 'marketplace', columns: 'country', rowLimit: 2, columnLimit: 1 });
      const rowOf = (r: Row) => (keptRows.includes(r.marketplace) ? r.marketplace : null);
      const columnOf = (r: Row) => (keptColumns.includes(r.country) ? r.country : null);
      const keyOf = (rk: string | null, ck: string | null) => `${rk}|${ck}`;
      const expected = new Map<string, number>();
      for (const r of rows) expected.set(keyOf(rowOf(r), columnOf(r)), (expected.get(keyOf(rowOf(r), columnOf(r))) ?? 0) + r[column]! / divisor);
      const actual = new Map(result.cells.map((c) => [keyOf(c.rowKey, c.columnKey), c.value]));
      expect(actual).toEqual(new Map([...expected].map(([k, x]) => [k, near(x)])));
      const order = (pick: (r: Row) => string | null) => [...new Set(rows.map(pick))]
        .sort((x, y) => Number(x === null) - Number(y === null) || value((r) => pick(r) === y) - value((r) => pick(r) === x));
      expect(result.rowKeys).toEqual(order(rowOf));
      expect(result.columnKeys).toEqual(order(columnOf));
      expect(result.rowKeys.at(-1)).toBeNull();
      expect([result.rowTotal, result.columnTotal]).toEqual([new Set(rows.map((r) => r.marketplace)).size, 3]);
      expect(result.cells.reduce((s, c) => s + c.value, 0)).toBeCloseTo(total(rows, column) / divisor, 9);
    });
  }
});
