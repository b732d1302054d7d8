import type { Table } from 'apache-arrow';
import { QueryCancelledError } from './pendingQuery';
import type { QueryOptions, SqlParam } from './types';

/** One statement of a batch, as a driver receives it. */
export interface BatchStatement {
  sql: string;
  params: readonly SqlParam[];
  /**
   * The statement has not been checked yet: the driver checks it (statementRefusal over DuckDB's tokens) right
   * before running it, in the same trip, and fails it with refusedStatementError if refused.
   */
  check: boolean;
  /** Aborted before the statement starts: it is skipped, and rejects with a QueryCancelledError. */
  signal: AbortSignal;
}

/**
 * Runs `statements` in order, in one trip to the instance (one message to the browser's worker), and returns one
 * promise per statement, settled as that statement finishes: one failing or cancelled leaves the others running.
 */
export type RunBatch = (statements: readonly BatchStatement[]) => Promise<Table>[];

interface Waiting {
  sql: string;
  params: readonly SqlParam[];
  check: boolean;
  signal: AbortSignal | undefined;
  resolve: (table: Table) => void;
  reject: (error: unknown) => void;
}

export interface StatementBatcher {
  /** Queues one statement for the next batch; settles with its result. */
  submit(sql: string, params: readonly SqlParam[], check: boolean, options?: QueryOptions): Promise<Table>;
}

/** Runs `run` as a task of its own, after whatever the current task still starts (Chromium's scheduler, else a timer). */
function nextTask(run: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask(task: () => void, options: { priority: string }): Promise<void> } }).scheduler;
  if (scheduler) void scheduler.postTask(run, { priority: 'user-blocking' });
  else setTimeout(run, 0);
}

function eitherSignal(first: AbortSignal | undefined, second: AbortSignal | undefined): AbortSignal {
  const signals = [first, second].filter((signal): signal is AbortSignal => signal !== undefined);
  return signals.length === 1 ? signals[0]! : signals.length === 0 ? new AbortController().signal : AbortSignal.any(signals);
}

/**
 * Gathers the statements issued in one task into one batch: the panels of a view start their queries together (in
 * the same effects flush), so a filter change costs one trip to the worker rather than one per panel, or three per
 * panel with the prepare, run and close of a prepared statement.
 *
 * Background statements (prefetches) are sent only while no other statement is waiting or running. When one arrives,
 * the background statements sent but not started are cancelled in the worker and queued again, so a real change
 * waits at most for the one prefetch the worker is running.
 */
export function createStatementBatcher(runBatch: RunBatch, schedule: (run: () => void) => void = nextTask): StatementBatcher {
  const foreground: Waiting[] = [];
  const background: Waiting[] = [];
  let scheduled = false;
  let foregroundInFlight = 0;
  /** One controller per background batch in the worker: aborting it takes back the statements not yet started. */
  const backgroundInFlight = new Set<AbortController>();

  function later(): void {
    if (scheduled) return;
    scheduled = true;
    schedule(flush);
  }

  function flush(): void {
    scheduled = false;
    if (foreground.length > 0) {
      for (const preempt of backgroundInFlight) preempt.abort();
      const batch = foreground.splice(0);
      foregroundInFlight += batch.length;
      send(batch, null);
    }
    if (foregroundInFlight === 0 && background.length > 0) {
      const preempt = new AbortController();
      backgroundInFlight.add(preempt);
      send(background.splice(0), preempt);
    }
  }

  function send(batch: Waiting[], preempt: AbortController | null): void {
    let results: Promise<Table>[];
    try {
      results = runBatch(batch.map((waiting) => ({ sql: waiting.sql, params: waiting.params, check: waiting.check, signal: eitherSignal(waiting.signal, preempt?.signal) })));
    } catch (error) {
      results = batch.map(() => Promise.reject(error));
    }
    let left = batch.length;
    batch.forEach((waiting, index) => {
      void results[index]!.then(waiting.resolve, (error: unknown) => {
        const takenBack = preempt?.signal.aborted && error instanceof QueryCancelledError && !waiting.signal?.aborted;
        if (takenBack) background.push(waiting);
        else waiting.reject(error);
      }).finally(() => {
        if (preempt === null) foregroundInFlight -= 1;
        else if (--left === 0) backgroundInFlight.delete(preempt);
        if (foregroundInFlight === 0 && background.length > 0) later();
      });
    });
  }

  return {
    submit(sql, params, check, options = {}) {
      const { signal, background: isBackground = false } = options;
      if (signal?.aborted) return Promise.reject(new QueryCancelledError());
      return new Promise<Table>((resolve, reject) => {
        const waiting: Waiting = { sql, params, check, signal, resolve, reject };
        (isBackground ? background : foreground).push(waiting);
        // Still waiting here, it is simply dropped; once sent, the driver skips it if it has not started.
        signal?.addEventListener(
          'abort',
          () => {
            for (const queue of [foreground, background]) {
              const at = queue.indexOf(waiting);
              if (at >= 0) {
                queue.splice(at, 1);
                reject(new QueryCancelledError());
              }
            }
          },
          { once: true },
        );
        later();
      });
    },
  };
}
