export declare const CHDB_VERSION: string;
export declare const CHDB_DIR: string;
export interface Chdb {
  /** ClickHouse's version() inside chDB, e.g. `26.7.2.1`. */
  version: string;
  query(sql: string, format?: string): string;
  /** `params`: each `{name:Type}` placeholder's value as `param_<name>` carries it over HTTP (Escaped text). */
  queryWithParams(sql: string, params: Readonly<Record<string, string>>, format?: string): string;
}
export declare function loadChdb(options?: { install?: boolean; log?: (line: string) => void }): Chdb;
