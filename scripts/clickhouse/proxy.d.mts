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
