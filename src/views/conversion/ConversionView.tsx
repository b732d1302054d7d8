import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { conversionQuery, findMeasure, type ConversionRow, type DatasetModel } from '../../data';
import { ScatterPlot, type ScatterPoint } from '../../charts/ScatterPlot';
import { countryLabel, countryName } from '../../lib/countries';
import { ownValue } from '../../lib/lookupTable';
import { formatCompact, formatLocale, type Unit } from '../../lib/format';
import { useT } from '../../i18n';
import { messages } from './messages';
import { messages as whyMessages } from '../shared/messages';
import { EmptyState, Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { SortableTable, type SortableColumn, type SortState } from '../../ui/SortableTable';
import { ChartPanel } from '../shared/panelParts';
import { ControlBar, ControlSelect } from '../shared/ControlSelect';
import type { ViewProps } from '../shared/viewProps';
import { explainMember, WhyButton } from '../shared/WhyButton';

/** The question this view answers first: who turns visits into orders best. */
export const DEFAULT_CONVERSION_SORT: SortState = { column: 'orders_per_k', direction: 'desc' };

/** The formats of unit figures, in the active locale (src/lib/format.ts), one set per locale. */
const unitFormats = new Map<string, { oneDecimal: Intl.NumberFormat; dollarsAndCents: Intl.NumberFormat; twoDecimals: Intl.NumberFormat }>();
function formats() {
  const locale = formatLocale();
  let found = unitFormats.get(locale);
  if (!found) {
    found = {
      oneDecimal: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      dollarsAndCents: new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      twoDecimals: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    };
    unitFormats.set(locale, found);
  }
  return found;
}

/** 12.345 → "12.3"; null → "–". */
export function formatPerThousand(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '–' : formats().oneDecimal.format(value);
}

/** 41.236 → "$41.24" (or "41.24" for a revenue that is not in dollars); null → "–". */
export function formatUnitPrice(value: number | null, unit: Unit): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return unit === 'usd' ? formats().dollarsAndCents.format(value) : formats().twoDecimals.format(value);
}

/** Traffic against sales per marketplace × country: a scatter of the two, and the ratios between them. */
export function ConversionView(props: ViewProps) {
  const roles = props.model.roles;
  const tr = useT();
  if (!roles) {
    return (
      <Panel title={tr(messages.title)} testId="conversion-panel">
        <EmptyState>{tr(messages.noRoles, { dataset: props.model.label })}</EmptyState>
      </Panel>
    );
  }
  return <Conversion {...props} roles={roles} />;
}

function Conversion(props: ViewProps & { roles: NonNullable<DatasetModel['roles']> }) {
  const { model, view, options, update, selected, onSelect, colorFor, roles } = props;
  const [first, second] = model.dimensions;
  const tr = useT();
  const query = useQuery({ ...conversionQuery(view), placeholderData: keepPreviousData });
  // A display preference for this look at the data, not part of what a link shares.
  const [logScale, setLogScale] = useState(false);
  const revenue = findMeasure(model, roles.revenue);
  const revenueLabel = revenue?.label ?? tr(messages.revenue);
  const revenueUnit: Unit = revenue?.unit ?? 'usd';
  const firstId = first?.id ?? '';
  const secondId = second?.id ?? '';
  const isCountry = second?.display === 'country';
  const firstName = (first?.label ?? tr(messages.csvMarketplace)).toLowerCase();
  const secondNameLabel = (second?.label ?? tr(messages.csvCountry)).toLowerCase();
  const secondName = (key: string) => (isCountry ? countryName(key) : key);
  const sort = options.sorts.conversion ?? DEFAULT_CONVERSION_SORT;
  const selectedFirst = ownValue(selected, firstId) ?? [];
  const selectedSecond = ownValue(selected, secondId) ?? [];

  const columns: SortableColumn<ConversionRow>[] = [
    {
      id: 'marketplace',
      header: first?.label ?? tr(messages.marketplace),
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
      header: second?.label ?? tr(messages.country),
      sortValue: (row) => secondName(row.second),
      cell: (row) => (isCountry ? countryLabel(row.second) : row.second),
    },
    {
      id: 'orders_per_k',
      header: tr(messages.ordersPerThousand),
      numeric: true,
      sortValue: (row) => row.ordersPerThousandVisitors,
      cell: (row) => formatPerThousand(row.ordersPerThousandVisitors),
    },
    {
      id: 'aov',
      header: tr(messages.averageOrderValue),
      numeric: true,
      sortValue: (row) => row.averageOrderValue,
      cell: (row) => formatUnitPrice(row.averageOrderValue, revenueUnit),
    },
    {
      id: 'revenue_per_visitor',
      header: tr(messages.revenuePerVisitor, { revenue: revenueLabel }),
      numeric: true,
      sortValue: (row) => row.revenuePerVisitor,
      cell: (row) => formatUnitPrice(row.revenuePerVisitor, revenueUnit),
    },
    {
      id: 'visitors',
      header: tr(messages.avgMonthlyVisitors),
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
            header: tr(whyMessages.why),
            cell: (row: ConversionRow) => (
              <WhyButton subject={tr(messages.conversionIn, { country: secondName(row.second) })} onClick={() => update({ ...explainMember(view.filters, secondId, row.second), ratio: 'conversion' })} />
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
      title={tr(messages.title)}
      subtitle={tr(messages.subtitle, { first: firstName, second: secondNameLabel, revenue: revenueLabel })}
      model={model}
      className="panel-wide"
      testId="conversion-panel"
      exportData={() =>
        query.data
          ? {
              header: [
                first?.label ?? tr(messages.csvMarketplace),
                second?.label ?? tr(messages.csvCountry),
                tr(messages.csvMonths),
                tr(messages.csvVisitors),
                tr(messages.csvRevenue, { revenue: revenueLabel }),
                tr(messages.csvOrdersPerThousand),
                tr(messages.csvAov),
                tr(messages.csvRevenuePerVisitor),
              ],
              rows: query.data.map((row) => [row.first, row.second, row.months, row.avgMonthlyVisitors, row.avgMonthlyRevenue, row.ordersPerThousandVisitors, row.averageOrderValue, row.revenuePerVisitor]),
            }
          : null
      }
    >
      <ControlBar label={tr(messages.options)}>
        <ControlSelect
          label={tr(messages.axes)}
          value={logScale ? 'log' : 'linear'}
          options={[
            { value: 'linear', label: tr(messages.linear) },
            { value: 'log', label: tr(messages.logarithmic) },
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
              xLabel={tr(messages.avgMonthlyVisitors)}
              yLabel={tr(messages.yLabel, { revenue: revenueLabel })}
              formatX={(value) => formatCompact(value)}
              formatY={(value) => formatCompact(value, revenueUnit)}
              colorFor={colorFor}
              logScale={logScale}
              onSelect={(point, additive) => onSelect(firstId, point.group, additive)}
              ariaLabel={tr(messages.scatterLabel, { revenue: revenueLabel, first: firstName, second: secondNameLabel, count: rows.length })}
            />
            <p className="tooltip-note">{tr(messages.hint)}</p>
            <SortableTable
              caption={tr(messages.tableCaption, { first: firstName, second: secondNameLabel })}
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
