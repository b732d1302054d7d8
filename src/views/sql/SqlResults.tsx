import { useMemo } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '../../lib/errors';
import { EmptyState, Skeleton } from '../../ui/Panel';
import { ControlBar, ControlSelect } from '../shared/ControlSelect';
import type { ViewProps } from '../shared/viewProps';
import { resolveChart, suggestChart, xCandidates, yCandidates } from './chartSuggestion';
import type { SqlChart } from './declaration';
import { ResultChart } from './ResultChart';
import { ResultTable } from './ResultTable';
import { resultRows, type SqlResultData } from './sqlResultQuery';
import { WORKSPACE_MAX_ROWS, WorkspaceQueryError } from './workspaceApi';
import { t, useT } from '../../i18n';
import { formatLocale, formatWhole } from '../../lib/format';
import { messages } from './messages';

const count = (value: number) => formatWhole(value);
/** Between the figures of the status line: a mark, not a word. */
const SEPARATOR = ' \u00B7 ';
/** 1234 ms → "1.2 s", in the active locale. */
export const seconds = (ms: number) =>
  t(messages.seconds, { seconds: new Intl.NumberFormat(formatLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ms / 1000) });

/** Why a statement failed, for people: DuckDB's own message, introduced by what kind of failure it was. */
export function failureTitle(error: unknown): string {
  if (!(error instanceof WorkspaceQueryError)) return t(messages.failed);
  switch (error.kind) {
    case 'refused':
      return t(messages.refused);
    case 'syntax':
      return t(messages.syntax);
    case 'binder':
      return t(messages.binder);
    case 'memory':
      return t(messages.memory);
    case 'cancelled':
      return t(messages.cancelled);
    default:
      return t(messages.failed);
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
  const tr = useT();
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
    if (query.isFetching) return readOnly ? <Skeleton height={240} label={tr(messages.runningStatement)} /> : null;
    return cancelled ? (
      <p className="sql-status" role="status" data-testid="sql-cancelled">
        {tr(messages.stopped)}
      </p>
    ) : (
      <EmptyState>
        <p>{options.sql ? tr(messages.notRun) : tr(messages.writeOne)}</p>
      </EmptyState>
    );
  }
  const { plan, notes, reason } = resolveChart(data.columns, { chart: options.sqlChart, x: options.sqlX, y: options.sqlY });
  const suggested = suggestChart(data.columns);
  const sizeNotes: string[] = [];
  if (data.truncated) sizeNotes.push(tr(messages.truncated, { max: count(WORKSPACE_MAX_ROWS), count: count(data.rowCount) }));
  if (!rows.complete) sizeNotes.push(tr(messages.partial, { held: count(rows.rowCount), count: count(data.rowCount) }));
  const download = () => void import('./resultCsv').then(({ downloadResultCsv }) => downloadResultCsv(data, rows));
  return (
    <section className="sql-results" aria-label={tr(messages.result)} data-testid="sql-results">
      <p className="sql-status" role="status" data-testid="sql-status">
        <strong data-testid="sql-row-count">
          {tr(messages.rowCount, { count: data.rowCount, rows: count(data.rowCount) })}
        </strong>
        {SEPARATOR}
        {tr(messages.columnCount, { count: data.columns.length, columns: count(data.columns.length) })}
        {SEPARATOR}
        {seconds(data.elapsedMs)}
      </p>
      {[...sizeNotes, ...notes].map((note) => (
        <p key={note} className="sql-notes" data-testid="sql-result-note">
          {note}
        </p>
      ))}
      {readOnly ? null : (
        <ControlBar label={tr(messages.resultOptions)}>
          <ControlSelect<SqlChart>
            label={tr(messages.show)}
            testId="sql-chart-type"
            value={options.sqlChart}
            options={[
              { value: 'table', label: tr(messages.tableOnly) },
              { value: 'auto', label: suggested ? tr(messages.suggested, { chart: suggested.type }) : tr(messages.noneFits) },
              { value: 'line', label: tr(messages.lineChart) },
              { value: 'bar', label: tr(messages.barChart) },
              { value: 'scatter', label: tr(messages.scatterPlot) },
            ]}
            onChange={(sqlChart) => update({ sqlChart })}
          />
          {plan ? (
            <>
              <ControlSelect
                label={plan.type === 'line' ? tr(messages.timeAxis) : plan.type === 'bar' ? tr(messages.barsPer) : tr(messages.xAxis)}
                testId="sql-chart-x"
                value={plan.x}
                options={xCandidates(plan.type, data.columns).map((column) => ({ value: column.name, label: column.name }))}
                onChange={(sqlX) => update({ sqlX, sqlY: null })}
              />
              <ControlSelect
                label={plan.type === 'scatter' ? tr(messages.yAxis) : tr(messages.measure)}
                testId="sql-chart-y"
                value={options.sqlY !== null && plan.y.length === 1 ? plan.y[0]! : plan.type === 'line' && plan.y.length > 1 ? '' : plan.y[0]!}
                options={[
                  ...(plan.type === 'line' ? [{ value: '', label: tr(messages.everyNumber) }] : []),
                  ...yCandidates(data.columns, plan.x).map((column) => ({ value: column.name, label: column.name })),
                ]}
                onChange={(sqlY) => update({ sqlY: sqlY === '' ? null : sqlY })}
              />
            </>
          ) : null}
          {options.sqlChart === 'table' && suggested ? (
            <button type="button" className="button" onClick={() => update({ sqlChart: 'auto' })} data-testid="sql-chart-it">
              {tr(messages.chartIt, { chart: suggested.type })}
            </button>
          ) : null}
          <button type="button" className="button button-quiet" onClick={download} data-testid="sql-csv">
            {tr(messages.downloadCsv)}
          </button>
        </ControlBar>
      )}
      {reason ? (
        <p className="sql-notes" data-testid="sql-chart-reason">
          {reason}
        </p>
      ) : null}
      {plan ? <ResultChart plan={plan} columns={data.columns} rows={rows} /> : null}
      {data.columns.length > 0 ? <ResultTable columns={data.columns} rows={rows} label={tr(messages.resultLabel, { count: rows.rowCount, rows: count(rows.rowCount) })} /> : null}
    </section>
  );
}
