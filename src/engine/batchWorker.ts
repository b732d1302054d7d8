/**
 * The worker's end of statement batches (statementBatcher.ts): the page sends the statements of one interaction as
 * one message over a port of their own, and this runs them in order on DuckDB's main connection, each checked and,
 * with parameters, prepared, run and closed, answering each as it finishes. It talks to DuckDB's own message
 * handler with the requests duckdb-wasm's client would send (the same dispatcher, the same bindings), and keeps its
 * answers from the page. Between two statements it yields, so a cancellation sent meanwhile is read in time.
 */
import { refusedStatementError, statementRefusal } from './statementGuard';
import type { SqlParam, StatementTokens } from './types';

/** One statement of a batch as it travels to the worker. */
export interface BatchItem {
  id: number;
  sql: string;
  params: SqlParam[] | null;
  check: boolean;
}

/** What the page sends over the batch port. */
export type BatchRequest = { type: 'batch'; connection: number; items: BatchItem[] } | { type: 'cancel'; ids: number[] };

/** What the worker answers, one message per statement. */
export type BatchReply =
  | { id: number; buffer: Uint8Array }
  | { id: number; error: { name: string; message: string } }
  | { id: number; cancelled: true };

/** A response of duckdb-wasm's worker dispatcher. */
interface DuckDBResponse {
  requestId: number;
  type: string;
  data: unknown;
}

interface WorkerScope {
  onmessage: ((event: { data: unknown }) => unknown) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

/** Request ids of our own, far above the client's (which count up from 0). */
let nextRequestId = 2 ** 40;

/**
 * Serves the batches that arrive on `port`. `scope` is the worker's global scope, where DuckDB's worker script has
 * set `onmessage` (its handler) and calls `postMessage` to answer.
 */
export function serveBatches(port: MessagePort, scope: WorkerScope): void {
  const waiting = new Map<number, (response: DuckDBResponse) => void>();
  const post = scope.postMessage.bind(scope);
  scope.postMessage = (message: unknown, transfer?: Transferable[]) => {
    const response = message as Partial<DuckDBResponse> | null;
    const resolve = typeof response?.requestId === 'number' ? waiting.get(response.requestId) : undefined;
    if (!resolve) return post(message, transfer ?? []);
    waiting.delete(response!.requestId!);
    resolve(response as DuckDBResponse);
  };
  /** Sends one request to DuckDB's handler, as the client would, and returns its answer's data. */
  async function request(type: string, data: unknown): Promise<unknown> {
    const messageId = nextRequestId++;
    const answered = new Promise<DuckDBResponse>((resolve) => waiting.set(messageId, resolve));
    await scope.onmessage?.({ data: { messageId, type, data } });
    const response = await answered;
    if (response.type === 'ERROR') {
      const { name, message } = response.data as { name: string; message: string };
      throw Object.assign(new Error(message), { name });
    }
    return response.data;
  }
  const checked = new Set<string>();
  async function run(connection: number, item: BatchItem): Promise<Uint8Array> {
    if (item.check && !checked.has(item.sql)) {
      const refusal = statementRefusal(item.sql, (await request('TOKENIZE', item.sql)) as StatementTokens);
      if (refusal !== null) throw refusedStatementError(refusal);
      if (checked.size >= 1000) checked.clear();
      checked.add(item.sql);
    }
    if (!item.params || item.params.length === 0) return (await request('RUN_QUERY', [connection, item.sql])) as Uint8Array;
    const statement = await request('CREATE_PREPARED', [connection, item.sql]);
    try {
      return (await request('RUN_PREPARED', [connection, statement, item.params])) as Uint8Array;
    } finally {
      await request('CLOSE_PREPARED', [connection, statement]).catch(() => {});
    }
  }

  const queue: { connection: number; item: BatchItem }[] = [];
  const cancelled = new Set<number>();
  let draining = false;
  async function drain(): Promise<void> {
    draining = true;
    while (queue.length > 0) {
      const { connection, item } = queue.shift()!;
      if (cancelled.delete(item.id)) {
        port.postMessage({ id: item.id, cancelled: true } satisfies BatchReply);
        continue;
      }
      try {
        const buffer = await run(connection, item);
        port.postMessage({ id: item.id, buffer } satisfies BatchReply, [buffer.buffer]);
      } catch (error) {
        const { name, message } = error instanceof Error ? error : new Error(String(error));
        port.postMessage({ id: item.id, error: { name, message } } satisfies BatchReply);
      }
      if (queue.length > 0) await yieldToMessages();
    }
    cancelled.clear();
    draining = false;
  }
  port.onmessage = (event: MessageEvent<BatchRequest>) => {
    const message = event.data;
    if (message.type === 'cancel') {
      for (const id of message.ids) cancelled.add(id);
      return;
    }
    for (const item of message.items) queue.push({ connection: message.connection, item });
    if (!draining) void drain();
  };
}

/** Lets the worker read the messages that arrived meanwhile (a MessageChannel task: no timer clamping). */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
