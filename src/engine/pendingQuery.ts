import { RecordBatchReader, Table, type RecordBatch } from 'apache-arrow';
import type { ArrowQueryOptions, ArrowQueryResult } from './types';

/**
 * duckdb-wasm's pending-query calls on one connection of its own (`startPendingQuery`, `pollPendingQuery`,
 * `cancelPendingQuery`, `fetchQueryResults` of the bindings). DuckDB runs a pending query in slices of about 100 ms
 * (the `queryPollingInterval`); between two slices the page can ask it to stop. Every buffer is one message of an
 * Arrow IPC stream: the schema first, then one record batch per buffer, then an empty buffer at the end.
 */
export interface PendingQueryDriver {
  /** Starts `sql` with a streamed result; the schema message once the result is ready, or null to poll. */
  start(sql: string): Promise<Uint8Array | null>;
  /** Runs the next slice; the schema message once ready, or null. */
  poll(): Promise<Uint8Array | null>;
  /** Stops the query between slices; false when there was none pending (the result was already streaming). */
  cancel(): Promise<boolean>;
  /** The next record batch of the streamed result (empty at the end), or null to ask again. */
  fetch(): Promise<Uint8Array | null>;
  /** Drops whatever result the connection still holds (a stream left unread after enough rows). */
  reset(): Promise<void>;
  /** Lets timers and other work run between two slices (the Node build runs the slices in this thread). */
  pause?(): Promise<void>;
}

/** The query was stopped through its signal. */
export class QueryCancelledError extends Error {
  override readonly name = 'QueryCancelledError';
  constructor(message = 'the query was cancelled') {
    super(message);
  }
}

/**
 * Runs `sql` through `driver`, keeping at most `maxRows` rows (the rest is never fetched: DuckDB produces a streamed
 * result chunk by chunk, so a billion-row result costs only the rows held). Stops between slices when `signal` aborts.
 */
export async function runPendingQuery(driver: PendingQueryDriver, sql: string, options: ArrowQueryOptions = {}): Promise<ArrowQueryResult> {
  const { signal, maxRows = Number.POSITIVE_INFINITY } = options;
  const stop = async () => {
    // Between slices of execution: cancelling drops the pending query. Once the result is streaming, cancel does
    // nothing; the next statement on the connection drops the stream.
    if (!(await driver.cancel().catch(() => false))) await driver.reset().catch(() => {});
    throw new QueryCancelledError();
  };
  if (signal?.aborted) throw new QueryCancelledError();
  let header = await driver.start(sql);
  while (header === null) {
    if (signal?.aborted) await stop();
    await driver.pause?.();
    if (signal?.aborted) await stop();
    header = await driver.poll();
  }
  const schemaMessage = header;
  let first = true;
  let done = false;
  const messages: AsyncIterableIterator<Uint8Array> = {
    async next(): Promise<IteratorResult<Uint8Array>> {
      if (first) {
        first = false;
        return { done: false, value: schemaMessage };
      }
      if (done) return { done: true, value: undefined };
      for (;;) {
        if (signal?.aborted) await stop();
        const buffer = await driver.fetch();
        if (buffer === null) {
          await driver.pause?.();
          continue;
        }
        if (buffer.length === 0) {
          done = true;
          return { done: true, value: undefined };
        }
        return { done: false, value: buffer };
      }
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  const reader = await RecordBatchReader.from(messages);
  await reader.open();
  const batches: RecordBatch[] = [];
  let rows = 0;
  let truncated = false;
  for await (const batch of reader) {
    if (rows + batch.numRows > maxRows) {
      truncated = true;
      const keep = maxRows - rows;
      if (keep > 0) batches.push(batch.slice(0, keep));
      break;
    }
    batches.push(batch);
    rows += batch.numRows;
  }
  // A result left unread holds memory (and its query) until the connection runs something else.
  if (!done) await driver.reset().catch(() => {});
  const table = batches.length > 0 ? new Table(batches) : new Table(reader.schema);
  return { table, truncated };
}
