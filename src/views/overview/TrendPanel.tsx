import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  OVERVIEW_SERIES_LIMIT,
  overviewSeriesOptions,
  rankingQuery,
  seriesQuery,
  type DatasetModel,
  type MeasureDef,
  type QuerySlice,
  type SeriesResult,
} from '../../data';
import { SeriesChart } from '../../charts/SeriesChart';
import { formatMonth } from '../../lib/format';
import { EmptyState } from '../../ui/Panel';
import { SeriesTable } from '../shared/SeriesTable';
import { QueryView } from '../../ui/QueryView';
import { measureFormatters } from '../shared/measureFormat';
import { ChartPanel, RankingTable, rankingExport, useTableToggle } from '../shared/panelParts';
import { useEventMarks } from '../shared/useEventMarks';
import { capitalise } from '../../lib/text';
import { useT } from '../../i18n';
import { messages } from './messages';


export interface TrendPanelProps {
  model: DatasetModel;
  view: QuerySlice;
  measure: MeasureDef;
  colorFor: (name: string) => string;
  /** Members selected by clicking here (they filter the other panels, not this one). */
  selected: readonly string[];
  onSelect: (dimensionId: string, member: string, additive: boolean) => void;
}

/**
 * The measure by marketplace over months, with the market events from the source articles marked. A dataset without a
 * time column has no months to draw: it gets a bar per member instead.
 */
export function TrendPanel(props: TrendPanelProps) {
  return props.model.timeless ? <TimelessMemberPanel {...props} /> : <TrendOverTime {...props} />;
}

function TrendOverTime({ model, view, measure, colorFor, selected, onSelect }: TrendPanelProps) {
  const seriesDimension = model.dimensions[0]!;
  const query = useQuery({ ...seriesQuery(view, overviewSeriesOptions(view, seriesDimension.id)), placeholderData: keepPreviousData });
  const tableToggle = useTableToggle();
  const { asTable } = tableToggle;
  const format = measureFormatters(measure);
  const annotations = useEventMarks(view);
  const tr = useT();

  const subtitle = (data: SeriesResult | undefined) =>
    data && data.seriesTotal > data.series.length
      ? tr(messages.monthlyLargest, {
          measure: measure.label.toLowerCase(),
          shown: String(data.series.length),
          total: String(data.seriesTotal),
          dimension: seriesDimension.pluralLabel.toLowerCase(),
        })
      : tr(messages.monthlyBy, { measure: measure.label.toLowerCase(), dimension: seriesDimension.label.toLowerCase() });

  return (
    <ChartPanel
      title={tr(messages.overTime, { measure: measure.label })}
      subtitle={subtitle(query.data)}
      model={model}
      table={tableToggle}
      className="panel-wide"
      testId="trend-panel"
      exportData={() =>
        query.data
          ? {
              header: [tr(messages.monthColumn), ...query.data.series.map((series) => series.name)],
              rows: query.data.periods.map((period, index) => [period, ...query.data!.series.map((series) => series.raw[index] ?? null)]),
            }
          : null
      }
    >
      <QueryView query={query} height={320} isEmpty={(data) => data.series.length === 0}>
        {(data) =>
          asTable ? (
            <SeriesTable
              caption={tr(messages.byMonthAnd, { measure: measure.label, dimension: seriesDimension.label.toLowerCase() })}
              testId="trend-table"
              periodHeader={tr(messages.monthHeader)}
              periods={data.periods}
              periodLabel={(month) => formatMonth(month)}
              series={data.series}
              format={format.full}
            />
          ) : (
            <SeriesChart
              periods={data.periods}
              series={data.series.map((line) => ({
                name: line.name,
                values: line.values,
                color: colorFor(line.name),
                dimmed: selected.length > 0 && !selected.includes(line.name),
              }))}
              kind="line"
              testId="trend-chart"
              formatAxis={format.compact}
              formatValue={format.full}
              formatPeriod={formatMonth}
              annotations={annotations}
              onSelectSeries={(name, additive) => onSelect(seriesDimension.id, name, additive)}
              ariaLabel={tr(messages.linesAria, {
                measure: measure.label.toLowerCase(),
                series: data.series.map((line) => line.name).join(', '),
                from: formatMonth(view.from),
                to: formatMonth(view.to),
              })}
            />
          )
        }
      </QueryView>
    </ChartPanel>
  );
}

/**
 * The overview's first panel for a dataset without a time column: the first dimension's members with their totals,
 * as a table (the overview's one bar chart is the ranking beside it).
 */
function TimelessMemberPanel({ model, view, measure }: TrendPanelProps) {
  const dimension = model.dimensions[0]!;
  // With one dimension the ranking beside this panel already lists its members: no second copy.
  const listed = model.dimensions.length > 1;
  const query = useQuery({ ...rankingQuery(view, dimension.id, OVERVIEW_SERIES_LIMIT), placeholderData: keepPreviousData, enabled: listed });
  const tr = useT();
  if (!listed) {
    return (
      <ChartPanel title={tr(messages.overTime, { measure: measure.label })} model={model} className="panel-wide" testId="trend-panel">
        <EmptyState>{tr(messages.noTime, { dataset: model.label, dimension: dimension.pluralLabel.toLowerCase() })}</EmptyState>
      </ChartPanel>
    );
  }
  return (
    <ChartPanel
      title={tr(messages.measureBy, { measure: measure.label, dimension: dimension.label.toLowerCase() })}
      subtitle={`${tr(messages.allRowsSubtitle, { measure: capitalise(measure.periodLabel) })}${
        query.data && query.data.groupTotal > query.data.rows.length
          ? ` · ${tr(messages.topOf, { shown: String(query.data.rows.length), total: String(query.data.groupTotal) })}`
          : ''
      }`}
      model={model}
      className="panel-wide"
      testId="trend-panel"
      exportData={() => rankingExport(query.data, dimension, measure)}
    >
      <QueryView query={query} height={320} isEmpty={(data) => data.rows.length === 0}>
        {(data) => (
          <RankingTable
            ranking={data}
            dimension={dimension}
            measure={measure}
            caption={tr(messages.byAllRows, { measure: measure.label, dimension: dimension.label.toLowerCase() })}
            testId="trend-table"
          />
        )}
      </QueryView>
    </ChartPanel>
  );
}
