import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, type QueryFunctionContext } from '@tanstack/react-query';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine, QueryOptions } from '../../engine';
import { kpiQuery } from './fetchKpis';
import { rankingQuery } from './fetchRanking';
import { createMiniMarket, MODEL, view } from './miniMarketTestKit';
import { createPrefetchScheduler, type PrefetchQuery } from './prefetchScheduler';
import { connectDatasets } from './queryTarget';

/** Idle periods the test hands out itself: `runIdle` runs the callbacks waiting for one. */
function manualIdle() {
  let waiting: (() => void)[] = [];
  return {
    whenIdle(run: () => void) {
      waiting.push(run);
      return () => (waiting = waiting.filter((candidate) => candidate !== run));
    },
    runIdle() {
      const now = waiting;
      waiting = [];
      for (const run of now) run();
    },
    get pending() {
      return waiting.length;
    },
  };
}

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });

describe('the prefetch scheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(overrides: { live?: () => boolean; saveData?: () => boolean } = {}) {
    const idle = manualIdle();
    const queryClient = client();
    const scheduler = createPrefetchScheduler({
      client: queryClient,
      isEngineLive: overrides.live ?? (() => true),
      saveData: overrides.saveData ?? (() => false),
      whenIdle: idle.whenIdle,
    });
    const calls: QueryFunctionContext[] = [];
    const query = (name: string, result: () => Promise<unknown> = async () => name): PrefetchQuery => ({
      queryKey: ['test', name],
      queryFn: (context) => (calls.push(context), result()),
    });
    return { idle, queryClient, scheduler, calls, query };
  }

  it('starts after the intent delay, in idle time, only with the engine live and no query running', async () => {
    let live = false;
    const { idle, queryClient, scheduler, calls, query } = setup({ live: () => live });
    scheduler.intend(() => [query('a')]);
    await vi.advanceTimersByTimeAsync(99);
    expect(idle.pending).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    // The engine is not live yet: nothing starts, it waits for a later idle period.
    idle.runIdle();
    expect(calls).toHaveLength(0);
    live = true;
    // A real query is running: wait.
    let finish!: () => void;
    const real = queryClient.fetchQuery({ queryKey: ['real'], queryFn: () => new Promise<string>((resolve) => (finish = () => resolve('real'))) });
    idle.runIdle();
    expect(calls).toHaveLength(0);
    finish();
    await real;
    idle.runIdle();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    // Run as a prefetch: its statements go to the engine's background queue.
    expect(calls[0]!.meta).toEqual({ background: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(queryClient.getQueryData(['test', 'a'])).toBe('a');
  });

  it('leaving or blurring before the start drops it; a query already cached is not fetched again', async () => {
    const { idle, queryClient, scheduler, calls, query } = setup();
    const withdraw = scheduler.intend(() => [query('a')]);
    await vi.advanceTimersByTimeAsync(50);
    withdraw();
    await vi.advanceTimersByTimeAsync(200);
    idle.runIdle();
    expect(calls).toHaveLength(0);
    // Withdrawn after the delay, while waiting for idle time: dropped too.
    const late = scheduler.intend(() => [query('b')]);
    await vi.advanceTimersByTimeAsync(100);
    late();
    idle.runIdle();
    expect(calls).toHaveLength(0);

    queryClient.setQueryData(['test', 'cached'], 'already here');
    scheduler.intend(() => [query('cached'), query('c')]);
    await vi.advanceTimersByTimeAsync(100);
    idle.runIdle();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((context) => context.queryKey)).toEqual([['test', 'c']]);
  });

  it('a real change drops waiting intents and cancels running prefetches, leaving no result behind', async () => {
    const { idle, queryClient, scheduler, calls, query } = setup();
    const aborted: boolean[] = [];
    const slow = query('slow', () => new Promise(() => {}));
    const running: PrefetchQuery = {
      ...slow,
      queryFn: (context) => {
        context.signal.addEventListener('abort', () => aborted.push(true));
        return (slow.queryFn as (context: QueryFunctionContext) => Promise<unknown>)(context);
      },
    };
    scheduler.intend(() => [running]);
    await vi.advanceTimersByTimeAsync(100);
    idle.runIdle();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    scheduler.intend(() => [query('waiting')]);
    scheduler.realChange();
    await vi.advanceTimersByTimeAsync(200);
    idle.runIdle();
    await vi.advanceTimersByTimeAsync(0);
    expect(aborted).toEqual([true]);
    expect(calls).toHaveLength(1);
    expect(queryClient.getQueryState(['test', 'slow'])?.fetchStatus).toBe('idle');
    expect(queryClient.getQueryData(['test', 'slow'])).toBeUndefined();
  });

  it('fetches nothing ahead when the reader asked to save data', async () => {
    const { idle, scheduler, calls, query } = setup({ saveData: () => true });
    scheduler.intend(() => [query('a')]);
    await vi.advanceTimersByTimeAsync(200);
    idle.runIdle();
    expect(idle.pending).toBe(0);
    expect(calls).toHaveLength(0);
  });
});

describe('prefetching real query options (Node build of duckdb-wasm)', () => {
  let engine: Engine;
  const statements: { sql: string; options: QueryOptions | undefined }[] = [];
  beforeAll(async () => {
    const inner = await createNodeEngine();
    await createMiniMarket(inner);
    engine = { ...inner, query: (sql, params, options) => (statements.push({ sql, options }), inner.query(sql, params, options)) };
  });

  it('uses the keys the view itself uses, so the change that follows is answered from the cache', async () => {
    connectDatasets({ engineFor: async () => engine, modelOf: (id) => (id === MODEL.id ? MODEL : undefined), bundledEngine: async () => engine });
    const queryClient = client();
    const scheduler = createPrefetchScheduler({ client: queryClient, isEngineLive: () => true, saveData: () => false, intentDelayMs: 0, whenIdle: (run) => (run(), () => {}) });
    const target = view({ filters: { country: ['RU'] } });
    const options = [kpiQuery(target), rankingQuery(target, 'marketplace', 5)];
    scheduler.intend(() => options as unknown as PrefetchQuery[]);
    // Polls until both results are in (the engine's own pace: no time is asserted).
    const both = { timeout: 60_000 };
    await vi.waitFor(() => expect(options.every((option) => queryClient.getQueryData(option.queryKey) !== undefined)).toBe(true), both);
    const prefetched = statements.length;
    expect(statements.every((statement) => statement.options?.background === true)).toBe(true);

    // What the view's useQuery does on the change: the same options, now answered from the cache.
    const kpis = await queryClient.fetchQuery(kpiQuery(target));
    const ranking = await queryClient.fetchQuery(rankingQuery(target, 'marketplace', 5));
    expect(statements).toHaveLength(prefetched);
    expect(kpis.current).not.toBeNull();
    expect(ranking).toEqual(queryClient.getQueryData(rankingQuery(target, 'marketplace', 5).queryKey));
    // Another view's options (another filter) are not in the cache: they would run.
    expect(queryClient.getQueryData(kpiQuery(view({ filters: { country: ['MX'] } })).queryKey)).toBeUndefined();
  });
});
