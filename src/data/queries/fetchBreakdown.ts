import { queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../engine';
import { buildBreakdownQuery, sliceParams } from '../../sql';
import type { DatasetModel } from '../model';
import { measureOf, sliceFor, type QuerySlice } from '../querySlice';
import { requireDimension, viewQueryFn } from './queryTarget';

/** The two dimensions of a breakdown, and how many members of each are kept before the "Other" bucket. */
export interface BreakdownOptions {
  rows: string;
  columns: string;
  rowLimit: number;
  columnLimit: number;
}

/** Cells of the measure by two dimensions, with "Other" buckets (key null) beyond the limits. */
export interface Breakdown {
  cells: { rowKey: string | null; columnKey: string | null; value: number }[];
  rowKeys: (string | null)[];
  columnKeys: (string | null)[];
  rowTotal: number;
  columnTotal: number;
}

export async function fetchBreakdown(
  engine: Engine,
  model: DatasetModel,
  view: QuerySlice,
  options: BreakdownOptions,
): Promise<Breakdown> {
  const rowDimension = requireDimension(model, options.rows);
  const columnDimension = requireDimension(model, options.columns);
  const slice = sliceFor(model, view);
  const rows = await engine.query<{ row_key: string | null; column_key: string | null; value: number; row_total: number; column_total: number }>(
    buildBreakdownQuery({
      slice,
      measure: measureOf(model, view),
      rowColumn: rowDimension.column,
      columnColumn: columnDimension.column,
      rowLimit: options.rowLimit,
      columnLimit: options.columnLimit,
    }),
    sliceParams(slice),
  );
  const cells = rows.map((row) => ({ rowKey: keyOf(row.row_key), columnKey: keyOf(row.column_key), value: row.value }));
  const ordered = (pick: (cell: (typeof cells)[number]) => string | null) => {
    const totals = new Map<string | null, number>();
    for (const cell of cells) totals.set(pick(cell), (totals.get(pick(cell)) ?? 0) + cell.value);
    // Largest first, "Other" last.
    return [...totals.entries()].sort((a, b) => Number(a[0] === null) - Number(b[0] === null) || b[1] - a[1]).map(([key]) => key);
  };
  return {
    cells,
    rowKeys: ordered((cell) => cell.rowKey),
    columnKeys: ordered((cell) => cell.columnKey),
    rowTotal: rows[0]?.row_total ?? 0,
    columnTotal: rows[0]?.column_total ?? 0,
  };
}

function keyOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export const breakdownKey = (view: QuerySlice, options: BreakdownOptions) => ['breakdown', view, options] as const;

export const breakdownQuery = (view: QuerySlice, options: BreakdownOptions) =>
  queryOptions({
    queryKey: breakdownKey(view, options),
    queryFn: viewQueryFn(view, [options.rows, options.columns], (engine, model) => fetchBreakdown(engine, model, view, options)),
  });
