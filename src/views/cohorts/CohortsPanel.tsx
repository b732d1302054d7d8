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
import { useT } from '../../i18n';
import { messages } from './messages';
import { cohortLines, cohortSummary, measureWord, monthsShown, pairName, type CohortLine, type PairNaming } from './cohortParts';

export interface CohortsPanelProps extends ViewProps {
  query: UseQueryResult<Cohorts>;
  naming: PairNaming;
  /** "marketplace × country". */
  pairWord: string;
  colors: readonly string[];
}


/** The curves by months since entry, or the same numbers as a table with each pair's entry; exports as the others. */
export function CohortsPanel(props: CohortsPanelProps) {
  const { model, view, options, measure, query, naming, pairWord, colors } = props;
  const tableToggle = useTableToggle();
  const tr = useT();
  const ageLabel = (age: string | number) => tr(messages.age, { age: String(age) });
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
      header: [
        tr(messages.csvAge),
        ...lines.map((line) =>
          tr(line.pair.unknownEntry ? messages.csvPairUnknown : messages.csvPair, { pair: pairName({ ...line.pair, unknownEntry: false }, naming), month: line.pair.entryMonth }),
        ),
      ],
      rows: Array.from({ length: lines[0]?.values.length ?? 0 }, (_, age) => [age, ...lines.map((line) => line.values[age] ?? null)]),
    };
  };

  return (
    <ChartPanel
      title={tr(messages.panelTitle, { measure: measure.label, pairWord })}
      subtitle={tr(messages.subtitle, {
        measure: measureWord(entryMeasure.label),
        start: firstMonth ? formatMonth(firstMonth) : 'none',
        indexed: indexed ? 'yes' : 'no',
        range: options.cohortPairs === null ? `${formatMonth(view.from)} – ${formatMonth(view.to)}` : 'none',
      })}
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
        empty={tr(messages.empty)}
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
                <CohortTables lines={lines} ages={ages} format={format.full} caption={tr(messages.tableCaption, { measure: measure.label })} />
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
                  referenceLines={indexed ? [{ value: 100, label: tr(messages.entryLine) }] : []}
                  ariaLabel={tr(indexed ? messages.chartLabelIndexed : messages.chartLabel, { measure: measure.label, pairs: lines.map((line) => line.name).join(', ') })}
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
  const tr = useT();
  return (
    <>
      <DataTable
        caption={tr(messages.entriesCaption)}
        testId="cohorts-entries"
        rowKey={(line) => line.key}
        rows={lines}
        columns={[
          { header: tr(messages.pair), cell: (line) => line.name },
          {
            header: tr(messages.entry),
            cell: (line) => (line.pair.unknownEntry ? tr(messages.entryUnknown, { month: formatMonth(line.pair.entryMonth) }) : formatMonth(line.pair.entryMonth)),
          },
        ]}
      />
      <SeriesTable
        caption={caption}
        testId="cohorts-table"
        periodHeader={tr(messages.monthsSince)}
        periods={ages}
        periodLabel={(age) => age}
        series={lines}
        format={format}
      />
    </>
  );
}
