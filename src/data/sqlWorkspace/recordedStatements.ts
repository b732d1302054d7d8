import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { Engine, SqlParam } from '../../engine';
import { inlineParameters } from '../../sql/inlineParameters';

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
    query: (sql, params) => {
      into.push({ sql, params: params ?? [] });
      return engine.query(sql, params);
    },
  };
}

/**
 * The SQL behind a query's result as a person can run it in the workspace: each statement with its parameters
 * written in as literals, separated by `;` and a blank line; null when none was recorded for that query.
 */
export function inlinedStatements(statements: readonly RecordedStatement[] | undefined): string | null {
  if (!statements || statements.length === 0) return null;
  return statements.map((statement) => inlineParameters(statement.sql, statement.params).trim()).join(';\n\n');
}

/**
 * The SQL behind the result `data` that a panel shows: the query in `client`'s cache that holds exactly this result,
 * and the statements recorded when it ran. Null when the result did not come from a recorded query (a snapshot's
 * figures, a seeded first paint).
 */
export function sqlForResult(client: QueryClient, data: unknown): string | null {
  if (data === undefined || data === null) return null;
  for (const query of client.getQueryCache().getAll()) {
    if (query.state.data === data) {
      const sql = inlinedStatements(statementsFor(query.queryKey));
      if (sql !== null) return sql;
    }
  }
  return null;
}
