import { beforeAll, describe, expect, it } from 'vitest';
import { createConnectionEngine, type ConnectionDriver } from './connectionEngine';
import { createNodeDriver } from './nodeEngine';
import { QueryCancelledError, QueryError, type Engine } from './index';
import type { BatchStatement } from './statementBatcher';

/** The real DuckDB-wasm (Node build) behind the engine, with every batch it is sent written down. */
async function watchedEngine(base: ConnectionDriver) {
  const batches: string[][] = [];
  const engine = createConnectionEngine({
    ...base,
    runBatch(statements: readonly BatchStatement[]) {
      batches.push(statements.map((statement) => statement.sql));
      return base.runBatch!(statements);
    },
  });
  return { engine, batches };
}

const PANEL_QUERIES: [string, (string | number)[]][] = [
  ['SELECT SUM(x)::DOUBLE AS total FROM range(?::BIGINT) t(x)', [1000]],
  ['SELECT x % 3 AS bucket, COUNT(*)::INTEGER AS n FROM range(30) t(x) GROUP BY 1 ORDER BY 1', []],
  ["SELECT ? || ' and ' || ? AS label", ['AliExpress', 'eBay']],
  ['SELECT MAX(x)::INTEGER AS top FROM range(?::BIGINT) t(x) WHERE x % ? = 0', [100, 7]],
];

describe('statement batches (Node build of duckdb-wasm)', () => {
  let driver: ConnectionDriver;
  beforeAll(async () => {
    driver = await createNodeDriver();
  });

  it('sends the statements of one burst as one batch, with the results each would have alone', async () => {
    const { engine, batches } = await watchedEngine(driver);
    const batched = await Promise.all(PANEL_QUERIES.map(([sql, params]) => engine.query(sql, params)));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual(PANEL_QUERIES.map(([sql]) => sql));
    // The same statements, one at a time through the driver's own calls (no batching).
    const alone = createConnectionEngine({ ...driver, runBatch: undefined });
    const single: unknown[] = [];
    for (const [sql, params] of PANEL_QUERIES) single.push(await alone.query(sql, params));
    expect(batched).toEqual(single);
    expect(batched[0]).toEqual([{ total: 499500 }]);
    // The next burst is the next batch.
    await Promise.all([engine.query('SELECT 1 AS one'), engine.query('SELECT 2 AS two')]);
    expect(batches).toHaveLength(2);
  });

  it('cancelling one statement of a batch, before or after it was sent, leaves the others running', async () => {
    const { engine, batches } = await watchedEngine(driver);
    const waiting = new AbortController();
    const sent = new AbortController();
    const results = [
      engine.query('SELECT 1 AS a'),
      engine.query('SELECT 2 AS b', [], { signal: waiting.signal }),
      engine.query('SELECT 3 AS c'),
      engine.query('SELECT 4 AS d', [], { signal: sent.signal }),
      engine.query('SELECT 5 AS e'),
    ];
    // Still waiting for its batch: dropped before it is sent.
    waiting.abort();
    await expect(results[1]).rejects.toBeInstanceOf(QueryCancelledError);
    // Sent, not started (the first statements run first): skipped by the driver.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(batches).toEqual([['SELECT 1 AS a', 'SELECT 3 AS c', 'SELECT 4 AS d', 'SELECT 5 AS e']]);
    sent.abort();
    await expect(results[3]).rejects.toBeInstanceOf(QueryCancelledError);
    expect(await results[0]).toEqual([{ a: 1 }]);
    expect(await results[2]).toEqual([{ c: 3 }]);
    expect(await results[4]).toEqual([{ e: 5 }]);
  });

  it('a refused or failing statement fails alone; the rest of its batch answers', async () => {
    const { engine, batches } = await watchedEngine(driver);
    const [ok, refused, broken, after] = await Promise.allSettled([
      engine.query('SELECT 42 AS answer'),
      engine.query("ATTACH ':memory:' AS other"),
      engine.query('SELECT * FROM no_such_table'),
      engine.query('SELECT ? AS echoed', ['after']),
    ]);
    expect(batches).toHaveLength(1);
    expect(ok).toEqual({ status: 'fulfilled', value: [{ answer: 42 }] });
    expect(refused.status === 'rejected' && refused.reason).toBeInstanceOf(QueryError);
    expect(refused.status === 'rejected' && refused.reason.message).toMatch(/Permission Error: ATTACH statements are not run \(refused by Marketscope\)/);
    expect(broken.status === 'rejected' && (broken.reason as QueryError).message).toMatch(/no_such_table/);
    expect(after).toEqual({ status: 'fulfilled', value: [{ echoed: 'after' }] });
  });

  it('background statements wait for the others, give way to them, and are sent again', async () => {
    const { engine, batches } = await watchedEngine(driver);
    // A foreground statement and a background one in the same task: the background one goes after it.
    const first = [engine.query('SELECT 1 AS fg'), engine.query('SELECT 1 AS bg', [], { background: true })];
    await Promise.all(first);
    expect(batches).toEqual([['SELECT 1 AS fg'], ['SELECT 1 AS bg']]);
    batches.length = 0;
    // Background statements sent; a real one arrives before they have started: they are taken back, then re-sent.
    const prefetches = ['SELECT 10 AS p1', 'SELECT 20 AS p2', 'SELECT 30 AS p3'].map((sql) => engine.query(sql, [], { background: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(batches).toEqual([['SELECT 10 AS p1', 'SELECT 20 AS p2', 'SELECT 30 AS p3']]);
    const real = engine.query('SELECT 99 AS real');
    const order: string[] = [];
    void real.then(() => order.push('real'));
    prefetches.forEach((prefetch, index) => void prefetch.then(() => order.push(`p${index + 1}`)));
    expect(await real).toEqual([{ real: 99 }]);
    expect(await Promise.all(prefetches)).toEqual([[{ p1: 10 }], [{ p2: 20 }], [{ p3: 30 }]]);
    expect(batches[1]).toEqual(['SELECT 99 AS real']);
    // At most the prefetch already running finished before the real statement; the others came after it.
    expect(order.indexOf('real')).toBeLessThanOrEqual(1);
    expect(batches.slice(2).flat()).toEqual(expect.arrayContaining(['SELECT 30 AS p3']));
  });

  it('an engine without batches (a driver with no runBatch) still honours a signal aborted before the call', async () => {
    const engine: Engine = createConnectionEngine({ ...driver, runBatch: undefined });
    const controller = new AbortController();
    controller.abort();
    await expect(engine.query('SELECT 1', [], { signal: controller.signal })).rejects.toBeInstanceOf(QueryCancelledError);
  });
});
