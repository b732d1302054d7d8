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
        <button type="button" className="button button-quiet" onClick={() => onDrill(row.member)} title={`Why did ${row.member} move?`}>
          {row.member}
        </button>
      ),
    },
    { id: 'base_share', header: `Share ${base}`, numeric: true, sortValue: (row) => row.baseShare, cell: (row) => formatShare(row.baseShare) },
    { id: 'current_share', header: `Share ${current}`, numeric: true, sortValue: (row) => row.currentShare, cell: (row) => formatShare(row.currentShare) },
    { id: 'points', header: 'Change', numeric: true, sortValue: (row) => row.shareChangePoints, cell: (row) => formatPoints(row.shareChangePoints) },
    { id: 'change', header: `${measure.label} change`, numeric: true, sortValue: (row) => row.change, cell: (row) => signed(row.change) },
    { id: 'market', header: 'From market growth', numeric: true, sortValue: (row) => row.marketEffect, cell: (row) => signed(row.marketEffect) },
    { id: 'share', header: 'From share change', numeric: true, sortValue: (row) => row.shareEffect, cell: (row) => signed(row.shareEffect) },
  ];
  const exportData = () =>
    query.data
      ? {
          header: [member.label, `share ${base}`, `share ${current}`, 'change (pp)', `${measure.label} change`, 'from market growth', 'from share change'],
          rows: query.data.members.map((row) => [row.member, row.baseShare, row.currentShare, row.shareChangePoints, row.change, row.marketEffect, row.shareEffect]),
        }
      : null;
  return (
    <ChartPanel
      title="Share shift"
      subtitle={`Each ${member.label.toLowerCase()}'s share of the selection's ${measure.periodLabel}, ${current} against ${base}`}
      model={model}
      table={tableToggle}
      className="panel-wide"
      testId="share-shift-panel"
      exportData={exportData}
    >
      <QueryView query={query} height={300} isEmpty={(shift: ShareShift) => shift.members.length === 0} empty="No data in either period for this selection.">
        {(shift) => (
          <>
            <p className="explain-summary" data-testid="share-shift-summary">
              {shareShiftSummary(shift, { unit: measure.unit, base, current, memberPlural: member.pluralLabel.toLowerCase() })}
            </p>
            {tableToggle.asTable ? (
              <SortableTable
                caption={`Change of share by ${member.label.toLowerCase()}`}
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
                steps={shareShiftWaterfall(shift, (count) => `${count} others`)}
                formatAxis={(points) => `${formatCompact(points, 'number')} pp`}
                formatValue={formatPoints}
                formatChange={formatPoints}
                onSelect={(key) => (key === '__rest' ? undefined : onDrill(key))}
                ariaLabel={`Change of share in percentage points: ${shift.members
                  .slice(0, 5)
                  .map((row) => `${row.member} ${formatPoints(row.shareChangePoints)}`)
                  .join(', ')}`}
              />
            )}
          </>
        )}
      </QueryView>
    </ChartPanel>
  );
}
