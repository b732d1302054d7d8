import type { TestProject } from 'vitest/node';
import { startTestCluster, type TestClusterInfo } from '../../scripts/clickhouse/testCluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's one ClickHouse cluster, or why there is none (read it through clusterForTests()). */
    clickhouseCluster: { info: TestClusterInfo } | { error: string };
  }
}

/**
 * Vitest's globalSetup for the `clickhouse` project (vite.config.ts): runs only when a test/clickhouse file is in
 * the run, starts ONE two-shard cluster for all of them, and stops it when they are done (the cluster's watchdog
 * stops it too if Vitest itself is killed). Without ClickHouse installed the run goes on, and every test that asks
 * for the cluster fails with the install command.
 */
export default async function setup(project: TestProject) {
  let handle: Awaited<ReturnType<typeof startTestCluster>>;
  try {
    handle = await startTestCluster();
  } catch (error) {
    project.provide('clickhouseCluster', { error: (error as Error).message });
    return undefined;
  }
  project.provide('clickhouseCluster', { info: handle.info });
  return async () => {
    await handle.close();
  };
}
