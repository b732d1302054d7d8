/**
 * The statement check: what the engine's settings cannot forbid, the app refuses before DuckDB runs it. It reads the
 * statement through DuckDB's own tokenizer (the parser's scanner), so a name inside a string literal, a quoted
 * identifier or a comment is seen for what it is — never by searching the SQL text.
 */

/** DuckDB-wasm's token kinds (`TokenType` of `@duckdb/duckdb-wasm`; repeated here to keep the module out of the entry bundle). */
export const TOKEN = { IDENTIFIER: 0, NUMERIC_CONSTANT: 1, STRING_CONSTANT: 2, OPERATOR: 3, KEYWORD: 4, COMMENT: 5 } as const;

export type { StatementTokens } from './types';
import type { StatementTokens } from './types';

/**
 * The statements the app itself sends, by first keyword (after `EXPLAIN [ANALYZE]`): queries, and the tables it
 * builds, fills, renames and drops. Everything else — ATTACH, DETACH, COPY, EXPORT, IMPORT, INSTALL, LOAD, SET,
 * RESET, PRAGMA, CALL, USE, CHECKPOINT, transactions — is refused.
 */
const ALLOWED_FIRST = new Set(['select', 'with', 'from', 'values', 'table', 'create', 'insert', 'update', 'delete', 'drop', 'alter', 'describe', 'summarize', 'pivot', 'unpivot']);

/** What CREATE and DROP may name: never a SECRET (credentials for remote file systems). */
const ALLOWED_OBJECTS = new Set(['table', 'view', 'index', 'macro', 'function', 'type', 'sequence', 'schema']);
/** Words that may stand between CREATE/DROP and the object's kind. */
const OBJECT_MODIFIERS = new Set(['or', 'replace', 'temp', 'temporary', 'unique']);

/**
 * Functions refused wherever they are called: they list or read the registered files as raw text or bytes
 * (`glob`, `read_text`, `read_blob`), or run SQL given as a string, which the token check could not see into
 * (`query`, `query_table`).
 */
const REFUSED_FUNCTIONS = new Set(['glob', 'read_text', 'read_blob', 'query', 'query_table']);

interface Token {
  type: number;
  /** A keyword or identifier lower-cased, quotes removed; an operator's first character; '' for a constant. */
  word: string;
}

/** A quoted identifier, or a bare word: the start of a token's slice (comments after it belong to the same slice). */
const WORD = /^(?:"(?:[^"]|"")*"|[^\s"'(),;.:[\]{}+\-*/<>=!|&%^~@#?$]+)/;

function readTokens(sql: string, tokens: StatementTokens): Token[] {
  const result: Token[] = [];
  // DuckDB's offsets count UTF-8 bytes, not UTF-16 code units: read the slices from the bytes, or every token after
  // a name or string outside ASCII (Россия, ÅLAND) would be read from the wrong place — a `;` inside `delim = ';'`
  // taken for the end of a statement, or a refused function's name missed.
  const bytes = new TextEncoder().encode(sql);
  const decoder = new TextDecoder();
  for (let index = 0; index < tokens.offsets.length; index++) {
    const type = tokens.types[index]!;
    if (type === TOKEN.COMMENT) continue;
    // A token runs to the next one's offset, with whatever whitespace and comments stand between them.
    const slice = decoder.decode(bytes.subarray(tokens.offsets[index], tokens.offsets[index + 1] ?? bytes.length));
    let word: string;
    if (type === TOKEN.KEYWORD || type === TOKEN.IDENTIFIER) {
      word = WORD.exec(slice)?.[0] ?? slice.trim();
      if (word.startsWith('"')) word = word.slice(1, -1).replaceAll('""', '"');
    } else {
      word = type === TOKEN.OPERATOR ? slice.charAt(0) : '';
    }
    result.push({ type, word: word.toLowerCase() });
  }
  return result;
}

/**
 * Why the app refuses to run `sql`, or null when it is one of the kinds of statement the app sends. `tokens` is
 * DuckDB's tokenization of `sql` (`tokenize()` of the binding).
 */
export function statementRefusal(sql: string, tokens: StatementTokens): string | null {
  const words = readTokens(sql, tokens);
  const isWord = (token: Token | undefined) => token !== undefined && (token.type === TOKEN.KEYWORD || token.type === TOKEN.IDENTIFIER);
  // One statement only: a `;` may end it, nothing may follow.
  const end = words.findIndex((token) => token.type === TOKEN.OPERATOR && token.word === ';');
  if (end >= 0 && end < words.length - 1) return 'several statements in one query';
  let first = 0;
  while (words[first] && (words[first]!.word === 'explain' || words[first]!.word === 'analyze' || words[first]!.word === '(')) first += 1;
  const head = words[first];
  if (!isWord(head)) return 'not a statement the app runs';
  if (!ALLOWED_FIRST.has(head!.word)) return `${head!.word.toUpperCase()} statements are not run`;
  if (head!.word === 'create' || head!.word === 'drop') {
    let next = first + 1;
    while (words[next] && OBJECT_MODIFIERS.has(words[next]!.word)) next += 1;
    const kind = words[next]?.word ?? '';
    if (!ALLOWED_OBJECTS.has(kind)) return `${head!.word.toUpperCase()} ${kind.toUpperCase()} is not run`;
  }
  for (let index = 0; index + 1 < words.length; index++) {
    const token = words[index]!;
    if (isWord(token) && REFUSED_FUNCTIONS.has(token.word) && words[index + 1]!.type === TOKEN.OPERATOR && words[index + 1]!.word === '(') {
      return `the function ${token.word}() is not available`;
    }
  }
  return null;
}

/** The error a refused statement fails with (wrapped in a QueryError by the engine), wherever it was checked. */
export function refusedStatementError(refusal: string): Error {
  return new Error(`Permission Error: ${refusal} (refused by Marketscope)`);
}
