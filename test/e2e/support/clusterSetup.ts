import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { startTestCluster } from '../../../scripts/clickhouse/testCluster.mjs';
import { clusterPaths } from './cluster';

/**
 * Playwright's globalSetup: ONE two-shard cluster for the whole run, stopped by the returned teardown whatever the
 * tests did (and by the cluster's watchdog if the runner is killed). The preview server Playwright starts reads the
 * connections file named in its MARKETSCOPE_CLICKHOUSE_FILE on every request, so it does not matter which of the two
 * starts first. Files live under E2E_OUT, so parallel runs with their own E2E_OUT never share a cluster or a file.
 * Without ClickHouse installed the run goes on with no connection; e2eCluster() then fails with the install command.
 */
export default async function globalSetup() {
  const paths = clusterPaths();
  mkdirSync(paths.dir, { recursive: true });
  let handle: Awaited<ReturnType<typeof startTestCluster>>;
  try {
    handle = await startTestCluster();
  } catch (error) {
    writeFileSync(paths.connections, JSON.stringify({ connections: [] }));
    writeFileSync(paths.state, JSON.stringify({ error: (error as Error).message }));
    return undefined;
  }
  const { info } = handle;
  writeFileSync(
    paths.connections,
    JSON.stringify({ connections: [{ name: 'local', url: info.shards[0]!.url, user: info.user, password: info.password, database: info.database }] }, null, 2),
  );
  writeFileSync(paths.state, JSON.stringify({ info }, null, 2));
  return async () => {
    try {
      await handle.close();
    } finally {
      rmSync(paths.dir, { recursive: true, force: true });
    }
  };
}
