// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { breakdownQuery, type Breakdown } from '../../data';
import { CountriesView, countrySortValues, marketplaceColumnIds, orderCountries } from './CountriesView';
import type { ViewProps } from '../shared/viewProps';
import { installResizeObserverStub, renderWithQueryData, testOptions, testView, testViewProps } from '../shared/viewTestKit';

beforeAll(installResizeObserverStub);
afterEach(cleanup);

const view = testView({ measureId: 'gmv' });
const options = testOptions({ tab: 'countries', sorts: { leaderboard: { column: 'rank', direction: 'asc' } } });

// Russia and Brazil tie on 500; "Other" is the largest bucket but must still come last.
const breakdown: Breakdown = {
  cells: [
    { rowKey: 'RU', columnKey: 'AliExpress', value: 300 },
    { rowKey: 'RU', columnKey: 'Ozon', value: 200 },
    { rowKey: 'BR', columnKey: 'AliExpress', value: 450 },
    { rowKey: 'BR', columnKey: null, value: 50 },
    { rowKey: 'DE', columnKey: 'AliExpress', value: 100 },
    { rowKey: null, columnKey: 'AliExpress', value: 900 },
    { rowKey: null, columnKey: null, value: 100 },
  ],
  rowKeys: ['RU', 'BR', 'DE', null],
  columnKeys: ['AliExpress', 'Ozon', null],
  rowTotal: 5,
  columnTotal: 4,
};
const keys = (rows: { key: string | null }[]) => rows.map((row) => row.key);

describe('orderCountries', () => {
  it('orders by total, largest first, ties in the breakdown order, Other last', () => {
    const rows = orderCountries(breakdown, { column: 'total', direction: 'desc' });
    expect(keys(rows)).toEqual(['RU', 'BR', 'DE', null]);
    expect(rows.map((row) => row.total)).toEqual([500, 500, 100, 1000]);
    expect(rows[0]!.share).toBeCloseTo(500 / 2100);
    expect(keys(orderCountries(breakdown, { column: 'total', direction: 'asc' }))).toEqual(['DE', 'RU', 'BR', null]);
  });

  it('orders by country name (not code) either way, Other still last', () => {
    expect(keys(orderCountries(breakdown, { column: 'name', direction: 'asc' }))).toEqual(['BR', 'DE', 'RU', null]);
    expect(keys(orderCountries(breakdown, { column: 'name', direction: 'desc' }))).toEqual(['RU', 'DE', 'BR', null]);
  });

  it('orders by one marketplace column, countries without it after the rest', () => {
    const [, ozon] = marketplaceColumnIds(breakdown.columnKeys);
    expect(ozon).toBe('m_ozon');
    expect(keys(orderCountries(breakdown, { column: ozon!, direction: 'desc' }))).toEqual(['RU', 'BR', 'DE', null]);
    expect(keys(orderCountries(breakdown, { column: 'm_aliexpress', direction: 'asc' }))).toEqual(['DE', 'RU', 'BR', null]);
  });

  it('keeps the breakdown order for an unknown sort column', () => {
    expect(keys(orderCountries(breakdown, { column: 'm_gone', direction: 'asc' }))).toEqual(['RU', 'BR', 'DE', null]);
  });

  it('makes URL-safe, distinct column ids', () => {
    expect(marketplaceColumnIds(['Mercado Libre', 'MERCADO-LIBRE', 'Ünïcode', '!!!', null])).toEqual([
      'm_mercado_libre',
      'm1',
      'm_unicode',
      'm3',
      'other',
    ]);
  });
});

function renderView(overrides: Partial<ViewProps> = {}) {
  const colorFor = (name: string) => (name === 'AliExpress' ? '#4e79a7' : '#f28e2b');
  const props = testViewProps({ view, options, colorFor, ...overrides });
  const top = props.options.top ?? 10;
  const query = breakdownQuery(props.view, { rows: 'country', columns: 'marketplace', rowLimit: top, columnLimit: 6 });
  renderWithQueryData(<CountriesView {...props} />, [[query.queryKey, breakdown]]);
  return props;
}

describe('CountriesView', () => {
  it('shows the chart under a titled panel', () => {
    renderView();
    const panel = screen.getByTestId('countries-panel');
    expect(within(panel).getByRole('heading', { name: 'Country comparison' })).toBeTruthy();
    expect(within(panel).getByTestId('stacked-bar-chart')).toBeTruthy();
    expect(panel.textContent).toContain('the 3 largest of 5');
  });

  it('changes the URL state from its controls', () => {
    const { update } = renderView();
    fireEvent.change(screen.getByTestId('countries-top'), { target: { value: '15' } });
    expect(update).toHaveBeenLastCalledWith({ top: 15 });
    fireEvent.change(screen.getByTestId('countries-stack'), { target: { value: 'grouped' } });
    expect(update).toHaveBeenLastCalledWith({ stack: 'grouped' });
    fireEvent.change(screen.getByTestId('countries-sort'), { target: { value: 'name' } });
    expect(update).toHaveBeenLastCalledWith({
      sorts: { leaderboard: { column: 'rank', direction: 'asc' }, countries: { column: 'name', direction: 'asc' } },
    });
  });

  it('shows the table in the same order, with Other last, and selects a country from it', () => {
    const { onSelect, update } = renderView({
      options: { ...options, top: 5, sorts: { countries: { column: 'name', direction: 'asc' } } },
      selected: { country: ['DE'] },
    });
    expect((screen.getByTestId('countries-top') as HTMLSelectElement).value).toBe('5');
    expect((screen.getByTestId('countries-sort') as HTMLSelectElement).value).toBe('name');
    fireEvent.click(screen.getByRole('button', { name: 'Show table' }));
    const rows = within(screen.getByTestId('countries-table')).getAllByRole<HTMLTableRowElement>('row').slice(1);
    expect(rows.map((row) => row.cells[0]!.textContent)).toEqual(['🇧🇷 Brazil', '🇩🇪 Germany', '🇷🇺 Russia', 'Other countries']);
    expect(rows.map((row) => row.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false', 'false']);
    expect(rows[0]!.textContent).toContain('$500');
    expect(rows[0]!.textContent).toContain('23.8%');
    fireEvent.click(within(rows[2]!).getByRole('button', { name: '🇷🇺 Russia' }), { metaKey: true });
    expect(onSelect).toHaveBeenLastCalledWith('country', 'RU', true);
    // Why? on a named row explains that country's change by marketplace; the Other row has none.
    expect(within(rows[3]!).queryByRole('button', { name: 'Why?' })).toBeNull();
    fireEvent.click(within(rows[2]!).getByRole('button', { name: 'Why?' }));
    expect(update).toHaveBeenLastCalledWith({ tab: 'explain', split: 'first', filters: { country: ['RU'] } });
    fireEvent.click(screen.getByRole('button', { name: /Share of total/ }));
    expect(update).toHaveBeenLastCalledWith({ sorts: { countries: { column: 'share', direction: 'desc' } } });
  });
});

describe('sort columns named like Object.prototype members', () => {
  it('has no sort column "constructor" unless a marketplace makes one, and keeps the order for it', () => {
    const values = countrySortValues(['constructor', '__proto__', null]);
    expect(Object.keys(values)).toEqual(['name', 'total', 'share', 'm_constructor', 'm_proto', 'other']);
    expect(values['constructor']).toBeUndefined();
    expect(values['toString']).toBeUndefined();
    expect(keys(orderCountries(breakdown, { column: 'constructor', direction: 'asc' }))).toEqual(['RU', 'BR', 'DE', null]);
  });
});
