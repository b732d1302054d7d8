import type { UseQueryResult } from '@tanstack/react-query';
import { WaterfallChart } from '../../charts/WaterfallChart';
import { periodName, type DimensionDef, type ExplainSegment, type Explanation, type RatioDef, type describeComparison } from '../../data';
import { formatCompact, formatShare, formatSignedCompact, formatWhole, type Unit } from '../../lib/format';
import { QueryView } from '../../ui/QueryView';
import { SortableTable, type SortableColumn, type SortState } from '../../ui/SortableTable';
import { ChartPanel, useTableToggle } from '../shared/panelParts';
import type { ViewProps } from '../shared/viewProps';
import type { ExplainSplit } from './declaration';
import { explanationWaterfall, segmentKey, segmentsAt, shareOfChange } from './explainParts';
import { explanationSummary } from './summaries';
import { useT } from '../../i18n';
import { messages } from './messages';

export const DEFAULT_EXPLAIN_SORT: SortState = { column: 'contribution', direction: 'desc' };

export interface ContributionPanelProps extends ViewProps {
  query: UseQueryResult<Explanation>;
  ratio: RatioDef | null;
  split: ExplainSplit;
  dimensionOf: (split: ExplainSplit) => DimensionDef;
  labelOf: (dimension: DimensionDef, key: string) => string;
  comparison: ReturnType<typeof describeComparison>;
  onDrill: (split: ExplainSplit, first: string | null, second: string | null) => void;
}

/** The change as a waterfall from one period's total to the other's, or as a sortable table of every segment. */
export function ContributionPanel(props: ContributionPanelProps) {
  const { model, view, options, measure, update, query, ratio, split, dimensionOf, labelOf, comparison, onDrill } = props;
  const tableToggle = useTableToggle();
  const tr = useT();
  const unit: Unit = ratio?.unit ?? measure.unit;
  const what = ratio?.label ?? measure.label;
  const compact = (value: number | null) => formatCompact(value, unit);
  const full = (value: number | null) => (unit === 'number' ? formatCompact(value, unit) : formatWhole(value, unit));
  const signed = (value: number | null) => formatSignedCompact(value, unit);
  const segmentLabel = (segment: Pick<ExplainSegment, 'first' | 'second'>) =>
    [segment.first === null ? null : labelOf(dimensionOf('first'), segment.first), segment.second === null ? null : labelOf(dimensionOf('second'), segment.second)]
      .filter((part) => part !== null)
      .join(' · ');
  const splitLabel =
    split === 'both' ? tr(messages.pair, { first: dimensionOf('first').label, second: dimensionOf('second').label.toLowerCase() }) : dimensionOf(split).label;
  const sort = options.sorts.explain ?? DEFAULT_EXPLAIN_SORT;
  const setSort = (next: SortState) => update({ sorts: { ...options.sorts, explain: next } });
  const drill = (segment: ExplainSegment) => onDrill(split, segment.first, segment.second);

  const columns = (explanation: Explanation): SortableColumn<ExplainSegment>[] => [
    {
      id: 'segment',
      header: splitLabel,
      sortValue: segmentLabel,
      cell: (segment) =>
        split === 'both' ? (
          segmentLabel(segment)
        ) : (
          <button type="button" className="button button-quiet" onClick={() => drill(segment)} title={tr(messages.whyMember, { member: segmentLabel(segment) })}>
            {segmentLabel(segment)}
          </button>
        ),
    },
    { id: 'base', header: rangeLabel(comparison.range), numeric: true, sortValue: (segment) => segment.base, cell: (segment) => full(segment.base) },
    { id: 'current', header: rangeLabel(view), numeric: true, sortValue: (segment) => segment.current, cell: (segment) => full(segment.current) },
    ...(ratio
      ? [
          { id: 'rate', header: tr(messages.rateEffect), numeric: true, sortValue: (segment: ExplainSegment) => segment.rateEffect, cell: (segment: ExplainSegment) => signed(segment.rateEffect) },
          { id: 'mix', header: tr(messages.mixEffect), numeric: true, sortValue: (segment: ExplainSegment) => segment.mixEffect, cell: (segment: ExplainSegment) => signed(segment.mixEffect) },
        ]
      : []),
    { id: 'contribution', header: tr(messages.contribution), numeric: true, sortValue: (segment) => segment.contribution, cell: (segment) => signed(segment.contribution) },
    {
      id: 'share',
      header: tr(messages.shareOfChange),
      numeric: true,
      sortValue: (segment) => shareOfChange(segment.contribution, explanation.change),
      cell: (segment) => formatShare(shareOfChange(segment.contribution, explanation.change)),
    },
    { id: 'status', header: tr(messages.inBoth), sortValue: (segment) => segment.status, cell: (segment) => tr(STATUS_TEXT[segment.status]) },
  ];

  const exportData = () => {
    const explanation = query.data;
    if (!explanation) return null;
    const header = [
      splitLabel,
      tr(messages.csvValue, { what, period: rangeLabel(comparison.range) }),
      tr(messages.csvValue, { what, period: rangeLabel(view) }),
      ...(ratio ? [tr(messages.csvRate), tr(messages.csvMix)] : []),
      tr(messages.csvContribution),
      tr(messages.csvStatus),
    ];
    const rows = segmentsAt(explanation, split).map((segment) => [
      segmentLabel(segment),
      segment.base,
      segment.current,
      ...(ratio ? [segment.rateEffect, segment.mixEffect] : []),
      segment.contribution,
      segment.status,
    ]);
    return { header, rows: [...rows, [tr(messages.csvTotal), explanation.base, explanation.current, ...(ratio ? [null, null] : []), explanation.change, '']] };
  };

  return (
    <ChartPanel
      title={tr(messages.title, { what: what.toLowerCase() })}
      subtitle={tr(messages.subtitle, { what, period: rangeLabel(view), comparison: comparison.long, split: splitLabel.toLowerCase() })}
      model={model}
      table={tableToggle}
      className="panel-wide"
      testId="explain-panel"
      exportData={exportData}
    >
      <QueryView query={query} height={360} isEmpty={(explanation) => explanation.base === null && explanation.current === null} empty={tr(messages.noData)}>
        {(explanation) => {
          const summary = explanationSummary(explanation, { split, what, unit, segmentLabel, comparison, view, ratio: ratio !== null, summed: measure.overTime === 'sum' });
          const steps = explanationWaterfall(explanation, split, {
            base: rangeLabel(comparison.range),
            current: rangeLabel(view),
            segment: segmentLabel,
            rest: (count) => tr(messages.others, { count }),
          });
          const segments = segmentsAt(explanation, split);
          return (
            <>
              <p className="explain-summary" data-testid="explain-summary">
                {summary}
              </p>
              {tableToggle.asTable || !steps ? (
                <SortableTable
                  caption={tr(messages.tableCaption, { what: what.toLowerCase(), split: splitLabel.toLowerCase() })}
                  testId="explain-table"
                  columns={columns(explanation)}
                  rows={segments}
                  rowKey={segmentKey}
                  sort={sort}
                  onSortChange={setSort}
                />
              ) : (
                <WaterfallChart
                  steps={steps}
                  formatAxis={compact}
                  formatValue={full}
                  formatChange={signed}
                  onSelect={
                    split === 'both'
                      ? undefined
                      : (key) => {
                          const segment = segments.find((candidate) => segmentKey(candidate) === key);
                          if (segment) drill(segment);
                        }
                  }
                  ariaLabel={tr(messages.waterfallLabel, {
                    what: what.toLowerCase(),
                    base: compact(explanation.base),
                    current: compact(explanation.current),
                    segments: segments
                      .slice(0, 5)
                      .map((segment) => `${segmentLabel(segment)} ${signed(segment.contribution)}`)
                      .join(', '),
                  })}
                />
              )}
            </>
          );
        }}
      </QueryView>
    </ChartPanel>
  );
}

const STATUS_TEXT = { both: messages.statusBoth, new: messages.statusNew, gone: messages.statusGone } as const;

function rangeLabel(range: { from: string; to: string }): string {
  return periodName(range);
}
