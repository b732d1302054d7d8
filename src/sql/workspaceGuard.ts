/**
 * What a statement typed into the SQL workspace may be: one read. Decided from DuckDB's own reading of it — its
 * tokenizer (the parser's scanner: a word inside a string, a quoted name or a comment is seen for what it is) and the
 * physical plan of `EXPLAIN` (the operator at the plan's root says what the statement does) — never by searching the
 * text. The engine's settings already keep every file, URL, extension and setting out of reach; this keeps the app's
 * own tables as they are.
 */
import { t } from '../i18n';
import { messages } from './messages';

/** DuckDB-wasm's token kinds (`TokenType`), as src/engine's statement check reads them. */
const TOKEN = { IDENTIFIER: 0, NUMERIC_CONSTANT: 1, STRING_CONSTANT: 2, OPERATOR: 3, KEYWORD: 4, COMMENT: 5 } as const;

/** Where each token of a statement starts and its kind (`tokenize()` of the binding). */
export interface WorkspaceTokens {
  offsets: readonly number[];
  types: readonly number[];
}

/** The first words of the statements that only read. */
const READ_FIRST = new Set(['select', 'with', 'from', 'values', 'table', 'describe', 'summarize', 'pivot', 'unpivot', 'explain', 'show']);

/**
 * Functions refused wherever they are called: they read files (the registered uploads among them) by name, list
 * them, or run SQL given as text, which neither the tokens nor the plan could see into.
 */
const REFUSED_FUNCTIONS = new Set([
  'read_csv',
  'read_csv_auto',
  'sniff_csv',
  'read_parquet',
  'parquet_scan',
  'parquet_metadata',
  'parquet_schema',
  'parquet_file_metadata',
  'parquet_kv_metadata',
  'parquet_bloom_probe',
  'read_json',
  'read_json_auto',
  'read_json_objects',
  'read_json_objects_auto',
  'read_ndjson',
  'read_ndjson_auto',
  'read_ndjson_objects',
  'json_scan',
  'read_text',
  'read_blob',
  'glob',
  'query',
  'query_table',
  'iceberg_scan',
  'delta_scan',
]);

interface Token {
  type: number;
  /** A keyword or identifier lower-cased with its quotes removed; an operator's first character; '' otherwise. */
  word: string;
  /** Where it starts in the statement. */
  at: number;
}

const WORD = /^(?:"(?:[^"]|"")*"|[^\s"'(),;.:[\]{}+\-*/<>=!|&%^~@#?$]+)/;

function readTokens(sql: string, tokens: WorkspaceTokens): Token[] {
  const result: Token[] = [];
  for (let index = 0; index < tokens.offsets.length; index++) {
    const type = tokens.types[index]!;
    if (type === TOKEN.COMMENT) continue;
    const at = tokens.offsets[index]!;
    const slice = sql.slice(at, tokens.offsets[index + 1] ?? sql.length);
    let word = '';
    if (type === TOKEN.KEYWORD || type === TOKEN.IDENTIFIER) {
      word = WORD.exec(slice)?.[0] ?? slice.trim();
      if (word.startsWith('"')) word = word.slice(1, -1).replaceAll('""', '"');
    } else if (type === TOKEN.OPERATOR) {
      word = slice.charAt(0);
    }
    result.push({ type, word: word.toLowerCase(), at });
  }
  return result;
}

const isWord = (token: Token | undefined): token is Token =>
  token !== undefined && (token.type === TOKEN.KEYWORD || token.type === TOKEN.IDENTIFIER);

/**
 * Why the workspace refuses `sql` before planning it, or null: it must be one statement (a `;` may end it, nothing
 * may follow), start with a reading keyword (EXPLAIN only of such a statement, never EXPLAIN ANALYZE, which runs
 * it), call no function that reads a file or runs SQL text, and name no file in place of a table.
 */
export function workspaceTokenRefusal(sql: string, tokens: WorkspaceTokens): string | null {
  const words = readTokens(sql, tokens);
  if (words.length === 0) return t(messages.noStatement);
  const end = words.findIndex((token) => token.type === TOKEN.OPERATOR && token.word === ';');
  if (end >= 0 && words.slice(end + 1).some((token) => !(token.type === TOKEN.OPERATOR && token.word === ';'))) {
    return t(messages.oneStatement);
  }
  let first = 0;
  while (words[first]?.type === TOKEN.OPERATOR && words[first]!.word === '(') first += 1;
  if (words[first]?.word === 'explain') {
    first += 1;
    if (words[first]?.word === 'analyze' || words[first]?.word === '(') return t(messages.explainAnalyze);
  }
  while (words[first]?.type === TOKEN.OPERATOR && words[first]!.word === '(') first += 1;
  const head = words[first];
  if (!isWord(head)) return t(messages.keywordFirst);
  if (!READ_FIRST.has(head.word) || (head.word === 'explain' && first > 0)) {
    return t(messages.notReading, { keyword: head.word.toUpperCase() });
  }
  for (let index = 0; index < words.length; index++) {
    const token = words[index]!;
    const next = words[index + 1];
    if (isWord(token) && REFUSED_FUNCTIONS.has(token.word) && next?.type === TOKEN.OPERATOR && next.word === '(') {
      return t(messages.function, { name: token.word });
    }
    // `FROM 'file.csv'` (a replacement scan) reads a file named by a string.
    if (token.type === TOKEN.STRING_CONSTANT && index > 0) {
      const before = words[index - 1]!;
      if ((isWord(before) && (before.word === 'from' || before.word === 'join')) || (before.type === TOKEN.OPERATOR && before.word === ',' && insideFrom(words, index))) {
        return t(messages.fileByName);
      }
    }
  }
  return null;
}

/** True when the token at `index` stands in a FROM list (the nearest clause keyword before it is FROM or JOIN). */
function insideFrom(words: readonly Token[], index: number): boolean {
  for (let at = index - 1; at >= 0; at--) {
    const word = words[at]!.word;
    if (word === 'from' || word === 'join') return true;
    if (['select', 'where', 'group', 'having', 'order', 'limit', 'on', 'using', 'qualify', 'window', 'values'].includes(word)) return false;
  }
  return false;
}

/** Physical operators that change something or reach outside: refused wherever they stand in the plan. */
const REFUSED_OPERATOR = /^(?:CREATE\w*|INSERT|UPDATE|DELETE|DROP|ALTER|ATTACH|DETACH|COPY\w*|BATCH_COPY\w*|FIXED_BATCH_COPY\w*|EXPORT|IMPORT|PRAGMA|SET|SET_VARIABLE|RESET|LOAD|INSTALL|TRANSACTION|VACUUM|CHECKPOINT|PREPARE|EXECUTE|DEALLOCATE|USE|UPDATE_EXTENSIONS|MERGE_INTO|READ_\w+|PARQUET_\w+|JSON_\w+|GLOB|SNIFF_CSV)$/;

/** The operators of an `EXPLAIN` plan rendered as boxes, in order from the root: each box's first line is its name. */
export function planOperators(plan: string): string[] {
  const names: string[] = [];
  const lines = plan.split('\n');
  for (let index = 1; index < lines.length; index++) {
    // A box starts with a line of ┌─…─┐; the next line holds the operator's name, centred. Boxes stand side by side.
    const top = lines[index - 1]!;
    if (!top.includes('┌')) continue;
    for (const cell of lines[index]!.split('│')) {
      const name = cell.trim();
      if (/^[A-Z][A-Z0-9_]*$/.test(name)) names.push(name);
    }
  }
  return names;
}

/**
 * Why the workspace refuses a statement whose `EXPLAIN` gave `plan` (the `physical_plan` text), or null: no operator
 * of the plan may write, define, attach, copy, set or read a file.
 */
export function workspacePlanRefusal(plan: string): string | null {
  const operators = planOperators(plan);
  if (operators.length === 0) return t(messages.noPlan);
  const refused = operators.find((name) => REFUSED_OPERATOR.test(name));
  if (refused) return t(messages.writes, { operation: refused.replaceAll('_', ' ') });
  return null;
}

/** The statement that shows `sql`'s plan without running it (checked by {@link workspaceTokenRefusal} first). */
export function buildWorkspaceExplain(sql: string): string {
  return `${EXPLAIN_PREFIX}${sql}`;
}
export const EXPLAIN_PREFIX = 'EXPLAIN ';

/**
 * Where in `sql` DuckDB's error `message` points, as a 0-based index into the string, or null. DuckDB says it in one
 * of two ways: a JSON error with `"position"` (a byte offset into the statement it ran, which began with `prefix`),
 * or a text error with `LINE n: <the line, or a window of it>` followed by a caret under the place; "syntax error at
 * end of input" is the end of the statement.
 */
export function duckdbErrorPosition(sql: string, message: string, prefix = ''): number | null {
  const json = /"position"\s*:\s*"?(\d+)"?/.exec(message);
  if (json) {
    const index = byteOffsetToIndex(prefix + sql, Number(json[1])) - prefix.length;
    return index >= 0 && index <= sql.length ? index : null;
  }
  const lines = message.split('\n');
  for (let index = 0; index + 1 < lines.length; index++) {
    const match = /^LINE (\d+): (.*)$/.exec(lines[index]!);
    if (!match) continue;
    const caret = lines[index + 1]!.indexOf('^');
    if (caret < 0) continue;
    const lineNumber = Number(match[1]);
    const shown = match[2]!;
    const column = caret - (lines[index]!.length - shown.length);
    // DuckDB shows a window of a long line, marked by "..." at either end.
    const lead = shown.startsWith('...') ? 3 : 0;
    const excerpt = shown.slice(lead).replace(/\.\.\.$/, '');
    const full = prefix + sql;
    const lineStarts = [0];
    for (let at = full.indexOf('\n'); at >= 0; at = full.indexOf('\n', at + 1)) lineStarts.push(at + 1);
    const lineStart = lineStarts[lineNumber - 1];
    if (lineStart === undefined) return null;
    const lineEnd = full.indexOf('\n', lineStart);
    const lineText = full.slice(lineStart, lineEnd < 0 ? full.length : lineEnd);
    // The whole excerpt first (a window of a line that repeats itself matches only where it is), then its start.
    const whole = excerpt.length > 0 ? lineText.indexOf(excerpt) : -1;
    const found = whole >= 0 ? whole : lineText.indexOf(excerpt.slice(0, Math.max(1, Math.min(excerpt.length, 40))));
    if (found < 0) return null;
    const position = lineStart + found + indexAtWidth(excerpt, Math.max(0, column - lead)) - prefix.length;
    return position >= 0 && position <= sql.length ? position : null;
  }
  // A statement cut short: DuckDB names no place, the place is its end.
  if (/syntax error at end of input/i.test(message)) return sql.replace(/[\s;]+$/, '').length;
  return null;
}

/**
 * The string index at display column `column` of `text`, counted as DuckDB places its caret: by grapheme, each as wide
 * as utf8proc says its first code point is (2 for CJK, Hangul and emoji, 1 for a flag, 0 for a tab or a control).
 */
function indexAtWidth(text: string, column: number): number {
  let width = 0;
  for (const { segment, index } of graphemes(text)) {
    if (width >= column) return index;
    width += renderWidth(segment);
  }
  return text.length;
}

function graphemes(text: string): Iterable<{ segment: string; index: number }> {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) return new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text);
  const points: { segment: string; index: number }[] = [];
  let index = 0;
  for (const segment of text) {
    points.push({ segment, index });
    index += segment.length;
  }
  return points;
}

/** Wide (East Asian Wide and Fullwidth) ranges that utf8proc draws two columns wide. */
const WIDE = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x20000, 0x3fffd],
] as const;

function renderWidth(grapheme: string): number {
  const code = grapheme.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0) || /^[\p{Cf}\p{Zl}\p{Zp}\p{M}]/u.test(grapheme)) return 0;
  if (code >= 0x1f1e6 && code <= 0x1f1ff) return 1;
  if (/^\p{Emoji_Presentation}/u.test(grapheme) || WIDE.some(([from, to]) => code >= from && code <= to)) return 2;
  return 1;
}

/** The string index at UTF-8 byte offset `bytes` of `text`. */
function byteOffsetToIndex(text: string, bytes: number): number {
  let seen = 0;
  let index = 0;
  for (const character of text) {
    if (seen >= bytes) break;
    const code = character.codePointAt(0)!;
    seen += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    index += character.length;
  }
  return index;
}
