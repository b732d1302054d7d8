import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import { runWorkspaceQueryOn } from '../../data/sqlWorkspace/runWorkspaceQuery';
import { lineData } from './chartData';
import { formatCell } from './formatCell';
import { resultCsvParts } from './resultCsv';
import { rowsOf, sortedOrder } from './resultRows';
import { resultRows, toResultData } from './sqlResultQuery';
import { sql as sqlView } from './declaration';

// Issue 16: a BIGINT or HUGEINT beyond 2^53 keeps every digit in the table, the CSV and the snapshot; the chart
// draws the nearest double. The result comes from the real engine.

describe('exact digits of wide numbers through the table, the CSV, the snapshot and the chart', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
  });
  afterAll(async () => {
    await engine.terminate();
  });

  it('shows, exports, snapshots and sorts them exactly, and charts the nearest number', async () => {
    const result = await runWorkspaceQueryOn(
      engine,
      `SELECT (DATE '2024-01-01' + INTERVAL (i) MONTH)::DATE AS month, 9007199254740993::BIGINT + i * (CASE WHEN i = 1 THEN -2 ELSE 1 END) AS visits,
         (-170141183460469231731687303715884105727)::HUGEINT + i AS low, i::BIGINT AS small
       FROM range(3) t(i) ORDER BY i`,
    );
    const data = toResultData(result);
    const rows = resultRows(data);
    const visits = [rows.cell(0, 1), rows.cell(1, 1), rows.cell(2, 1)];
    // …991 is within 2^53: a number; the others are text holding every digit.
    expect(visits).toEqual(['9007199254740993', 9007199254740991, '9007199254740995']);
    expect(rows.cell(0, 2)).toBe('-170141183460469231731687303715884105727');
    expect(rows.cell(2, 3)).toBe(2);

    // The table: grouped, every digit kept; text columns are never grouped.
    expect(formatCell(rows.cell(0, 1), 'number')).toBe('9,007,199,254,740,993');
    expect(formatCell(rows.cell(1, 1), 'number')).toBe('9,007,199,254,740,991');
    expect(formatCell(rows.cell(0, 2), 'number')).toBe('-170,141,183,460,469,231,731,687,303,715,884,105,727');
    expect(formatCell('12345678901234567.89', 'number')).toBe('12,345,678,901,234,567.89');
    expect(formatCell('9007199254740993', 'text')).toBe('9007199254740993');
    expect(formatCell(rows.cell(2, 3), 'number')).toBe('2');

    // The CSV: the digits as they are, a negative one too (a number, not a formula); text still formula-safe.
    const csv = resultCsvParts(data.columns, rows).join('');
    expect(csv).toBe(
      'month,visits,low,small\n' +
        '2024-01-01,9007199254740993,-170141183460469231731687303715884105727,0\n' +
        '2024-02-01,9007199254740991,-170141183460469231731687303715884105726,1\n' +
        '2024-03-01,9007199254740995,-170141183460469231731687303715884105725,2\n',
    );
    expect(resultCsvParts([{ name: 'label', kind: 'text' }], rowsOf([['-9007199254740993'], ['=1+1']])).join('')).toBe(`label\n"'-9007199254740993"\n"'=1+1"\n`);

    // The snapshot: the copy keeps the digits and passes the view's snapshot schema.
    expect(data.rows[0]).toEqual(['2024-01-01', '9007199254740993', '-170141183460469231731687303715884105727', 0]);
    const snapshot = sqlView.snapshot!.sqlResult!.safeParse(JSON.parse(JSON.stringify(data)));
    expect(snapshot.success).toBe(true);
    expect(resultRows(snapshot.data as typeof data).cell(2, 1)).toBe('9007199254740995');

    // Sorting a number column orders by value, exactly: …991 < …993 < …995 (as text "…991" would sort first too,
    // so also check a case text order gets wrong).
    expect([...sortedOrder(rows, 1, 'asc', true)]).toEqual([1, 0, 2]);
    expect([...sortedOrder(rows, 1, 'desc', true)]).toEqual([2, 0, 1]);
    const mixed = rowsOf([['10000000000000000000'], [5], ['9007199254740993'], [null], [-3]]);
    expect([...sortedOrder(mixed, 0, 'asc', true)]).toEqual([4, 1, 2, 0, 3]);
    expect([...sortedOrder(rowsOf([['10'], ['9']]), 0, 'asc', false)]).toEqual([0, 1]);

    // The chart: the nearest double of each.
    const line = lineData(rows, (name) => data.columns.findIndex((column) => column.name === name), { type: 'line', x: 'month', y: ['visits'] });
    expect(line.series[0]!.values).toEqual([9007199254740992, 9007199254740991, 9007199254740996]);
  });
});
