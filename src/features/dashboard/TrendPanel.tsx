import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { OVERVIEW_SERIES_LIMIT, trendQuery, type DatasetModel, type MeasureDef, type ResolvedView, type TrendSeries } from '../../data';
import { SeriesChart } from '../../charts/SeriesChart';
import { formatMonth } from '../../lib/format';
import { DataTable } from '../../ui/DataTable';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { measureFormatters } from './measureFormat';
import { SyntheticBadge, TableToggle } from './panelParts';
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
  const query = useQuery({ ...trendQuery(view, seriesDimension.id, OVERVIEW_SERIES_LIMIT), placeholderData: keepPreviousData });
  const [asTable, setAsTable] = useState(false);
  const format = measureFormatters(measure);
  const annotations = useEventMarks(view);

  const subtitle = (data: TrendSeries | undefined) =>
    data && data.seriesTotal > data.series.length
      ? `Monthly ${measure.label.toLowerCase()} · the ${data.series.length} largest of ${data.seriesTotal} ${seriesDimension.pluralLabel.toLowerCase()}`
      : `Monthly ${measure.label.toLowerCase()} by ${seriesDimension.label.toLowerCase()}`;

  return (
    <Panel
      title={`${measure.label} over time`}
      subtitle={subtitle(query.data)}
      badges={
        <>
          {model.provenance === 'synthetic' ? <SyntheticBadge /> : null}
          <TableToggle asTable={asTable} onToggle={() => setAsTable(!asTable)} />
        </>
      }
      footer={model.sourceLine}
      className="panel-wide"
      testId="trend-panel"
    >
      <QueryView query={query} height={320} isEmpty={(data) => data.series.length === 0}>
        {(data) =>
          asTable ? (
            <DataTable
              caption={`${measure.label} by month and ${seriesDimension.label.toLowerCase()}`}
              testId="trend-table"
              rowKey={(row) => row.month}
              rows={data.months.map((month, index) => ({ month, index }))}
              columns={[
                { header: 'Month', cell: (row) => formatMonth(row.month) },
                ...data.series.map((line) => ({
                  header: line.name,
                  numeric: true,
                  cell: (row: { index: number }) => format.full(line.values[row.index] ?? null),
                })),
              ]}
            />
          ) : (
            <SeriesChart
              periods={data.months}
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
    </Panel>
  );
}
