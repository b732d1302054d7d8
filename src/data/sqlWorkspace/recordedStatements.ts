import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { Engine, SqlParam } from '../../engine';

/** One statement a view's query ran, with the values bound to its parameters. */
export interface RecordedStatement {
  sql: string;
  params: readonly SqlParam[];
}

/** The statements behind one query's result, by the query's key. */
export interface RecordedStatements {
  queryKey: QueryKey;
  statements: readonly RecordedStatement[];
}

/** The statements of the most recent results, by hashed query key; the oldest are forgotten past the cap. */
const recorded = new Map<string, RecordedStatements>();
const MAX_RECORDED = 500;

/** Keeps the statements that produced the result of `queryKey` (the newest run wins). */
export function recordStatements(queryKey: QueryKey, statements: readonly RecordedStatement[]): void {
  const hash = hashKey(queryKey);
  recorded.delete(hash);
  recorded.set(hash, { queryKey, statements });
  if (recorded.size > MAX_RECORDED) recorded.delete(recorded.keys().next().value!);
}

/** The statements recorded for `queryKey`, or undefined. */
export function statementsFor(queryKey: QueryKey): readonly RecordedStatement[] | undefined {
  return recorded.get(hashKey(queryKey))?.statements;
}

/** Every recorded query, oldest first (for tests and debugging). */
export function recordedStatements(): RecordedStatements[] {
  return [...recorded.values()];
}

/** `engine`, except that every statement it runs through `query` is also pushed onto `into`. */
export function recordingEngine(engine: Engine, into: RecordedStatement[]): Engine {
  return {
    ...engine,
    query: (sql, params, options) => {
      into.push({ sql, params: params ?? [] });
      return engine.query(sql, params, options);
    },
  };
}

/**
 * Whether the result `data` a panel shows came from a query whose statements were recorded (cheap: no SQL text is
 * written; "Show SQL" writes it when clicked, see showSql.ts).
 */
export function hasRecordedStatements(client: QueryClient, data: unknown): boolean {
  if (data === undefined || data === null) return false;
  return client
    .getQueryCache()
    .getAll()
    .some((query) => query.state.data === data && (statementsFor(query.queryKey)?.length ?? 0) > 0);
}
