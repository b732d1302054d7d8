import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';

/** A query a change would run, with the options (key and function) the change's own panels use. */
export type PrefetchQuery = FetchQueryOptions<unknown, Error, unknown, QueryKey>;

export interface PrefetchSchedulerOptions {
  client: QueryClient;
  /** Whether the engine is live: a prefetch never starts the engine or loads a dataset. */
  isEngineLive: () => boolean;
  /** The reader asked to save data (`navigator.connection.saveData`): nothing is fetched ahead. */
  saveData?: () => boolean;
  /** How long a pointer must rest on a control before its queries are fetched ahead (keyboard focus waits too). */
  intentDelayMs?: number;
  /** Calls `run` when the page is idle (requestIdleCallback in the browser); returns a cancel function. */
  whenIdle?: (run: () => void) => () => void;
}

export interface PrefetchScheduler {
  /**
   * The user shows interest in a control (hover, focus): after the intent delay, once the engine is live and no
   * query is running, the queries `queries()` lists are fetched in the background under their own keys, so that the
   * change itself finds them in the cache. Returns the function that withdraws the interest (pointer left, focus
   * moved): anything not yet started is dropped.
   */
  intend(queries: () => Promise<readonly PrefetchQuery[]> | readonly PrefetchQuery[]): () => void;
  /** A real change arrived: every intent is dropped, and prefetches still running are cancelled, never waited for. */
  realChange(): void;
}

/** The query function's meta that marks a prefetch: its statements run in the engine's background queue. */
export const PREFETCH_META = { background: true } as const;

/** Whether a query function runs for a prefetch (see {@link PREFETCH_META}). */
export function isPrefetch(meta: Record<string, unknown> | undefined): boolean {
  return meta?.background === true;
}

function browserIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
}

function browserSaveData(): boolean {
  const connection = (globalThis.navigator as (Navigator & { connection?: { saveData?: boolean } }) | undefined)?.connection;
  return connection?.saveData === true;
}

/**
 * Fetches ahead what a control would show, in idle time: on hover (after a short intent delay) or keyboard focus,
 * the queries of the view the control leads to run in the engine's background queue (they give way to any real
 * query), under the keys the view itself uses, so that the change finds its results in the cache.
 */
export function createPrefetchScheduler(options: PrefetchSchedulerOptions): PrefetchScheduler {
  const { client, isEngineLive, saveData = browserSaveData, intentDelayMs = 100, whenIdle = browserIdle } = options;
  /** The intents not yet withdrawn or finished: a real change cancels them, running prefetches included. */
  const live = new Set<{ cancel: () => void }>();

  /** Waits for idle time with no query running, then runs `start`; returns the cancel function. */
  function whenQuiet(start: () => void): () => void {
    let cancelIdle: (() => void) | null = null;
    let cancelled = false;
    const attempt = () => {
      cancelIdle = whenIdle(() => {
        if (cancelled) return;
        // The engine still starting, or a query running (a real change settling, another prefetch): wait for the
        // next idle period.
        if (!isEngineLive() || client.isFetching() > 0) return attempt();
        start();
      });
    };
    attempt();
    return () => {
      cancelled = true;
      cancelIdle?.();
    };
  }

  return {
    intend(queries) {
      if (saveData()) return () => {};
      let state: 'waiting' | 'started' | 'over' = 'waiting';
      const started: QueryKey[] = [];
      let cancelQuiet: (() => void) | null = null;
      const stop = () => {
        clearTimeout(timer);
        cancelQuiet?.();
        live.delete(intent);
        state = 'over';
      };
      const intent = {
        cancel() {
          const running = state === 'started';
          stop();
          if (!running) return;
          for (const queryKey of started) {
            if (client.getQueryState(queryKey)?.fetchStatus === 'fetching') void client.cancelQueries({ queryKey, exact: true });
          }
        },
      };
      live.add(intent);
      const timer = setTimeout(() => {
        cancelQuiet = whenQuiet(() => {
          state = 'started';
          void Promise.resolve(queries()).then((list) => {
            if (state !== 'started') return;
            const runs = list
              .filter((query) => {
                const known = client.getQueryState(query.queryKey);
                return known?.data === undefined && known?.fetchStatus !== 'fetching';
              })
              .map((query) => {
                started.push(query.queryKey);
                return client.prefetchQuery({ ...query, meta: { ...query.meta, ...PREFETCH_META } });
              });
            void Promise.all(runs).then(() => {
              if (state !== 'started') return;
              stop();
              performance.mark('prefetch:done', { detail: { queries: runs.length } });
            });
          });
        });
      }, intentDelayMs);
      // Withdrawn interest drops what has not started; prefetches already running finish (they give way anyway).
      return () => {
        if (state === 'waiting') stop();
      };
    },
    realChange() {
      for (const intent of [...live]) intent.cancel();
    },
  };
}
