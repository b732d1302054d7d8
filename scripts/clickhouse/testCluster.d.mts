import type { Cluster } from '../cluster.mjs';

/** What a test file gets: serializable, so Vitest's provide/inject or a JSON file can carry it. */
export interface TestClusterInfo {
  shards: { index: number; url: string }[];
  /** The app's read-only user. The loading user is `default`, without a password, on loopback only. */
  user: string;
  password: string;
  database: string;
  /** SELECT version() of shard 1, e.g. 18.16.1. */
  version: string;
  control: { url: string; token: string };
}
export declare function startTestCluster(options?: { log?: (line: string) => void }): Promise<{
  info: TestClusterInfo;
  close(): Promise<void>;
  cluster: Cluster;
}>;
export declare function controlShard(info: TestClusterInfo, index: number, action: 'stop' | 'start'): Promise<void>;
