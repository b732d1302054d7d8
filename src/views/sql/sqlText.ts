/** A statement inside the editor's text: what to run, and where it starts (to place an error's position). */
export interface StatementRange {
  text: string;
  /** Offset of `text`'s first character in the whole document. */
  from: number;
}

/**
 * The statements of a script, split at semicolons that are not inside a string ('…'), a quoted name ("…"), a
 * dollar-quoted string ($$…$$ or $tag$…$tag$), a line comment (-- …) or a block comment. Each range runs from just
 * after the previous semicolon to its own semicolon (excluded); the last one runs to the end of the text.
 */
export function statementRanges(script: string): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  let start = 0;
  let index = 0;
  while (index < script.length) {
    const character = script[index]!;
    const next = script[index + 1];
    if (character === "'" || character === '"') {
      index = closingQuote(script, index + 1, character);
    } else if (character === '-' && next === '-') {
      const end = script.indexOf('\n', index + 2);
      index = end === -1 ? script.length : end + 1;
    } else if (character === '/' && next === '*') {
      const end = script.indexOf('*/', index + 2);
      index = end === -1 ? script.length : end + 2;
    } else if (character === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(script.slice(index, index + 64))?.[0];
      if (tag) {
        const end = script.indexOf(tag, index + tag.length);
        index = end === -1 ? script.length : end + tag.length;
      } else {
        index++;
      }
    } else if (character === ';') {
      ranges.push({ from: start, to: index });
      start = ++index;
    } else {
      index++;
    }
  }
  ranges.push({ from: start, to: script.length });
  return ranges;
}

/** Past a quoted part: a doubled quote is an escaped one. */
function closingQuote(script: string, index: number, quote: string): number {
  while (index < script.length) {
    if (script[index] === quote) {
      if (script[index + 1] === quote) index += 2;
      else return index + 1;
    } else {
      index++;
    }
  }
  return script.length;
}

/** Whether a piece of SQL holds nothing to run: only blanks and comments. */
export function isBlankSql(piece: string): boolean {
  return piece.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?(\*\/|$)/g, '').trim() === '';
}

/**
 * What Ctrl/Cmd+Enter runs: the selection when there is one, else the statement the cursor is in (a cursor just
 * after a semicolon on its line, or on blank lines after the last statement, belongs to the statement before). Null when there is
 * nothing to run.
 */
export function statementAt(script: string, selectionFrom: number, selectionTo = selectionFrom): StatementRange | null {
  if (selectionTo !== selectionFrom) {
    const from = Math.min(selectionFrom, selectionTo);
    return trimmed(script.slice(from, Math.max(selectionFrom, selectionTo)), from);
  }
  const ranges = statementRanges(script);
  let found = ranges.findIndex((range) => selectionFrom >= range.from && selectionFrom <= range.to);
  if (found === -1) found = ranges.length - 1;
  // Just after a semicolon, on its line: the statement that semicolon ends.
  if (found > 0 && /^[ \t]*$/.test(script.slice(ranges[found]!.from, selectionFrom))) found--;
  for (let index = found; index >= 0; index--) {
    const range = ranges[index]!;
    const piece = script.slice(range.from, range.to);
    if (!isBlankSql(piece)) return trimmed(piece, range.from);
  }
  // The cursor is before every statement (on leading blank lines): the first one.
  for (const range of ranges.slice(found + 1)) {
    const piece = script.slice(range.from, range.to);
    if (!isBlankSql(piece)) return trimmed(piece, range.from);
  }
  return null;
}

function trimmed(piece: string, from: number): StatementRange | null {
  if (isBlankSql(piece)) return null;
  const lead = piece.length - piece.trimStart().length;
  return { text: piece.trim(), from: from + lead };
}
