/** The longest title a pinned statement gets, ellipsis included. */
export const MAX_PANEL_TITLE = 60;

/**
 * A pinned SQL panel's title: the statement as it starts, without its comments, its white space run together, cut
 * at a word within {@link MAX_PANEL_TITLE} characters with an ellipsis. The text from the first line with something
 * other than comments on it: a formatted statement's lone "SELECT" line goes on with what follows it. Quoted text is
 * kept as written (a `--` inside a string is not a comment).
 */
export function sqlPanelTitle(sql: string): string {
  const text = withoutComments(sql).replace(/\s+/g, ' ').trim().replace(/;$/, '').trim();
  if (text === '') return 'SQL';
  if (text.length <= MAX_PANEL_TITLE) return text;
  const cut = text.slice(0, MAX_PANEL_TITLE - 1);
  // The cut ends a word when a space follows it; else back to the last whole word.
  const space = text[MAX_PANEL_TITLE - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space >= MAX_PANEL_TITLE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The statement without its line and block comments (nested, as DuckDB reads them); strings and names intact. */
function withoutComments(sql: string): string {
  let out = '';
  let index = 0;
  while (index < sql.length) {
    const char = sql[index]!;
    if (char === "'" || char === '"') {
      let end = index + 1;
      while (end < sql.length && !(sql[end] === char && sql[end + 1] !== char)) end += sql[end] === char ? 2 : 1;
      out += sql.slice(index, end + 1);
      index = end + 1;
    } else if (sql.startsWith('--', index)) {
      const newline = sql.indexOf('\n', index);
      index = newline < 0 ? sql.length : newline;
    } else if (sql.startsWith('/*', index)) {
      let depth = 0;
      while (index < sql.length) {
        if (sql.startsWith('/*', index)) {
          depth += 1;
          index += 2;
        } else if (sql.startsWith('*/', index)) {
          depth -= 1;
          index += 2;
          if (depth === 0) break;
        } else {
          index += 1;
        }
      }
      out += ' ';
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}
