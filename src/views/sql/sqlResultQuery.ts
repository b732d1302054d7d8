import { queryOptions } from '@tanstack/react-query';
import { MAX_TEXT } from '../../state/resultSchemas';
import { SNAPSHOT_MAX_CELLS, SNAPSHOT_MAX_ROWS } from './declaration';
import type { Cell, ResultRows } from './resultRows';
import { runWorkspaceQuery, type WorkspaceColumn, type WorkspaceResult } from './workspaceApi';

/**
 * A result as the query cache holds it: plain JSON (so a dashboard's snapshot can carry it) with the first rows
 * copied out, up to {@link SNAPSHOT_MAX_CELLS} cells. The engine's whole answer (up to a million rows) stays beside
 * it, out of the JSON, for the table and the chart on screen.
 */
export interface SqlResultData {
  sql: string;
  columns: WorkspaceColumn[];
  /** The first rows, for a snapshot. */
  rows: Cell[][];
  /** Rows the engine gave (at most WORKSPACE_MAX_ROWS). */
  rowCount: number;
  truncated: boolean;
  elapsedMs: number;
}

// Keyed by the cached object: gone with it when the cache lets the result go; absent for a snapshot's result.
const fullResults = new WeakMap<SqlResultData, WorkspaceResult>();

/** The rows to show: the engine's whole answer when this page ran it, else the copied first rows. */
export function resultRows(data: SqlResultData): ResultRows & { complete: boolean } {
  const full = fullResults.get(data);
  if (full) return { rowCount: full.rowCount, cell: (row, column) => full.cell(row, column), complete: true };
  return { rowCount: data.rows.length, cell: (row, column) => data.rows[row]?.[column] ?? null, complete: data.rows.length >= data.rowCount };
}

/** Rows a copy keeps for a result of `columns` columns. */
export function copiedRowCount(columns: number, rowCount: number): number {
  return Math.min(rowCount, SNAPSHOT_MAX_ROWS, Math.floor(SNAPSHOT_MAX_CELLS / Math.max(1, columns)));
}

export function toResultData(result: WorkspaceResult): SqlResultData {
  const copied = copiedRowCount(result.columns.length, result.rowCount);
  const rows: Cell[][] = [];
  for (let row = 0; row < copied; row++) {
    rows.push(result.columns.map((_, column) => {
      const value = result.cell(row, column);
      // A snapshot keeps text within its cap and numbers finite (JSON has no NaN).
      if (typeof value === 'string') return value.slice(0, MAX_TEXT);
      if (typeof value === 'number' && !Number.isFinite(value)) return null;
      return value;
    }));
  }
  const data: SqlResultData = {
    sql: result.sql,
    columns: result.columns.map((column) => ({ name: column.name.slice(0, MAX_TEXT), type: column.type.slice(0, 200), kind: column.kind })),
    rows,
    rowCount: result.rowCount,
    truncated: result.truncated,
    elapsedMs: result.elapsedMs,
  };
  fullResults.set(data, result);
  return data;
}

/** The statement in pieces a query key can hold (a key's texts are at most MAX_TEXT characters, see snapshot.ts). */
export function statementKey(sql: string): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < sql.length; start += MAX_TEXT) pieces.push(sql.slice(start, start + MAX_TEXT));
  return pieces;
}

/** The result of one workspace statement; cancelling the query (queryClient.cancelQueries) aborts it in the engine. */
export function sqlResultQuery(sql: string) {
  return queryOptions({
    queryKey: ['sqlResult', statementKey(sql)] as const,
    queryFn: async ({ signal }) => toResultData(await runWorkspaceQuery(sql, { signal })),
    enabled: sql.trim() !== '',
    // The answer can be a million rows: never compare it deeply with the last one, never retry a failed statement.
    structuralSharing: false,
    retry: false,
    staleTime: Infinity,
  });
}
