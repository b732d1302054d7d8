// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { FixedViewStateProvider } from '../useViewState';
import { installResizeObserverStub, renderWithQueryData, testOptions, testViewProps } from '../shared/viewTestKit';
import { sqlResultQuery, type SqlResultData } from './sqlResultQuery';
import { SqlView } from './SqlView';

beforeAll(installResizeObserverStub);
afterEach(cleanup);

const SQL = "SELECT DATE '2024-01-01' AS month, 1234567 AS visits";
// As a snapshot carries it: the first rows only, the count of all.
const COPY: SqlResultData = {
  sql: SQL,
  columns: [
    { name: 'month', type: 'DATE', kind: 'date' },
    { name: 'visits', type: 'BIGINT', kind: 'number' },
  ],
  rows: [
    ['2024-01-01', 1234567],
    ['2024-02-01', 7.5],
  ],
  rowCount: 5000,
  truncated: false,
  elapsedMs: 1234,
};

describe('SqlView on a dashboard (read-only)', () => {
  it('shows the result from its copy, says how much of it the copy holds, and draws the chart the link asks for', () => {
    const props = testViewProps({ options: testOptions({ tab: 'sql', sql: SQL, sqlChart: 'auto' }) });
    renderWithQueryData(
      <FixedViewStateProvider search={`v=1&tab=sql&sql=${encodeURIComponent(SQL)}&sqlChart=auto`}>
        <SqlView {...props} />
      </FixedViewStateProvider>,
      [[sqlResultQuery(SQL).queryKey, COPY]],
    );
    expect(screen.getByTestId('sql-row-count').textContent).toBe('5,000 rows');
    expect(screen.getByTestId('sql-status').textContent).toContain('1.2 s');
    expect(screen.getByTestId('sql-result-note').textContent).toBe('This copy holds the first 2 of the result’s 5,000 rows; the table, chart and download show those.');
    expect(screen.getByTestId('sql-chart').getAttribute('data-chart-type')).toBe('line');
    expect(screen.getByTestId('sql-statement').textContent).toBe(SQL);
    const headers = screen.getAllByTestId('sql-column-header').map((header) => header.textContent);
    expect(headers).toEqual(['monthDATE', 'visitsBIGINT']);
    // No editing on a dashboard, and no title of its own for a pin.
    expect(screen.queryByTestId('sql-editor')).toBeNull();
    expect(screen.getByTestId('sql-view').getAttribute('data-pin-title')).toBeNull();
    expect(screen.queryByTestId('sql-chart-type')).toBeNull();
  });
});

describe('SqlView in the workspace', () => {
  it('offers the suggested chart in one click, and changes the chart type through the link', () => {
    const update = vi.fn();
    const props = testViewProps({ options: testOptions({ tab: 'sql', sql: SQL }), update });
    renderWithQueryData(<SqlView {...props} />, [[sqlResultQuery(SQL).queryKey, COPY]]);
    expect(screen.queryByTestId('sql-chart')).toBeNull();
    fireEvent.click(screen.getByTestId('sql-chart-it'));
    expect(update).toHaveBeenLastCalledWith({ sqlChart: 'auto' });
    fireEvent.change(screen.getByTestId('sql-chart-type'), { target: { value: 'scatter' } });
    expect(update).toHaveBeenLastCalledWith({ sqlChart: 'scatter' });
    // The link's statement is in the editor's active tab.
    expect(document.querySelector('.cm-content')!.textContent).toContain("DATE '2024-01-01'");
  });
});
