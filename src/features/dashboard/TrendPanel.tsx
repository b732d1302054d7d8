import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { overviewSeriesOptions, seriesQuery, type DatasetModel, type MeasureDef, type ResolvedView, type SeriesResult } from '../../data';
import { SeriesChart } from '../../charts/SeriesChart';
import { formatMonth } from '../../lib/format';
import { SeriesTable } from './SeriesTable';
import { QueryView } from '../../ui/QueryView';
import { measureFormatters } from './measureFormat';
import { DatasetPanel, useTableToggle } from './panelParts';
import { useEventMarks } from './useEventMarks';


export interface TrendPanelProps {
  model: DatasetModel;
  view: ResolvedView;
  measure: MeasureDef;
  colorFor: (name: string) => string;
  /** Members selected by clicking here (they filter the other panels, not this one). */
  selected: readonly string[];
  onSelect: (dimensionId: string, member: string, additive: boolean) => void;
}

/** The measure by marketplace over months, with the market events from the source articles marked. */
export function TrendPanel({ model, view, measure, colorFor, selected, onSelect }: TrendPanelProps) {
  const seriesDimension = model.dimensions[0]!;
  const query = useQuery({ ...seriesQuery(view, overviewSeriesOptions(view, seriesDimension.id)), placeholderData: keepPreviousData });
  const tableToggle = useTableToggle();
  const { asTable } = tableToggle;
  const format = measureFormatters(measure);
  const annotations = useEventMarks(view);

  const subtitle = (data: SeriesResult | undefined) =>
    data && data.seriesTotal > data.series.length
      ? `Monthly ${measure.label.toLowerCase()} · the ${data.series.length} largest of ${data.seriesTotal} ${seriesDimension.pluralLabel.toLowerCase()}`
      : `Monthly ${measure.label.toLowerCase()} by ${seriesDimension.label.toLowerCase()}`;

  return (
    <DatasetPanel
      title={`${measure.label} over time`}
      subtitle={subtitle(query.data)}
      model={model}
      table={tableToggle}
      className="panel-wide"
      testId="trend-panel"
      exportData={() =>
        query.data
          ? {
              header: ['month', ...query.data.series.map((series) => series.name)],
              rows: query.data.periods.map((period, index) => [period, ...query.data!.series.map((series) => series.raw[index] ?? null)]),
            }
          : null
      }
    >
      <QueryView query={query} height={320} isEmpty={(data) => data.series.length === 0}>
        {(data) =>
          asTable ? (
            <SeriesTable
              caption={`${measure.label} by month and ${seriesDimension.label.toLowerCase()}`}
              testId="trend-table"
              periodHeader="Month"
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
              ariaLabel={`Line chart of monthly ${measure.label.toLowerCase()} for ${data.series
                .map((line) => line.name)
                .join(', ')}, ${formatMonth(view.from)} to ${formatMonth(view.to)}`}
            />
          )
        }
      </QueryView>
    </DatasetPanel>
  );
}
