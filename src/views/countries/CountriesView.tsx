import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { breakdownQuery, type Breakdown, type DimensionDef, splitDimension } from '../../data';
import { StackedBarChart } from '../../charts/StackedBarChart';
import { countryLabel, countryName } from '../../lib/countries';
import { lookupTable, ownValue } from '../../lib/lookupTable';
import { formatShare } from '../../lib/format';
import { EmptyState, Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { SortableTable, sortRows, type SortableColumn, type SortState } from '../../ui/SortableTable';
import { measureFormatters } from '../shared/measureFormat';
import { breakdownData, ChartPanel, useTableToggle } from '../shared/panelParts';
import { ControlBar, ControlSelect } from '../shared/ControlSelect';
import { geoLevelOf, LevelControls } from '../shared/LevelControls';
import type { ViewProps } from '../shared/viewProps';
import { explainMember, WhyButton } from '../shared/WhyButton';
import { capitalise } from '../../lib/text';
import { t, useT } from '../../i18n';
import { messages } from './messages';
import { messages as whyMessages } from '../shared/messages';

const DEFAULT_TOP = 10;
const TOP_CHOICES = [5, 10, 15, 20];
/** Marketplaces shown by name; the rest are one "Other marketplaces" segment, so the colours stay tellable apart. */
const COLUMN_LIMIT = 6;
export const DEFAULT_COUNTRY_SORT: SortState = { column: 'total', direction: 'desc' };

/** One country (or the "Other" bucket, key null) with its total and its value per marketplace. */
export interface CountryRow {
  key: string | null;
  /** What an A–Z sort goes by: the country's name, not its code (flags sort by code). */
  name: string;
  total: number;
  /** Of all the cells of the breakdown, "Other" included. */
  share: number | null;
  values: ReadonlyMap<string | null, number>;
}

/**
 * Sort column ids for the marketplace columns: `m_` and a slug of the name (the id goes into the URL, which
 * allows only lowercase identifiers); `other` for the "Other" bucket; by position when two names slug alike.
 */
export function marketplaceColumnIds(columnKeys: readonly (string | null)[]): string[] {
  const used = new Set<string>();
  return columnKeys.map((key, index) => {
    const slug = (key ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
    let id = key === null ? 'other' : `m_${slug}`.slice(0, 40);
    if (used.has(id) || id === 'm_') id = `m${index}`;
    used.add(id);
    return id;
  });
}

/**
 * The sort value of every sortable column, by column id. Null for the "Other" row, so that the table (which
 * puts nulls last in either direction) keeps it at the bottom like the chart does.
 */
export function countrySortValues(columnKeys: readonly (string | null)[]): Record<string, (row: CountryRow) => number | string | null> {
  const real = (pick: (row: CountryRow) => number | string | null) => (row: CountryRow) => (row.key === null ? null : pick(row));
  const byColumn = lookupTable<(row: CountryRow) => number | string | null>([
    ['name', real((row) => row.name)],
    ['total', real((row) => row.total)],
    ['share', real((row) => row.share)],
  ]);
  marketplaceColumnIds(columnKeys).forEach((id, index) => {
    byColumn[id] = real((row) => row.values.get(columnKeys[index] ?? null) ?? null);
  });
  return byColumn;
}

/**
 * The countries of a breakdown in the order `sort` asks for, "Other countries" always last. A country's total is
 * the sum of its cells; ties keep the breakdown's order (largest first); an unknown sort column keeps it whole.
 */
export function orderCountries(breakdown: Breakdown, sort: SortState, nameOf: (key: string) => string = countryName): CountryRow[] {
  const grandTotal = breakdown.cells.reduce((sum, cell) => sum + cell.value, 0);
  const rows = breakdown.rowKeys.map((key): CountryRow => {
    const values = new Map<string | null, number>();
    for (const cell of breakdown.cells) if (cell.rowKey === key) values.set(cell.columnKey, (values.get(cell.columnKey) ?? 0) + cell.value);
    const total = [...values.values()].reduce((sum, value) => sum + value, 0);
    return { key, name: key === null ? '' : nameOf(key), total, share: grandTotal > 0 ? total / grandTotal : null, values };
  });
  const sortValue = ownValue(countrySortValues(breakdown.columnKeys), sort.column);
  const columns: SortableColumn<CountryRow>[] = sortValue ? [{ id: sort.column, header: '', cell: () => null, sortValue }] : [];
  const named = rows.filter((row) => row.key !== null);
  return [...sortRows(named, columns, sort), ...rows.filter((row) => row.key === null)];
}

/**
 * The Country comparison view: each country's measure, split by marketplace, as stacked or grouped bars; or each
 * region's or sub-region's, a click drilling one level down (the `level` setting, src/views/levels.ts).
 */
export function CountriesView(props: ViewProps) {
  const rowDimension = splitDimension(props.model);
  const tr = useT();
  if (!rowDimension) {
    return (
      <Panel title={tr(messages.title)} testId="countries-panel">
        <EmptyState>{tr(messages.oneDimension)}</EmptyState>
      </Panel>
    );
  }
  return <CountryComparison {...props} rowDimension={rowDimension} />;
}

function CountryComparison(props: ViewProps & { rowDimension: DimensionDef }) {
  const { model, view, options, measure, update, selected, onSelect, colorFor } = props;
  const geo = geoLevelOf(props, props.rowDimension);
  const rowDimension = geo.dimension;
  // Above country level a click drills down; at country level it selects, as it always has.
  const onRow = (key: string, additive: boolean) => {
    if (!geo.drill(key)) onSelect(rowDimension.id, key, additive);
  };
  const columnDimension = model.dimensions[0]!;
  const top = options.top ?? DEFAULT_TOP;
  const query = useQuery({
    ...breakdownQuery(view, { rows: rowDimension.id, columns: columnDimension.id, rowLimit: top, columnLimit: COLUMN_LIMIT }),
    placeholderData: keepPreviousData,
  });
  const tableToggle = useTableToggle();
  const { asTable } = tableToggle;
  const format = measureFormatters(measure);
  const tr = useT();
  const sort = options.sorts.countries ?? DEFAULT_COUNTRY_SORT;
  const setSort = (next: SortState) => update({ sorts: { ...options.sorts, countries: next } });
  const isCountry = rowDimension.display === 'country';
  const rowLabel = (key: string | null) => (key === null ? tr(messages.other, { members: rowDimension.pluralLabel.toLowerCase() }) : isCountry ? countryLabel(key) : key);
  const columnLabel = (key: string | null) => (key === null ? tr(messages.other, { members: columnDimension.pluralLabel.toLowerCase() }) : key);
  const selectedRows = ownValue(selected, rowDimension.id) ?? [];
  const sortChoice = sort.column === 'name' && sort.direction === 'asc' ? 'name' : sort.column === 'total' && sort.direction === 'desc' ? 'total' : 'table';
  const shown = query.data ? query.data.rowKeys.filter((key) => key !== null).length : 0;
  const subtitle = `${tr(messages.subtitle, {
    measure: capitalise(measure.periodLabel),
    rows: rowDimension.label.toLowerCase(),
    columns: columnDimension.label.toLowerCase(),
  })}${query.data && query.data.rowTotal > shown ? ` · ${tr(messages.largestOf, { shown: String(shown), total: String(query.data.rowTotal) })}` : ''}`;

  return (
    <ChartPanel
      title={tr(messages.comparison, { dimension: rowDimension.label })}
      subtitle={subtitle}
      model={model}
      table={tableToggle}
      className="panel-wide"
      testId="countries-panel"
      exportData={() => breakdownData(query.data, rowDimension.label, columnDimension.label, measure.label)}
    >
      <LevelControls geo={geo} filters={props.filters} update={update} testId="countries-level" />
      <ControlBar label={tr(messages.options)}>
        <ControlSelect
          label={tr(messages.show)}
          value={String(top)}
          options={[...new Set([...TOP_CHOICES, top])].sort((a, b) => a - b).map((n) => ({ value: String(n), label: tr(messages.top, { count: String(n) }) }))}
          onChange={(value) => update({ top: Number(value) })}
          testId="countries-top"
        />
        <ControlSelect
          label={tr(messages.bars)}
          value={options.stack}
          options={[
            { value: 'stacked', label: tr(messages.stacked) },
            { value: 'grouped', label: tr(messages.grouped) },
          ]}
          onChange={(stack) => update({ stack })}
          testId="countries-stack"
        />
        <ControlSelect
          label={tr(messages.sort)}
          value={sortChoice}
          options={[
            { value: 'total', label: tr(messages.largestFirst) },
            { value: 'name', label: tr(messages.alphabetical) },
            { value: 'table', label: tr(messages.asTable), disabled: true },
          ]}
          onChange={(choice) => setSort(choice === 'name' ? { column: 'name', direction: 'asc' } : DEFAULT_COUNTRY_SORT)}
          testId="countries-sort"
        />
      </ControlBar>
      <QueryView query={query} height={340} isEmpty={(data) => data.cells.length === 0}>
        {(data) => {
          const rows = orderCountries(data, sort, isCountry ? countryName : (key) => key);
          const byKey = new Map(rows.map((row) => [row.key, row]));
          const value = (rowKey: string | null, columnKey: string | null) => byKey.get(rowKey)?.values.get(columnKey) ?? null;
          const sortValues = countrySortValues(data.columnKeys);
          const columnIds = marketplaceColumnIds(data.columnKeys);
          const columns: SortableColumn<CountryRow>[] = [
            {
              id: 'name',
              header: rowDimension.label,
              sortValue: sortValues.name,
              cell: (row) =>
                row.key === null ? (
                  rowLabel(null)
                ) : (
                  <button type="button" className="button button-quiet" onClick={(event) => onRow(row.key!, isAdditive(event))}>
                    {rowLabel(row.key)}
                  </button>
                ),
            },
            { id: 'total', header: measure.label, numeric: true, sortValue: sortValues.total, cell: (row) => format.full(row.total) },
            { id: 'share', header: tr(messages.shareOfTotal), numeric: true, sortValue: sortValues.share, cell: (row) => formatShare(row.share) },
            ...data.columnKeys.map((columnKey, index) => ({
              id: columnIds[index]!,
              header: columnLabel(columnKey),
              numeric: true,
              sortValue: sortValues[columnIds[index]!],
              cell: (row: CountryRow) => format.full(row.values.get(columnKey) ?? null),
            })),
            ...(model.timeless ? [] : [whyColumn(isCountry ? countryName : (key) => key, (key) => update(explainMember(view.filters, rowDimension.id, key)))]),
          ];
          return asTable ? (
            <SortableTable
              caption={tr(messages.caption, { measure: measure.label, rows: rowDimension.label.toLowerCase(), columns: columnDimension.label.toLowerCase() })}
              testId="countries-table"
              columns={columns}
              rows={rows}
              rowKey={(row) => row.key ?? '\u0000other'}
              sort={sort}
              onSortChange={setSort}
              rowProps={(row) => ({ 'aria-selected': row.key !== null && selectedRows.includes(row.key) })}
            />
          ) : (
            <StackedBarChart
              categories={rows.map((row) => ({ key: row.key, label: rowLabel(row.key) }))}
              series={data.columnKeys.map((key) => ({ key, label: columnLabel(key), color: key === null ? 'var(--axis)' : colorFor(key) }))}
              value={value}
              stacked={options.stack === 'stacked'}
              formatAxis={format.compact}
              formatValue={format.full}
              onSelectCategory={onRow}
              selectedCategories={selectedRows}
              ariaLabel={tr(messages.barsAria, {
                measure: measure.periodLabel,
                rows: rowDimension.label.toLowerCase(),
                columns: columnDimension.label.toLowerCase(),
                bars: rows
                  .slice(0, 5)
                  .map((row) => `${rowLabel(row.key)} ${format.compact(row.total)}`)
                  .join(', '),
              })}
            />
          );
        }}
      </QueryView>
    </ChartPanel>
  );
}

/** A "Why?" button on each named row: the explanation of that row's change, split by the columns' dimension. */
function whyColumn(nameOf: (key: string) => string, onWhy: (key: string) => void): SortableColumn<CountryRow> {
  return {
    id: 'why',
    header: t(whyMessages.why),
    cell: (row) =>
      row.key === null ? null : (
        <WhyButton subject={nameOf(row.key)} onClick={() => onWhy(row.key!)} />
      ),
  };
}

function isAdditive(event: React.MouseEvent): boolean {
  return event.shiftKey || event.metaKey || event.ctrlKey;
}
