import { describe, expect, it } from 'vitest';
import { t } from '../../i18n';
import { MAX_TEXT } from '../../state/resultSchemas';
import { MAX_COLUMN_NAME, MAX_SQL_TEXT, SQL_CHARTS, SNAPSHOT_MAX_CELLS, SNAPSHOT_MAX_ROWS, sql as sqlView } from './declaration';
import { copiedRowCount, resultRows, sqlResultQuery, statementKey, toResultData } from './sqlResultQuery';
import type { WorkspaceResult } from './workspaceApi';

function fakeResult(rowCount: number, columns = 2): WorkspaceResult {
  return {
    columns: Array.from({ length: columns }, (_, index) => ({ name: `c${index}`, type: 'DOUBLE', kind: 'number' as const })),
    rowCount,
    truncated: false,
    cell: (row, column) => (column === 1 && row === 0 ? Number.NaN : row * 10 + column),
    elapsedMs: 5,
    sql: 'SELECT …',
  };
}

describe('the SQL result as the query cache holds it', () => {
  it('copies the first rows within the caps, as JSON a snapshot accepts, and keeps the whole answer beside it', () => {
    const result = fakeResult(5_000);
    const data = toResultData(result);
    expect(data.rows).toHaveLength(SNAPSHOT_MAX_ROWS);
    // JSON has no NaN: a non-finite number is copied as null.
    expect(data.rows[0]).toEqual([0, null]);
    const wire = JSON.parse(JSON.stringify(data)) as unknown;
    expect(Object.keys(wire as object).sort()).toEqual(['columns', 'elapsedMs', 'rowCount', 'rows', 'sql', 'truncated']);
    expect(sqlView.snapshot.sqlResult!.safeParse(wire).success).toBe(true);
    // On this page, every row; from the copy (a snapshot), the first ones, and it says so.
    expect(resultRows(data)).toMatchObject({ rowCount: 5_000, complete: true });
    expect(resultRows(data).cell(4_999, 0)).toBe(49_990);
    expect(resultRows(wire as typeof data)).toMatchObject({ rowCount: SNAPSHOT_MAX_ROWS, complete: false });
  });

  it('copies fewer rows of a wide result, and all of a small one', () => {
    expect(copiedRowCount(100, 5_000)).toBe(SNAPSHOT_MAX_CELLS / 100);
    expect(copiedRowCount(3, 12)).toBe(12);
    expect(copiedRowCount(0, 12)).toBe(12);
  });

  it('keys the statement in pieces a snapshot key may hold, and runs nothing for a blank statement', () => {
    const long = 'x'.repeat(MAX_TEXT * 2 + 1);
    expect(statementKey(long).map((piece) => piece.length)).toEqual([MAX_TEXT, MAX_TEXT, 1]);
    expect(statementKey(long).join('')).toBe(long);
    expect(sqlResultQuery('SELECT 1').queryKey).toEqual(['sqlResult', ['SELECT 1']]);
    expect(sqlResultQuery('  ').enabled).toBe(false);
  });
});

describe('the settings in a link', () => {
  it('says its limits and choices as they are', () => {
    expect(t(sqlView.settings.sql.expected)).toBe(`an SQL statement of at most ${MAX_SQL_TEXT.toLocaleString('en-US')} characters`);
    expect(sqlView.settings.sql.read.safeParse('x'.repeat(MAX_SQL_TEXT)).success).toBe(true);
    expect(sqlView.settings.sql.read.safeParse('x'.repeat(MAX_SQL_TEXT + 1)).success).toBe(false);
    expect(t(sqlView.settings.sqlX.expected)).toBe(`a column name of at most ${MAX_COLUMN_NAME} characters`);
    expect(t(sqlView.settings.sqlChart.expected)).toBe(SQL_CHARTS.join(', '));
  });
});
