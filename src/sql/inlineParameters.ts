import { sqlLiteral, type SqlValue } from './literals';

/**
 * The same statement with its parameters written in as literals (through {@link sqlLiteral}), for a person to read,
 * edit and run: `$n` takes the n-th value, a bare `?` the next one. A `$1` or `?` inside a string literal (plain,
 * `E'…'` with backslash escapes, or dollar-quoted `$tag$…$tag$`), a quoted identifier or a comment is left as it is,
 * and so is every character of the statement around the parameters. Throws when a parameter has no value.
 */
export function inlineParameters(sql: string, params: readonly SqlValue[]): string {
  let out = '';
  let index = 0;
  let nextPositional = 0;
  const value = (position: number) => {
    if (position < 0 || position >= params.length) throw new Error(`no value for parameter ${position + 1} of ${params.length}`);
    return sqlLiteral(params[position]!);
  };
  while (index < sql.length) {
    const char = sql[index]!;
    const next = sql[index + 1];
    let end: number;
    if (char === "'") {
      const escaped = index > 0 && /[eE]/.test(sql[index - 1]!) && !/[\w$]/.test(sql[index - 2] ?? ' ');
      end = quotedEnd(sql, index, "'", escaped);
    } else if (char === '"') {
      end = quotedEnd(sql, index, '"', false);
    } else if (char === '-' && next === '-') {
      const newline = sql.indexOf('\n', index);
      end = newline < 0 ? sql.length : newline;
    } else if (char === '/' && next === '*') {
      end = blockCommentEnd(sql, index);
    } else if (char === '$' && /\d/.test(next ?? '') && !/[\w$]/.test(sql[index - 1] ?? ' ')) {
      let digits = index + 1;
      while (digits < sql.length && /\d/.test(sql[digits]!)) digits += 1;
      out += value(Number(sql.slice(index + 1, digits)) - 1);
      index = digits;
      continue;
    } else if (char === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(index));
      if (tag && !/[\w$]/.test(sql[index - 1] ?? ' ')) {
        const close = sql.indexOf(tag[0], index + tag[0].length);
        end = close < 0 ? sql.length : close + tag[0].length;
      } else {
        end = index + 1;
      }
    } else if (char === '?' && /[\s(,=<>!+\-*/]/.test(prevNonSpace(sql, index))) {
      out += value(nextPositional++);
      index += 1;
      continue;
    } else {
      end = index + 1;
    }
    out += sql.slice(index, end);
    index = end;
  }
  return out;
}

/** The index after a quoted string or identifier opening at `start`; a doubled quote (or a backslash escape) stays inside. */
function quotedEnd(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let at = start + 1;
  while (at < sql.length) {
    const char = sql[at]!;
    if (backslashEscapes && char === '\\') {
      at += 2;
      continue;
    }
    if (char === quote) {
      if (sql[at + 1] === quote) {
        at += 2;
        continue;
      }
      return at + 1;
    }
    at += 1;
  }
  return sql.length;
}

/** The index after a block comment opening at `start` (comments nest, as in DuckDB's scanner). */
function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  let at = start;
  while (at < sql.length) {
    if (sql.startsWith('/*', at)) {
      depth += 1;
      at += 2;
    } else if (sql.startsWith('*/', at)) {
      depth -= 1;
      at += 2;
      if (depth === 0) return at;
    } else {
      at += 1;
    }
  }
  return sql.length;
}

/** The last character before `index` that is not white space ('(' at the start, where a value may stand). */
function prevNonSpace(sql: string, index: number): string {
  for (let at = index - 1; at >= 0; at--) if (!/\s/.test(sql[at]!)) return sql[at]!;
  return '(';
}
