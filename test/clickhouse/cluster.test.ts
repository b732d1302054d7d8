import { describe, expect, it } from 'vitest';
import { clusterForTests } from './support';

describe('the local cluster', () => {
  it('serves the bundled traffic on both shards, split by country', async () => {
    const cluster = clusterForTests();
    const [total] = await cluster.query<{ rows: string }>('SELECT count() AS rows FROM traffic');
    const parts = await Promise.all([0, 1].map((shard) => cluster.admin('SELECT count() FROM marketscope.traffic_local', { shard })));
    expect(parts.map(Number).every((n) => n > 0)).toBe(true);
    expect(Number(parts[0]) + Number(parts[1])).toBe(Number(total!.rows));
  });
});
