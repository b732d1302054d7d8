/**
 * The e2e run's ClickHouse cluster (started by clusterSetup.ts, Playwright's globalSetup). The preview server serves
 * it as the connection `local` (/clickhouse/local/, shard 1; either shard's Distributed tables see every row):
 * marketscope.traffic, marketscope.sales and marketscope.market (the two joined) with the bundled data.
 *
 *   import { e2eCluster } from './support/cluster';
 *   const cluster = e2eCluster();        // throws the install command when ClickHouse is missing
 *   await cluster.stopShard(1); try { … } finally { await cluster.startShard(1); }
 *
 * Playwright runs spec files in two workers at once: a test that stops a shard makes every ClickHouse query in the
 * run fail meanwhile, so keep such tests in one spec that runs serially (test.describe.configure({ mode: 'serial' })).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { controlShard, type TestClusterInfo } from '../../../scripts/clickhouse/testCluster.mjs';

/** Where the run keeps the proxy's connections file and the cluster's state: under E2E_OUT, one run's own. */
export function clusterPaths() {
  const dir = resolve(process.env.E2E_OUT ?? 'test-results', 'clickhouse');
  return { dir, connections: join(dir, 'connections.json'), state: join(dir, 'cluster.json') };
}

export interface E2eCluster {
  info: TestClusterInfo;
  /** The name the app lists under "Connect to a table". */
  connectionName: 'local';
  stopShard(index: number): Promise<void>;
  startShard(index: number): Promise<void>;
}

export function e2eCluster(): E2eCluster {
  const { state } = clusterPaths();
  if (!existsSync(state)) throw new Error(`no ClickHouse cluster state at ${state}: run through playwright.config.ts (its globalSetup starts the cluster)`);
  const parsed = JSON.parse(readFileSync(state, 'utf8')) as { info: TestClusterInfo } | { error: string };
  if ('error' in parsed) throw new Error(parsed.error);
  const { info } = parsed;
  return {
    info,
    connectionName: 'local',
    stopShard: (index) => controlShard(info, index, 'stop'),
    startShard: (index) => controlShard(info, index, 'start'),
  };
}
