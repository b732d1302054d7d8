import { useMemo } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '../../lib/errors';
import { EmptyState, Skeleton } from '../../ui/Panel';
import { ControlBar, ControlSelect } from '../shared/ControlSelect';
import type { ViewProps } from '../shared/viewProps';
import { chartWord, resolveChart, suggestChart, xCandidates, yCandidates } from './chartSuggestion';
import type { SqlChart } from './declaration';
import { ResultChart } from './ResultChart';
import { ResultTable } from './ResultTable';
import { resultRows, type SqlResultData } from './sqlResultQuery';
import { WORKSPACE_MAX_ROWS, WorkspaceQueryError } from './workspaceApi';

const count = (value: number) => value.toLocaleString('en-US');
export const seconds = (ms: number) => `${(ms / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;

/** Why a statement failed, for people: DuckDB's own message, introduced by what kind of failure it was. */
export function failureTitle(error: unknown): string {
  if (!(error instanceof WorkspaceQueryError)) return 'The statement failed';
  switch (error.kind) {
    case 'refused':
      return 'Refused: the workspace only reads';
    case 'syntax':
      return 'Syntax error';
    case 'binder':
      return 'Unknown name or wrong type';
    case 'memory':
      return 'Out of memory';
    case 'cancelled':
      return 'Cancelled';
    default:
      return 'The statement failed';
  }
}

export interface SqlResultsProps {
  query: UseQueryResult<SqlResultData>;
  options: ViewProps['options'];
  update: ViewProps['update'];
  readOnly: boolean;
  cancelled: boolean;
}

/** The last result: its size and time, the chart picked for it, the table, the CSV download; or why there is none. */
export function SqlResults({ query, options, update, readOnly, cancelled }: SqlResultsProps) {
  const data = query.data;
  const rows = useMemo(() => (data ? resultRows(data) : null), [data]);
  if (query.isError) {
    return (
      <div className="state state-error sql-error" role="alert" data-testid="sql-error">
        <p className="state-title">{failureTitle(query.error)}</p>
        <pre className="state-detail sql-error-message">{errorMessage(query.error)}</pre>
      </div>
    );
  }
  if (!data || !rows) {
    if (query.isFetching) return readOnly ? <Skeleton height={240} label="Running the statement" /> : null;
    return cancelled ? (
      <p className="sql-status" role="status" data-testid="sql-cancelled">
        Cancelled: the statement was stopped before it finished. Nothing was changed.
      </p>
    ) : (
      <EmptyState>
        <p>{options.sql ? 'Not run yet.' : 'Write a statement and run it with Ctrl+Enter (⌘+Enter on a Mac) or the Run button.'}</p>
      </EmptyState>
    );
  }
  const { plan, notes, reason } = resolveChart(data.columns, { chart: options.sqlChart, x: options.sqlX, y: options.sqlY });
  const suggested = suggestChart(data.columns);
  const sizeNotes: string[] = [];
  if (data.truncated) sizeNotes.push(`The statement returned more than ${count(WORKSPACE_MAX_ROWS)} rows: only the first ${count(data.rowCount)} are held here. Add a LIMIT or aggregate.`);
  if (!rows.complete) sizeNotes.push(`This copy holds the first ${count(rows.rowCount)} of the result’s ${count(data.rowCount)} rows; the table, chart and download show those.`);
  const download = () => void import('./resultCsv').then(({ downloadResultCsv }) => downloadResultCsv(data, rows));
  return (
    <section className="sql-results" aria-label="Result" data-testid="sql-results">
      <p className="sql-status" role="status" data-testid="sql-status">
        <strong data-testid="sql-row-count">
          {count(data.rowCount)} {data.rowCount === 1 ? 'row' : 'rows'}
        </strong>{' '}
        · {count(data.columns.length)} {data.columns.length === 1 ? 'column' : 'columns'} · {seconds(data.elapsedMs)}
      </p>
      {[...sizeNotes, ...notes].map((note) => (
        <p key={note} className="sql-notes" data-testid="sql-result-note">
          {note}
        </p>
      ))}
      {readOnly ? null : (
        <ControlBar label="Result options">
          <ControlSelect<SqlChart>
            label="Show"
            testId="sql-chart-type"
            value={options.sqlChart}
            options={[
              { value: 'table', label: 'Table only' },
              { value: 'auto', label: suggested ? `Suggested: ${chartWord(suggested.type)}` : 'Suggested chart (none fits)' },
              { value: 'line', label: 'Line chart' },
              { value: 'bar', label: 'Bar chart' },
              { value: 'scatter', label: 'Scatter plot' },
            ]}
            onChange={(sqlChart) => update({ sqlChart })}
          />
          {plan ? (
            <>
              <ControlSelect
                label={plan.type === 'line' ? 'Time axis' : plan.type === 'bar' ? 'Bars per' : 'X axis'}
                testId="sql-chart-x"
                value={plan.x}
                options={xCandidates(plan.type, data.columns).map((column) => ({ value: column.name, label: column.name }))}
                onChange={(sqlX) => update({ sqlX, sqlY: null })}
              />
              <ControlSelect
                label={plan.type === 'scatter' ? 'Y axis' : 'Measure'}
                testId="sql-chart-y"
                value={options.sqlY !== null && plan.y.length === 1 ? plan.y[0]! : plan.type === 'line' && plan.y.length > 1 ? '' : plan.y[0]!}
                options={[
                  ...(plan.type === 'line' ? [{ value: '', label: 'Every number column' }] : []),
                  ...yCandidates(data.columns, plan.x).map((column) => ({ value: column.name, label: column.name })),
                ]}
                onChange={(sqlY) => update({ sqlY: sqlY === '' ? null : sqlY })}
              />
            </>
          ) : null}
          {options.sqlChart === 'table' && suggested ? (
            <button type="button" className="button" onClick={() => update({ sqlChart: 'auto' })} data-testid="sql-chart-it">
              Chart it ({chartWord(suggested.type)})
            </button>
          ) : null}
          <button type="button" className="button button-quiet" onClick={download} data-testid="sql-csv">
            Download CSV
          </button>
        </ControlBar>
      )}
      {reason ? (
        <p className="sql-notes" data-testid="sql-chart-reason">
          {reason}
        </p>
      ) : null}
      {plan ? <ResultChart plan={plan} columns={data.columns} rows={rows} /> : null}
      {data.columns.length > 0 ? <ResultTable columns={data.columns} rows={rows} label={`Result of the statement, ${count(rows.rowCount)} rows`} /> : null}
    </section>
  );
}
