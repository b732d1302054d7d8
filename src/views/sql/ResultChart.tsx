import { useMemo } from 'react';
import { CATEGORY_COLORS } from '../../charts/palette';
import { RankingBarChart } from '../../charts/RankingBarChart';
import { ScatterPlot } from '../../charts/ScatterPlot';
import { SeriesChart } from '../../charts/SeriesChart';
import { formatCompact, formatMonth, formatShare } from '../../lib/format';
import { barData, lineData, scatterData } from './chartData';
import { chartLabel, type ChartPlan } from './chartSuggestion';
import { useLocale } from '../../i18n';
import { formatCell } from './formatCell';
import type { ResultRows } from './resultRows';
import type { WorkspaceColumn } from './workspaceApi';

/** A period key for people: a first-of-month date as "Jul 2014", a timestamp without its seconds, else as given. */
function periodLabel(kind: WorkspaceColumn['kind']) {
  return (period: string) => {
    if (kind === 'date' && /^\d{4}-\d{2}-01$/.test(period)) return formatMonth(period.slice(0, 7));
    if (kind === 'timestamp') return period.replace('T', ' ').slice(0, 16);
    if (kind === 'number') return formatCell(Number(period));
    return period;
  };
}

/** The result drawn with the app's charts: lines over time, bars per category, or a scatter of two numbers. */
export function ResultChart({ plan, columns, rows }: { plan: ChartPlan; columns: readonly WorkspaceColumn[]; rows: ResultRows }) {
  const indexOf = useMemo(() => {
    const positions = new Map(columns.map((column, index) => [column.name, index]));
    return (name: string) => positions.get(name) ?? -1;
  }, [columns]);
  const label = chartLabel(plan);
  // The notes are text: made again when the language changes.
  const locale = useLocale();
  const drawn = useMemo(() => {
    if (plan.type === 'line') return { kind: 'line' as const, ...lineData(rows, indexOf, plan) };
    if (plan.type === 'bar') return { kind: 'bar' as const, ...barData(rows, indexOf, plan) };
    const textColumn = columns.findIndex((column) => column.kind === 'text');
    return { kind: 'scatter' as const, ...scatterData(rows, indexOf, plan, textColumn === -1 ? null : textColumn) };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the locale changes the notes' language
  }, [plan, rows, indexOf, columns, locale]);
  const xKind = columns[indexOf(plan.x)]?.kind ?? 'text';
  return (
    <figure className="sql-chart" data-testid="sql-chart" data-chart-type={plan.type}>
      {drawn.kind === 'line' ? (
        <SeriesChart
          periods={drawn.periods}
          series={drawn.series.map((series, index) => ({ ...series, color: CATEGORY_COLORS[index % CATEGORY_COLORS.length]! }))}
          kind="line"
          formatAxis={(value) => formatCompact(value, 'number')}
          formatValue={formatCell}
          formatPeriod={periodLabel(xKind)}
          ariaLabel={label}
          height={340}
          testId="sql-line-chart"
        />
      ) : drawn.kind === 'bar' ? (
        <RankingBarChart
          bars={drawn.bars}
          color={CATEGORY_COLORS[0]!}
          formatAxis={(value) => formatCompact(value, 'number')}
          formatValue={formatCell}
          formatShare={formatShare}
          ariaLabel={label}
        />
      ) : (
        <ScatterPlot
          points={drawn.points}
          xLabel={plan.x}
          yLabel={plan.y[0]!}
          formatX={(value) => formatCompact(value, 'number')}
          formatY={(value) => formatCompact(value, 'number')}
          colorFor={() => CATEGORY_COLORS[0]!}
          ariaLabel={label}
        />
      )}
      {drawn.notes.length > 0 ? (
        <figcaption className="sql-notes" data-testid="sql-chart-notes">
          {drawn.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
