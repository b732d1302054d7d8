import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ProxyConnection {
  name: string;
  url: string;
  user: string;
  password: string;
  database: string;
  limits: { maxExecutionTime: number; maxResultRows: number; maxResultBytes: number };
  /** Where it was configured (the variable or the file), for error hints. */
  where: string;
}
export declare const ENV_VARIABLE: string;
export declare const FILE_VARIABLE: string;
export declare const DEFAULT_FILE: string;
export declare const QUERY_ID_PREFIX: string;
export declare function parseConnectionsVariable(value: string, where?: string): ProxyConnection[];
export declare function loadConnections(options?: { env?: Record<string, string | undefined>; cwd?: string }): ProxyConnection[];
export declare function refusal(sql: string): string | null;
/** `param_<name>`: the only URL parameters besides query_id and format that a query takes (query parameters). */
export declare const QUERY_PARAMETER: RegExp;
/**
 * Null when every URL parameter is one the endpoint takes (`''` the list, `features`, `query`, `cancel`), each once,
 * `param_<name>` on `query` only and with a strict name; otherwise why not (the proxy answers 400 with it).
 */
export declare function urlParameterRefusal(searchParams: URLSearchParams, action: '' | 'features' | 'query' | 'cancel'): string | null;
/** `GET /clickhouse/<name>/features`: probed once per connection (its url and user) while the server runs. */
export interface ClickHouseFeatures {
  /** Whether the server binds `{name:Type}` placeholders to `param_<name>` URL parameters (not 18.16). */
  queryParameters: boolean;
  /** ClickHouse's version(), e.g. `18.16.1`. */
  version: string;
  connection: string;
}
/** The table functions a query may call (they read nothing outside the server). */
export declare const ALLOWED_TABLE_FUNCTIONS: ReadonlySet<string>;
export declare function describeClickHouseError(
  conn: ProxyConnection,
  status: number,
  text: string,
  context?: { maxExecutionTime?: number },
): { status: number; error: string; hint: string; kind: string; values: Record<string, string | number> };
export type ClickHouseHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => Promise<void>;
/** A fixed list, or a function called on every request (it may throw: the request then answers 500). */
export type ConnectionSource = ProxyConnection[] | (() => ProxyConnection[]);
export declare function createClickHouseHandler(
  connections: ConnectionSource,
  options?: { prefix?: string; fetchImpl?: typeof fetch; log?: (line: string) => void },
): ClickHouseHandler;
export declare function clickHouseProxyPlugin(
  connections?: ConnectionSource,
  options?: { log?: (line: string) => void },
): {
  name: string;
  configurePreviewServer(server: unknown): void;
  configureServer(server: unknown): void;
};
/** The errors the page shows, in English, by kind: the page's catalog has the same English (proxyMessages.test.ts). */
export declare const PROXY_TEXTS: Record<string, { error: (values: Record<string, string | number>) => string; hint: (values: Record<string, string | number>) => string }>;
