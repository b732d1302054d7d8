export interface ClickHouseConnection {
  url: string;
  user: string;
  password: string;
  database: string;
}
export interface ClusterShard {
  index: number;
  dir: string;
  httpPort: number;
  tcpPort: number;
  interserverPort: number;
  url: string;
}
export interface Cluster {
  base: string;
  shards: ClusterShard[];
  database: string;
  user: string;
  password: string;
  stop(): Promise<void>;
  stopShard(index: number): Promise<void>;
  startShard(index: number): Promise<void>;
  connection(index?: number): ClickHouseConnection;
}
export declare const APP_USER: string;
export declare const APP_PASSWORD: string;
export declare const DATABASE: string;
export declare const CLUSTER_NAME: string;
export declare const MISSING_MESSAGE: string;
export declare function findClickHouse(): { command: string; args: string[] } | null;
export declare function execute(url: string, sql: string, body?: string, settings?: Record<string, string | number>): Promise<string>;
export declare function createTables(cluster: Cluster): Promise<void>;
export declare function loadDatasets(cluster: Cluster): Promise<Record<string, number>>;
export declare function startCluster(options?: { load?: boolean; log?: (line: string) => void; timeoutMs?: number }): Promise<Cluster>;
export declare function connectionString(cluster: Cluster, name?: string, index?: number): string;
