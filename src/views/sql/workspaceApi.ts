// TEMPORARY adapter: the contract's names (issue 16) until src/data/sqlWorkspace lands; then this re-exports them.
export type WorkspaceColumnKind = 'number' | 'date' | 'timestamp' | 'text' | 'boolean' | 'other';
export interface WorkspaceColumn {
  name: string;
  type: string;
  kind: WorkspaceColumnKind;
}
export interface WorkspaceResult {
  columns: WorkspaceColumn[];
  rowCount: number;
  truncated: boolean;
  cell(row: number, column: number): number | string | boolean | null;
  elapsedMs: number;
  sql: string;
}
export const WORKSPACE_MAX_ROWS = 1_000_000;
export class WorkspaceQueryError extends Error {
  kind: 'refused' | 'syntax' | 'binder' | 'memory' | 'cancelled' | 'failed' = 'failed';
  position: number | null = null;
}
export interface WorkspaceTable {
  name: string;
  label: string;
  source: 'bundled' | 'upload' | 'view' | 'reference';
  columns: { name: string; type: string }[];
}
const missing = () => Promise.reject(new Error('the SQL workspace engine is not built yet'));
export function runWorkspaceQuery(_sql: string, _options?: { signal?: AbortSignal }): Promise<WorkspaceResult> {
  return missing();
}
export function fetchWorkspaceSchema(): Promise<WorkspaceTable[]> {
  return missing();
}
export function fetchColumnSample(_table: string, _column: string, _limit?: number): Promise<string[]> {
  return missing();
}
