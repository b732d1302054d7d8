import { describe, expect, it } from 'vitest';
import { isBlankSql, statementAt, statementRanges } from './sqlText';

describe('statementAt', () => {
  const script = "SELECT 1;\n\nSELECT 'a;b' AS \"x;y\" -- c;d\n, 2;\n/* e; */ SELECT 3";

  it('gives the statement the cursor is in, with its offset, ignoring semicolons in strings, names and comments', () => {
    const second = script.indexOf("SELECT 'a");
    const picked = statementAt(script, second + 3)!;
    expect(picked.text).toBe("SELECT 'a;b' AS \"x;y\" -- c;d\n, 2");
    expect(picked.from).toBe(second);
    expect(script.slice(picked.from, picked.from + picked.text.length)).toBe(picked.text);
    const third = statementAt(script, script.length)!;
    expect(third.text).toBe('/* e; */ SELECT 3');
    expect(statementAt(script, 2)!.text).toBe('SELECT 1');
  });

  it('gives the statement before when the cursor is just after a semicolon or on a blank line after it', () => {
    expect(statementAt(script, script.indexOf(';') + 1)!.text).toBe('SELECT 1');
    expect(statementAt('SELECT 1;\n\n', 10)!.text).toBe('SELECT 1');
    expect(statementAt('\n\nSELECT 2', 0)!.text).toBe('SELECT 2');
  });

  it('gives the selection when there is one, whichever way it was made', () => {
    expect(statementAt(script, 0, 8)).toEqual({ text: 'SELECT 1', from: 0 });
    expect(statementAt(script, 8, 0)).toEqual({ text: 'SELECT 1', from: 0 });
    expect(statementAt('  SELECT 9  ', 0, 12)).toEqual({ text: 'SELECT 9', from: 2 });
  });

  it('gives nothing for blanks and comments alone', () => {
    expect(statementAt('', 0)).toBeNull();
    expect(statementAt(' -- only a note\n /* and this */ ;', 3)).toBeNull();
    expect(isBlankSql('-- x\n')).toBe(true);
    expect(isBlankSql('-- x\nSELECT')).toBe(false);
  });

  it('keeps dollar-quoted strings and doubled quotes whole', () => {
    expect(statementRanges("SELECT $$a;b$$; SELECT 'it''s;'").map((range) => range.to - range.from)).toEqual([14, 16]);
    expect(statementRanges('SELECT $t$;$t$').length).toBe(1);
  });
});
