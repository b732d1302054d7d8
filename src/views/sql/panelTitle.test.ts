import { describe, expect, it } from 'vitest';
import { EXAMPLE_SQL } from './SqlView';
import { MAX_PANEL_TITLE, sqlPanelTitle } from './panelTitle';

describe('a pinned SQL panel is titled by its statement', () => {
  it('skips comments, runs white space together and cuts long statements at a word with an ellipsis', () => {
    expect(sqlPanelTitle('SELECT 1 AS one;')).toBe('SELECT 1 AS one');
    expect(sqlPanelTitle('-- visits by month\n\n  /* draft\n  v2 */\nSELECT month, visits FROM market_monthly')).toBe('SELECT month, visits FROM market_monthly');
    // A formatted statement's lone SELECT goes on with its columns.
    expect(sqlPanelTitle('SELECT\n  month,\n  sum(visitors) AS visitors\nFROM\n  market_monthly\nGROUP BY\n  month')).toBe('SELECT month, sum(visitors) AS visitors FROM market_monthly…');
    expect(sqlPanelTitle("SELECT '-- not a comment' AS a, \"/* name */\" FROM t")).toBe('SELECT \'-- not a comment\' AS a, "/* name */" FROM t');
    expect(sqlPanelTitle('SELECT 1 /* a /* nested */ comment */ + 2')).toBe('SELECT 1 + 2');
    const long = sqlPanelTitle(`SELECT ${Array.from({ length: 30 }, (_, index) => `column_${index}`).join(', ')} FROM wide_table`);
    expect(long.length).toBeLessThanOrEqual(MAX_PANEL_TITLE);
    expect(long).toMatch(/^SELECT column_0, column_1, .*column_\d+,…$/);
    // One long word: cut inside it.
    expect(sqlPanelTitle(`SELECT ${'x'.repeat(100)}`)).toBe(`SELECT ${'x'.repeat(MAX_PANEL_TITLE - 8)}…`);
    // Nothing but comments: the view's name.
    expect(sqlPanelTitle('-- nothing yet\n/* really */')).toBe('SQL');
  });

  it("titles the first visit's example by its statement, not its instructions", () => {
    expect(sqlPanelTitle(EXAMPLE_SQL)).toBe('SELECT month, sum(visitors) AS visitors, sum(orders) AS…');
  });
});
