/**
 * A failed query. Carries the SQL that failed and the engine's own error as `cause`, so a person (or a log) can see
 * which statement broke and why without re-running anything.
 */
export class QueryError extends Error {
  override readonly name = 'QueryError';
  readonly sql: string;

  constructor(sql: string, cause: unknown) {
    super(`query failed: ${describeCause(cause)}`, { cause });
    this.sql = sql;
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message.split('\n')[0] ?? cause.message;
  return String(cause);
}
