import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { conversionQuery, findMeasure, type ConversionRow, type DatasetModel } from '../../data';
import { ScatterPlot, type ScatterPoint } from '../../charts/ScatterPlot';
import { countryLabel, countryName } from '../../lib/countries';
import { ownValue } from '../../lib/lookupTable';
import { formatCompact, type Unit } from '../../lib/format';
import { EmptyState, Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { SortableTable, type SortableColumn, type SortState } from '../../ui/SortableTable';
import { ChartPanel } from '../shared/panelParts';
import { ControlBar, ControlSelect } from '../shared/ControlSelect';
import type { ViewProps } from '../shared/viewProps';
import { explainMember, WhyButton } from '../shared/WhyButton';

/** The question this view answers first: who turns visits into orders best. */
export const DEFAULT_CONVERSION_SORT: SortState = { column: 'orders_per_k', direction: 'desc' };

const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dollarsAndCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 12.345 → "12.3"; null → "–". */
export function formatPerThousand(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '–' : oneDecimal.format(value);
}

/** 41.236 → "$41.24" (or "41.24" for a revenue that is not in dollars); null → "–". */
export function formatUnitPrice(value: number | null, unit: Unit): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return unit === 'usd' ? dollarsAndCents.format(value) : twoDecimals.format(value);
}

/** Traffic against sales per marketplace × country: a scatter of the two, and the ratios between them. */
export function ConversionView(props: ViewProps) {
  const roles = props.model.roles;
  if (!roles) {
    return (
      <Panel title="Traffic × sales" testId="conversion-panel">
        <EmptyState>
          {props.model.label} has no visitors, orders and revenue measures, so there is no conversion to compare. This
          view works on datasets that have all three.
        </EmptyState>
      </Panel>
    );
  }
  return <Conversion {...props} roles={roles} />;
}

function Conversion(props: ViewProps & { roles: NonNullable<DatasetModel['roles']> }) {
  const { model, view, options, update, selected, onSelect, colorFor, roles } = props;
  const [first, second] = model.dimensions;
  const query = useQuery({ ...conversionQuery(view), placeholderData: keepPreviousData });
  // A display preference for this look at the data, not part of what a link shares.
  const [logScale, setLogScale] = useState(false);
  const revenue = findMeasure(model, roles.revenue);
  const revenueLabel = revenue?.label ?? 'Revenue';
  const revenueUnit: Unit = revenue?.unit ?? 'usd';
  const firstId = first?.id ?? '';
  const secondId = second?.id ?? '';
  const isCountry = second?.display === 'country';
  const secondName = (key: string) => (isCountry ? countryName(key) : key);
  const sort = options.sorts.conversion ?? DEFAULT_CONVERSION_SORT;
  const selectedFirst = ownValue(selected, firstId) ?? [];
  const selectedSecond = ownValue(selected, secondId) ?? [];

  const columns: SortableColumn<ConversionRow>[] = [
    {
      id: 'marketplace',
      header: first?.label ?? 'Marketplace',
      sortValue: (row) => row.first,
      cell: (row) => (
        <button type="button" className="button button-quiet" onClick={(event) => onSelect(firstId, row.first, isAdditive(event))}>
          <span className="swatch" style={{ background: colorFor(row.first) }} aria-hidden="true" />
          {row.first}
        </button>
      ),
    },
    {
      id: 'country',
      header: second?.label ?? 'Country',
      sortValue: (row) => secondName(row.second),
      cell: (row) => (isCountry ? countryLabel(row.second) : row.second),
    },
    {
      id: 'orders_per_k',
      header: 'Orders per 1,000 visitors',
      numeric: true,
      sortValue: (row) => row.ordersPerThousandVisitors,
      cell: (row) => formatPerThousand(row.ordersPerThousandVisitors),
    },
    {
      id: 'aov',
      header: 'Average order value',
      numeric: true,
      sortValue: (row) => row.averageOrderValue,
      cell: (row) => formatUnitPrice(row.averageOrderValue, revenueUnit),
    },
    {
      id: 'revenue_per_visitor',
      header: `${revenueLabel} per visitor`,
      numeric: true,
      sortValue: (row) => row.revenuePerVisitor,
      cell: (row) => formatUnitPrice(row.revenuePerVisitor, revenueUnit),
    },
    {
      id: 'visitors',
      header: 'Avg monthly visitors',
      numeric: true,
      sortValue: (row) => row.avgMonthlyVisitors,
      cell: (row) => formatCompact(row.avgMonthlyVisitors),
    },
    // The pair's conversion, explained within its country: each marketplace's rate and mix effects.
    ...(model.timeless || !second
      ? []
      : [
          {
            id: 'why',
            header: 'Why?',
            cell: (row: ConversionRow) => (
              <WhyButton subject={`conversion in ${secondName(row.second)}`} onClick={() => update({ ...explainMember(view.filters, secondId, row.second), ratio: 'conversion' })} />
            ),
          },
        ]),
  ];

  const pointsOf = (rows: readonly ConversionRow[]): ScatterPoint[] =>
    rows.map((row) => ({
      id: `${row.first}\u0000${row.second}`,
      label: `${row.first} · ${secondName(row.second)}`,
      x: row.avgMonthlyVisitors,
      y: row.avgMonthlyRevenue,
      group: row.first,
    }));

  return (
    <ChartPanel
      title="Traffic × sales"
      subtitle={`Average month per ${(first?.label ?? 'marketplace').toLowerCase()} and ${(second?.label ?? 'country').toLowerCase()}: visitors against ${revenueLabel}`}
      model={model}
      className="panel-wide"
      testId="conversion-panel"
      exportData={() =>
        query.data
          ? {
              header: [first?.label ?? 'marketplace', second?.label ?? 'country', 'months', 'avg. monthly visitors', `avg. monthly ${revenueLabel}`, 'orders per 1,000 visitors', 'average order value', 'revenue per visitor'],
              rows: query.data.map((row) => [row.first, row.second, row.months, row.avgMonthlyVisitors, row.avgMonthlyRevenue, row.ordersPerThousandVisitors, row.averageOrderValue, row.revenuePerVisitor]),
            }
          : null
      }
    >
      <ControlBar label="Traffic and sales options">
        <ControlSelect
          label="Axes"
          value={logScale ? 'log' : 'linear'}
          options={[
            { value: 'linear', label: 'Linear' },
            { value: 'log', label: 'Logarithmic' },
          ]}
          onChange={(value) => setLogScale(value === 'log')}
          testId="conversion-axes"
        />
      </ControlBar>
      <QueryView query={query} height={360} isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <>
            <ScatterPlot
              points={pointsOf(rows)}
              xLabel="Avg monthly visitors"
              yLabel={`Avg monthly ${revenueLabel}`}
              formatX={(value) => formatCompact(value)}
              formatY={(value) => formatCompact(value, revenueUnit)}
              colorFor={colorFor}
              logScale={logScale}
              onSelect={(point, additive) => onSelect(firstId, point.group, additive)}
              ariaLabel={`Scatter plot of average monthly visitors against average monthly ${revenueLabel}, one point per ${(
                first?.label ?? 'marketplace'
              ).toLowerCase()} and ${(second?.label ?? 'country').toLowerCase()}, ${rows.length} points`}
            />
            <p className="tooltip-note">Which markets convert traffic to sales best: sort by orders per 1,000 visitors.</p>
            <SortableTable
              caption={`Conversion by ${(first?.label ?? 'marketplace').toLowerCase()} and ${(second?.label ?? 'country').toLowerCase()}`}
              testId="conversion-table"
              columns={columns}
              rows={rows}
              rowKey={(row) => `${row.first}\u0000${row.second}`}
              sort={sort}
              onSortChange={(next) => update({ sorts: { ...options.sorts, conversion: next } })}
              rowProps={(row) => ({ 'aria-selected': selectedFirst.includes(row.first) || selectedSecond.includes(row.second) })}
            />
          </>
        )}
      </QueryView>
    </ChartPanel>
  );
}

function isAdditive(event: React.MouseEvent): boolean {
  return event.shiftKey || event.metaKey || event.ctrlKey;
}
