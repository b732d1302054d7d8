/**
 * Hand-made tables shared by the builders' tests (never imported by the app). Every expectation in those tests is
 * recomputed from these rows in plain JS.
 */

/** What the kit needs of an engine (src/sql may not import src/engine). */
interface Engine {
  query(sql: string): Promise<unknown>;
}
import { quoteIdentifier } from './literals';
import type { MeasureSpec, SliceSpec } from './slice';

/** `fixture table`: month, marketplace, country, visits; names with a space and a quote test the quoting. */
export const VISITS = [
  { month: '2013-01-01', mp: 'A', cc: 'RU', v: 8 },
  { month: '2013-02-01', mp: 'A', cc: 'RU', v: 12 },
  { month: '2013-02-01', mp: 'B', cc: 'RU', v: 4 },
  { month: '2014-01-01', mp: 'A', cc: 'RU', v: 10 },
  { month: '2014-01-01', mp: 'B', cc: 'RU', v: 5 },
  { month: '2014-02-01', mp: 'A', cc: 'RU', v: 20 },
  { month: '2014-02-01', mp: 'B', cc: 'RU', v: 7 },
  { month: '2014-02-01', mp: 'A', cc: 'MX', v: 3 },
  { month: '2014-02-01', mp: "C'q", cc: 'MX', v: 1 },
];
export type VisitsRow = (typeof VISITS)[number];

export async function createVisitsTable(engine: Engine): Promise<void> {
  const values = VISITS.map((row) => `(DATE '${row.month}', '${row.mp.replaceAll("'", "''")}', '${row.cc}', ${row.v})`).join(', ');
  await engine.query(`CREATE TABLE "fixture table" AS SELECT * FROM (VALUES ${values}) t(month, marketplace, country, visits)`);
}

/** A slice of `fixture table` over January and February 2014. */
export const visitsSlice = (overrides: Partial<SliceSpec> = {}): SliceSpec => ({
  table: 'fixture table',
  timeColumn: 'month',
  range: { from: '2014-01-01', to: '2014-02-01' },
  filters: [],
  ...overrides,
});
export const SUMMED_VISITS: MeasureSpec = { column: 'visits', overTime: 'sum' };
export const AVERAGED_VISITS: MeasureSpec = { column: 'visits', overTime: 'mean' };

export function inRange(row: { month: string }, from: string, to: string): boolean {
  return row.month >= from && row.month <= to;
}

/** Table `f`: month, country, marketplace, visitors, orders, revenue over two years. */
export const SALES = [
  ['2013-01-01', 'RU', 'A', 50, 1, 10],
  ['2013-01-01', 'RU', 'B', 80, 2, 20],
  ['2013-02-01', 'RU', 'A', 60, 1, 10],
  ['2014-01-01', 'RU', 'A', 100, 3, 60],
  ['2014-01-01', 'RU', 'B', 40, 1, 30],
  ['2014-02-01', 'RU', 'A', 120, 4, 80],
  ['2014-02-01', 'RU', 'C', 30, 2, 10],
  ['2014-01-01', 'MX', 'A', 10, 1, 5],
  ['2014-02-01', 'MX', 'B', 70, 3, 90],
  ['2014-02-01', 'BR', 'C', 5, 1, 1],
  ['2014-02-01', 'KE', 'A', 2, 0, 0],
] as const;
export type SalesRow = (typeof SALES)[number];
/** Whether a row is in the current period (2014), as opposed to the year before. */
export const isCurrent = (r: SalesRow) => r[0] >= '2014-01-01';

export async function createSalesTable(engine: Engine): Promise<void> {
  const values = SALES.map((r) => `(DATE '${r[0]}', '${r[1]}', '${r[2]}', ${r[3]}, ${r[4]}, ${r[5]})`).join(',');
  await engine.query(`CREATE TABLE f AS SELECT * FROM (VALUES ${values}) t(month, country, marketplace, visitors, orders, revenue)`);
}

/** A slice of `f` over January and February 2014. */
export const salesSlice = (filters: SliceSpec['filters'] = []): SliceSpec => ({
  table: 'f',
  timeColumn: 'month',
  range: { from: '2014-01-01', to: '2014-02-01' },
  filters,
});
export const VISITORS: MeasureSpec = { column: 'visitors', overTime: 'mean' };
export const ORDERS: MeasureSpec = { column: 'orders', overTime: 'sum' };

/** Creates empty tables with the declared columns of the bundled files, for the builders that read them. */
export async function createBundledTables(
  engine: Engine,
  files: readonly { table: string; columns: readonly { name: string; type: string }[] }[],
): Promise<void> {
  for (const file of files) {
    const columns = file.columns.map((column) => `${quoteIdentifier(column.name)} ${column.type}`).join(', ');
    await engine.query(`CREATE TABLE ${quoteIdentifier(file.table)} (${columns})`);
  }
}
