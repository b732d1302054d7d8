import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { WaterfallChart } from '../../charts/WaterfallChart';
import { periodName, shareShiftQuery, type describeComparison, type ShareShift, type ShareShiftMember } from '../../data';
import { formatCompact, formatPoints, formatShare, formatSignedCompact } from '../../lib/format';
import { QueryView } from '../../ui/QueryView';
import { SortableTable, type SortableColumn, type SortState } from '../../ui/SortableTable';
import { ChartPanel, useTableToggle } from '../shared/panelParts';
import type { ViewProps } from '../shared/viewProps';
import { shareShiftWaterfall } from './explainParts';
import { shareShiftSummary } from './summaries';
import { useT } from '../../i18n';
import { messages } from './messages';

const DEFAULT_SORT: SortState = { column: 'points', direction: 'desc' };

/**
 * Each marketplace's change of share of the selection in percentage points (a waterfall that ends at zero), and its
 * change split into what the selection's growth explains and what its change of share explains.
 */
export function ShareShiftPanel({
  model,
  view,
  measure,
  comparison,
  onDrill,
}: ViewProps & { comparison: ReturnType<typeof describeComparison>; onDrill: (member: string) => void }) {
  const query = useQuery({ ...shareShiftQuery(view), placeholderData: keepPreviousData });
  const tableToggle = useTableToggle();
  const tr = useT();
  // The share table's sort stays in the panel: the view's sort in the URL is the contributions table's.
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const member = model.dimensions[0]!;
  const signed = (value: number | null) => formatSignedCompact(value, measure.unit);
  const base = periodName(comparison.range);
  const current = periodName(view);
  const columns: SortableColumn<ShareShiftMember>[] = [
    {
      id: 'member',
      header: member.label,
      sortValue: (row) => row.member,
      cell: (row) => (
        <button type="button" className="button button-quiet" onClick={() => onDrill(row.member)} title={tr(messages.whyMember, { member: row.member })}>
          {row.member}
        </button>
      ),
    },
    { id: 'base_share', header: tr(messages.shareIn, { period: base }), numeric: true, sortValue: (row) => row.baseShare, cell: (row) => formatShare(row.baseShare) },
    { id: 'current_share', header: tr(messages.shareIn, { period: current }), numeric: true, sortValue: (row) => row.currentShare, cell: (row) => formatShare(row.currentShare) },
    { id: 'points', header: tr(messages.change), numeric: true, sortValue: (row) => row.shareChangePoints, cell: (row) => formatPoints(row.shareChangePoints) },
    { id: 'change', header: tr(messages.measureChange, { measure: measure.label }), numeric: true, sortValue: (row) => row.change, cell: (row) => signed(row.change) },
    { id: 'market', header: tr(messages.fromMarket), numeric: true, sortValue: (row) => row.marketEffect, cell: (row) => signed(row.marketEffect) },
    { id: 'share', header: tr(messages.fromShare), numeric: true, sortValue: (row) => row.shareEffect, cell: (row) => signed(row.shareEffect) },
  ];
  const exportData = () =>
    query.data
      ? {
          header: [
            member.label,
            tr(messages.csvShareIn, { period: base }),
            tr(messages.csvShareIn, { period: current }),
            tr(messages.csvPoints),
            tr(messages.measureChange, { measure: measure.label }),
            tr(messages.csvFromMarket),
            tr(messages.csvFromShare),
          ],
          rows: query.data.members.map((row) => [row.member, row.baseShare, row.currentShare, row.shareChangePoints, row.change, row.marketEffect, row.shareEffect]),
        }
      : null;
  return (
    <ChartPanel
      title={tr(messages.shareShift)}
      subtitle={tr(messages.shiftSubtitle, { member: member.label.toLowerCase(), measure: measure.periodLabel, current, base })}
      model={model}
      table={tableToggle}
      className="panel-wide"
      testId="share-shift-panel"
      exportData={exportData}
    >
      <QueryView query={query} height={300} isEmpty={(shift: ShareShift) => shift.members.length === 0} empty={tr(messages.noData)}>
        {(shift) => (
          <>
            <p className="explain-summary" data-testid="share-shift-summary">
              {shareShiftSummary(shift, { unit: measure.unit, base, current, memberPlural: member.pluralLabel.toLowerCase() })}
            </p>
            {tableToggle.asTable ? (
              <SortableTable
                caption={tr(messages.shiftCaption, { member: member.label.toLowerCase() })}
                testId="share-shift-table"
                columns={columns}
                rows={shift.members}
                rowKey={(row) => row.member}
                sort={sort}
                onSortChange={setSort}
              />
            ) : (
              <WaterfallChart
                testId="share-shift-chart"
                steps={shareShiftWaterfall(shift, (count) => tr(messages.others, { count }))}
                formatAxis={(points) => tr(messages.points, { points: formatCompact(points, 'number') })}
                formatValue={formatPoints}
                formatChange={formatPoints}
                onSelect={(key) => (key === '__rest' ? undefined : onDrill(key))}
                ariaLabel={tr(messages.shiftChartLabel, {
                  members: shift.members
                    .slice(0, 5)
                    .map((row) => `${row.member} ${formatPoints(row.shareChangePoints)}`)
                    .join(', '),
                })}
              />
            )}
          </>
        )}
      </QueryView>
    </ChartPanel>
  );
}
