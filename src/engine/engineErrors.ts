import { QueryError } from './QueryError';
import { t } from '../i18n';
import { messages } from './messages';

// The engine's fatal errors, apart from the connection code (connectionEngine.ts) so that the app's first chunk,
// which reports them, does not pull that code and Arrow in with it.

/**
 * The start of the messages of DuckDB's INTERNAL and FATAL exceptions, which invalidate the database (every later
 * statement fails with "FATAL Error: Failed: database has been invalidated…"). DuckDB writes its exception type
 * first, before any text of the query or the data ("Catalog Error: Table with name FATAL Error… does not exist",
 * "Invalid Input Error: FATAL Error" from `error()`), so a name or a value can never stand at the start.
 */
const DUCKDB_FATAL_MESSAGE = /^(?:INTERNAL|FATAL) Error: /;

/**
 * A wasm trap (out-of-bounds access, `unreachable`, emscripten's `abort()`): the module is then in an unknown state.
 * The worker reports it as an error whose `name` is `RuntimeError` — the JS class of the trap, copied by
 * duckdb-wasm's worker into its error reply (`failWith`: name, message, stack) — never from the message's text.
 */
function isWasmTrap(error: Error): boolean {
  return (typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError) || error.name === 'RuntimeError';
}

/**
 * True when an engine error means the instance is dead and must be replaced: the engine said so
 * ({@link EngineDiedError}), the wasm module trapped, or DuckDB raised an INTERNAL or FATAL exception. Read from the
 * error's class and name, and from the type DuckDB writes at the start of its messages; never from text that a
 * table name or a value could put there. Follows `cause` (a {@link QueryError} carries the driver's error).
 */
export function isFatalEngineError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth++) {
    if (current instanceof EngineDiedError || isWasmTrap(current)) return true;
    // A QueryError's own message repeats the cause's with a prefix; DuckDB's type is read from the cause.
    if (!(current instanceof QueryError) && DUCKDB_FATAL_MESSAGE.test(current.message)) return true;
  }
  return false;
}

/** The engine's instance died: every operation on it fails with this error. */
export class EngineDiedError extends Error {
  constructor(cause: Error) {
    super(t(messages.stopped, { reason: cause.message }), { cause });
    this.name = 'EngineDiedError';
  }
}

