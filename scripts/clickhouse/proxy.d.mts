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
export declare function describeClickHouseError(
  conn: ProxyConnection,
  status: number,
  text: string,
  context?: { maxExecutionTime?: number },
): { status: number; error: string; hint: string };
export type ClickHouseHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => Promise<void>;
export declare function createClickHouseHandler(connections: ProxyConnection[], options?: { prefix?: string; fetchImpl?: typeof fetch }): ClickHouseHandler;
export declare function clickHouseProxyPlugin(connections: ProxyConnection[]): {
  name: string;
  configurePreviewServer(server: unknown): void;
  configureServer(server: unknown): void;
};
