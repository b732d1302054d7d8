import type { UseQueryResult } from '@tanstack/react-query';
import { SeriesChart } from '../../charts/SeriesChart';
import type { Cohorts } from '../../data';
import { formatIndex, formatMonth } from '../../lib/format';
import { DataTable } from '../../ui/DataTable';
import { QueryView } from '../../ui/QueryView';
import { measureFormatters } from '../shared/measureFormat';
import { ChartPanel, useTableToggle } from '../shared/panelParts';
import { SeriesTable } from '../shared/SeriesTable';
import type { ViewProps } from '../shared/viewProps';
import { cohortLines, cohortSummary, measureWord, monthsShown, pairName, type CohortLine, type PairNaming } from './cohortParts';

export interface CohortsPanelProps extends ViewProps {
  query: UseQueryResult<Cohorts>;
  naming: PairNaming;
  /** "marketplace × country". */
  pairWord: string;
  colors: readonly string[];
}

const ageLabel = (age: string | number) => `Month ${age}`;

/** The curves by months since entry, or the same numbers as a table with each pair's entry; exports as the others. */
export function CohortsPanel(props: CohortsPanelProps) {
  const { model, view, options, measure, query, naming, pairWord, colors } = props;
  const tableToggle = useTableToggle();
  const indexed = options.cohortMode === 'indexed';
  const format = indexed ? { compact: formatIndex, full: formatIndex } : measureFormatters(measure);
  const linesOf = (data: Cohorts) => cohortLines(data.series, options.cohortMode, monthsShown(options.cohortMonths, data.series), naming);
  const firstMonth = query.data?.dataFirstMonth;
  // Entries are read from the measure's own column: for reach, the visitors (see src/sql/cohorts.ts).
  const entryMeasure = model.measures.find((candidate) => candidate.column === measure.column && !candidate.perInternetUser) ?? measure;

  const exportData = () => {
    if (!query.data) return null;
    const lines = linesOf(query.data);
    return {
      // The entry in each column's name: a month, or "or earlier" when it is unknown.
      header: ['months since entry', ...lines.map((line) => `${pairName({ ...line.pair, unknownEntry: false }, naming)} (entry ${line.pair.entryMonth}${line.pair.unknownEntry ? ' or earlier' : ''})`)],
      rows: Array.from({ length: lines[0]?.values.length ?? 0 }, (_, age) => [age, ...lines.map((line) => line.values[age] ?? null)]),
    };
  };

  return (
    <ChartPanel
      title={`${measure.label} since entry, by ${pairWord}`}
      subtitle={
        `Month 0 is each pair’s first month with ${measureWord(entryMeasure.label)} above zero` +
        (firstMonth ? ` since the data starts (${formatMonth(firstMonth)})` : '') +
        (indexed ? '; indexed, entry month = 100' : '') +
        (options.cohortPairs === null ? `; the largest pairs in ${formatMonth(view.from)} – ${formatMonth(view.to)}` : '')
      }
      model={model}
      table={tableToggle}
      className="panel-wide"
      testId="cohorts-panel"
      exportData={exportData}
    >
      <QueryView
        query={query}
        height={340}
        isEmpty={(data) => data.series.length === 0}
        empty="No pair with a known entry has data here: include unknown entries, pick pairs, or widen the filters."
      >
        {(data) => {
          const lines = linesOf(data);
          const ages = Array.from({ length: lines[0]?.values.length ?? 0 }, (_, age) => String(age));
          const summary = cohortSummary(lines, { mode: options.cohortMode, unit: measure.unit, measure: measureWord(measure.label), naming });
          return (
            <>
              <p className="cohorts-summary" data-testid="cohorts-summary">
                {summary}
              </p>
              {tableToggle.asTable ? (
                <CohortTables lines={lines} ages={ages} format={format.full} caption={`${measure.label} by months since entry`} />
              ) : (
                <SeriesChart
                  periods={ages}
                  series={lines.map((line, index) => ({
                    name: line.name,
                    values: line.values,
                    color: colors[index % colors.length]!,
                    inert: true,
                    // An unknown entry is drawn dashed: its curve starts at the data's first month, not at its entry.
                    dashed: line.pair.unknownEntry,
                  }))}
                  kind="line"
                  formatAxis={format.compact}
                  formatValue={format.full}
                  formatPeriod={ageLabel}
                  referenceLines={indexed ? [{ value: 100, label: 'Entry month = 100' }] : []}
                  ariaLabel={`${measure.label}${indexed ? ', indexed at entry,' : ''} by months since entry for ${lines.map((line) => line.name).join(', ')}`}
                  testId="cohorts-chart"
                />
              )}
            </>
          );
        }}
      </QueryView>
    </ChartPanel>
  );
}

/** Each pair's entry, then its values by months since entry (one column per pair). */
function CohortTables({ lines, ages, format, caption }: { lines: CohortLine[]; ages: string[]; format: (value: number | null) => string; caption: string }) {
  return (
    <>
      <DataTable
        caption="Entry of each pair"
        testId="cohorts-entries"
        rowKey={(line) => line.key}
        rows={lines}
        columns={[
          { header: 'Pair', cell: (line) => line.name },
          { header: 'Entry', cell: (line) => (line.pair.unknownEntry ? `${formatMonth(line.pair.entryMonth)} or earlier (entry unknown)` : formatMonth(line.pair.entryMonth)) },
        ]}
      />
      <SeriesTable
        caption={caption}
        testId="cohorts-table"
        periodHeader="Months since entry"
        periods={ages}
        periodLabel={(age) => age}
        series={lines}
        format={format}
      />
    </>
  );
}
