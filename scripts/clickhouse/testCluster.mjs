// One local cluster for a whole test run (issue 18), owned by the runner's main process (Vitest's globalSetup,
// Playwright's globalSetup). Test files run in other processes, so the shards' stop and start go through a small
// HTTP control endpoint on loopback, guarded by a random token; everything a test file needs is serializable
// (`info`), handed over by Vitest's provide/inject or a file.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { execute, findClickHouse, MISSING_MESSAGE, startCluster } from '../cluster.mjs';

/**
 * Starts the cluster and its control endpoint. Resolves to { info, close } where `info` is
 * { shards: [{ index, url }], user, password, database, version, control: { url, token } }.
 * Rejects with MISSING_MESSAGE (the install command) when ClickHouse is not installed.
 */
export async function startTestCluster({ log = () => {} } = {}) {
  if (!findClickHouse()) throw new Error(MISSING_MESSAGE);
  const cluster = await startCluster({ log });
  let server;
  try {
    const token = randomBytes(16).toString('hex');
    // One shard operation at a time: a stop racing a start would leave the shard in either state.
    let queue = Promise.resolve();
    server = createServer((req, res) => {
      const match = /^\/shards\/(\d+)\/(stop|start)$/.exec(req.url ?? '');
      const answer = (status, body) => {
        res.statusCode = status;
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(body));
      };
      if (req.headers['x-control-token'] !== token) return answer(403, { error: 'wrong token' });
      if (req.method !== 'POST' || !match || !cluster.shards[Number(match[1])]) return answer(404, { error: 'POST /shards/<index>/stop or /start' });
      const index = Number(match[1]);
      const run = queue.then(() => (match[2] === 'stop' ? cluster.stopShard(index) : cluster.startShard(index)));
      queue = run.catch(() => {});
      run.then(
        () => answer(200, { ok: true, shard: index, action: match[2] }),
        (error) => answer(500, { error: error.message }),
      );
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const version = (await execute(cluster.shards[0].url, 'SELECT version()')).trim();
    const info = {
      shards: cluster.shards.map((s) => ({ index: s.index, url: s.url })),
      user: cluster.user,
      password: cluster.password,
      database: cluster.database,
      version,
      control: { url: `http://127.0.0.1:${server.address().port}`, token },
    };
    const close = async () => {
      await new Promise((resolve) => server.close(() => resolve()));
      await cluster.stop();
    };
    return { info, close, cluster };
  } catch (error) {
    server?.close();
    await cluster.stop();
    throw error;
  }
}

/** Asks the runner's process to stop or start shard `index` (from a test file's process); resolves when done. */
export async function controlShard(info, index, action) {
  const response = await fetch(`${info.control.url}/shards/${index}/${action}`, {
    method: 'POST',
    headers: { 'x-control-token': info.control.token },
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`could not ${action} shard ${index + 1}: ${body.error}`);
}
