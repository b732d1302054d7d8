/** A value of a result cell, as the data layer gives it. */
export type Cell = number | string | boolean | null;

/** The rows of a result, whether held by the engine's answer or by a snapshot's copy of its first rows. */
export interface ResultRows {
  rowCount: number;
  cell(row: number, column: number): Cell;
}

/** Rows from a plain array of arrays (a snapshot's copy). */
export function rowsOf(rows: readonly (readonly Cell[])[]): ResultRows {
  return { rowCount: rows.length, cell: (row, column) => rows[row]?.[column] ?? null };
}

/** Orders cells: nulls last, numbers and booleans by value, text by code units (as DuckDB orders VARCHAR). */
export function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The row order for a sort by one column: a permutation of the rows, computed once per click. The column is read
 * once into an array (one `cell` call per row), then the indices are sorted; ties keep the result's order.
 */
export function sortedOrder(rows: ResultRows, column: number, direction: 'asc' | 'desc'): Uint32Array {
  const values: Cell[] = new Array<Cell>(rows.rowCount);
  for (let row = 0; row < rows.rowCount; row++) values[row] = rows.cell(row, column);
  const order = new Uint32Array(rows.rowCount);
  for (let row = 0; row < order.length; row++) order[row] = row;
  const sign = direction === 'asc' ? 1 : -1;
  // Nulls stay last either way, as in DuckDB's default NULLS LAST.
  return order.sort((a, b) => {
    const left = values[a]!;
    const right = values[b]!;
    if (left === null || right === null) return left === right ? a - b : left === null ? 1 : -1;
    return sign * compareCells(left, right) || a - b;
  });
}
