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
    return literalFor(params[position]!);
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
    } else if (char === '?') {
      // DuckDB has no operator spelled `?`: outside strings, names and comments it is always a parameter.
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

/**
 * A value as a literal that reads back as the same value wherever the parameter stood. A bound number is a DOUBLE;
 * a whole number within ±2^53 is written as it is (DuckDB reads it as an integer of the same value), any other number
 * in scientific notation (`0.1e0`), which DuckDB reads as a DOUBLE, rounded as the bound one was: a plain `0.1` would
 * be a DECIMAL, computed with differently and turned into a DOUBLE a bit off for about one number in fifty. A
 * negative number is in parentheses, so `1-$1` does not become the comment `1--5` and `$1::VARCHAR` or `$1 ^ 2` do
 * not apply to the number before its sign.
 */
function literalFor(value: SqlValue): string {
  if (typeof value !== 'number') return sqlLiteral(value);
  let text = sqlLiteral(value);
  if (Object.is(value, -0)) return '(-0.0e0)';
  if (!Number.isSafeInteger(value) && !text.includes('e')) text += 'e0';
  return value < 0 ? `(${text})` : text;
}
