import type { Table } from 'apache-arrow';
import { arrowTableToRows } from './arrowRows';
import { QueryError } from './QueryError';
import type { Engine, Row, SqlParam } from './types';

/** What an engine needs from a DuckDB binding; both the browser worker and the Node build provide it. */
export interface ConnectionDriver {
  run(sql: string): Promise<Table>;
  runPrepared(sql: string, params: readonly SqlParam[]): Promise<Table>;
  registerFileBuffer(name: string, bytes: Uint8Array): Promise<void>;
  registerFile(name: string, file: Blob): Promise<void>;
  dropFile(name: string): Promise<void>;
}

/**
 * Statements run on every new instance before anything else. Extensions are never fetched: DuckDB would otherwise
 * try to download parquet/json/httpfs from the internet when a query mentions them.
 */
export const LOCKDOWN_STATEMENTS: readonly string[] = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];

/** Wraps a driver into the {@link Engine} surface: plain rows out, {@link QueryError} on failure. */
export function createConnectionEngine(driver: ConnectionDriver): Engine {
  return {
    async query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
      const started = performance.now();
      let table: Table;
      try {
        table = params && params.length > 0 ? await driver.runPrepared(sql, params) : await driver.run(sql);
      } catch (cause) {
        throw new QueryError(sql, cause);
      }
      const rows = arrowTableToRows<T>(table);
      // A User Timing entry per query, so a profile or the benchmark can tell time in DuckDB from time drawing.
      performance.measure('duckdb:query', { start: started, end: performance.now(), detail: { sql: sql.slice(0, 160), rows: rows.length } });
      return rows;
    },
    registerFileBuffer: (name, bytes) => driver.registerFileBuffer(name, bytes),
    registerFile: (name, file) => driver.registerFile(name, file),
    dropFile: (name) => driver.dropFile(name),
  };
}
