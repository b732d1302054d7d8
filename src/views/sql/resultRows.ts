/** A value of a result cell, as the data layer gives it. */
export type Cell = number | string | boolean | null;

/** The rows of a result, whether held by the engine's answer or by a snapshot's copy of its first rows. */
export interface ResultRows {
  rowCount: number;
  cell(row: number, column: number): Cell;
}

/**
 * A number the data layer gives as its exact digits, because a double cannot hold it (a BIGINT beyond ±2^53, a wide
 * DECIMAL): digits, a sign, a decimal point, nothing else (src/data/sqlWorkspace's EXACT_NUMBER_TEXT).
 */
export const EXACT_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A cell as a number: a number as it is, exact digits as the nearest double (for charts and sorting), else null. */
export function numberOf(value: Cell): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && EXACT_NUMBER.test(value)) return Number(value);
  return null;
}

/** Rows from a plain array of arrays (a snapshot's copy). */
export function rowsOf(rows: readonly (readonly Cell[])[]): ResultRows {
  return { rowCount: rows.length, cell: (row, column) => rows[row]?.[column] ?? null };
}

/** A whole number exactly, or null. */
function wholeOf(value: Cell): bigint | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null;
  return typeof value === 'string' && /^-?\d+$/.test(value) ? BigInt(value) : null;
}

/**
 * Orders cells: nulls last, numbers and booleans by value, text by code units (as DuckDB orders VARCHAR); with
 * `numeric` (a number column), exact digits by the number they write.
 */
export function compareCells(a: Cell, b: Cell, numeric = false): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // In a number column, exact digits (a BIGINT beyond 2^53) beside numbers: by value, exactly when both are whole.
  if (numeric) {
    const left = numberOf(a);
    const right = numberOf(b);
    if (left !== null && right !== null) {
      if (left !== right) return left < right ? -1 : 1;
      const wholeA = wholeOf(a);
      const wholeB = wholeOf(b);
      return wholeA === null || wholeB === null ? 0 : wholeA < wholeB ? -1 : wholeA > wholeB ? 1 : 0;
    }
  }
  const textA = String(a);
  const textB = String(b);
  return textA < textB ? -1 : textA > textB ? 1 : 0;
}

/**
 * The row order for a sort by one column: a permutation of the rows, computed once per click. The column is read
 * once into an array (one `cell` call per row), then the indices are sorted; ties keep the result's order.
 */
export function sortedOrder(rows: ResultRows, column: number, direction: 'asc' | 'desc', numeric = false): Uint32Array {
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
    return sign * compareCells(left, right, numeric) || a - b;
  });
}
