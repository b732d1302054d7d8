// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { MARKET_MODEL, conversionQuery, type ConversionRow } from '../../data';
import { ConversionView } from './ConversionView';
import type { ViewProps } from '../shared/viewProps';
import { installResizeObserverStub, renderWithQueryData, testOptions, testViewProps } from '../shared/viewTestKit';

beforeAll(installResizeObserverStub);
afterEach(cleanup);

const options = testOptions({ tab: 'conversion' });

/** A row as the fetcher makes it, from monthly totals. */
function conversionRow(first: string, second: string, months: number, visitorMonths: number, orders: number, revenue: number): ConversionRow {
  return {
    first,
    second,
    months,
    avgMonthlyVisitors: visitorMonths / months,
    avgMonthlyRevenue: revenue / months,
    ordersPerThousandVisitors: visitorMonths > 0 ? (orders / visitorMonths) * 1000 : null,
    averageOrderValue: orders > 0 ? revenue / orders : null,
    revenuePerVisitor: visitorMonths > 0 ? revenue / visitorMonths : null,
  };
}

const rows: ConversionRow[] = [
  conversionRow('AliExpress', 'RU', 6, 90_000_000, 1_200_000, 30_120_000),
  conversionRow('Ozon', 'RU', 6, 24_000_000, 620_000, 41_230_000),
  conversionRow('AliExpress', 'BR', 6, 30_000_000, 150_000, 4_110_000),
  conversionRow('Ozon', 'BR', 6, 0, 0, 0),
];

function renderView(overrides: Partial<ViewProps> = {}) {
  const props = testViewProps({ options, ...overrides });
  renderWithQueryData(<ConversionView {...props} />, [[conversionQuery(props.view).queryKey, rows]]);
  return props;
}

const bodyRows = () => within(screen.getByTestId('conversion-table')).getAllByRole<HTMLTableRowElement>('row').slice(1);

describe('ConversionView', () => {
  it('shows the ratios, formatted, best converting first', () => {
    renderView();
    const panel = screen.getByTestId('conversion-panel');
    expect(within(panel).getByRole('heading', { name: 'Traffic × sales' })).toBeTruthy();
    expect(panel.textContent).toContain('Which markets convert traffic to sales best: sort by orders per 1,000 visitors.');
    expect(within(panel).getByTestId('scatter-plot')).toBeTruthy();

    // Recomputed here from the same totals, rounded without Intl: 25.8, 13.3, 5.0 orders per 1,000 visitors.
    const expected = [
      ['Ozon', '🇷🇺 Russia', 620_000, 24_000_000, 41_230_000, '4M'],
      ['AliExpress', '🇷🇺 Russia', 1_200_000, 90_000_000, 30_120_000, '15M'],
      ['AliExpress', '🇧🇷 Brazil', 150_000, 30_000_000, 4_110_000, '5M'],
    ] as const;
    const shown = bodyRows().map((row) => [...row.cells].map((cell) => cell.textContent));
    expected.forEach(([marketplace, country, orders, visitorMonths, revenue, visitors], index) => {
      expect(shown[index]).toEqual([
        marketplace,
        country,
        ((orders / visitorMonths) * 1000).toFixed(1),
        `$${(revenue / orders).toFixed(2)}`,
        `$${(revenue / visitorMonths).toFixed(2)}`,
        visitors,
        'Why?',
      ]);
    });
    // No visitors: no ratios, and the row sorts last rather than as zero.
    expect(shown[3]).toEqual(['Ozon', '🇧🇷 Brazil', '–', '–', '–', '0', 'Why?']);
  });

  it('keeps its sort in sorts.conversion', () => {
    const { update } = renderView({ options: { ...options, sorts: { leaderboard: { column: 'rank', direction: 'asc' } } } });
    fireEvent.click(screen.getByRole('button', { name: /Average order value/ }));
    expect(update).toHaveBeenLastCalledWith({
      sorts: { leaderboard: { column: 'rank', direction: 'asc' }, conversion: { column: 'aov', direction: 'desc' } },
    });
    fireEvent.click(screen.getByRole('button', { name: /Orders per 1,000 visitors/ }));
    expect(update).toHaveBeenLastCalledWith({
      sorts: { leaderboard: { column: 'rank', direction: 'asc' }, conversion: { column: 'orders_per_k', direction: 'asc' } },
    });
  });

  it('switches to log axes in the component, not the URL', () => {
    const { update } = renderView();
    const axes = screen.getByTestId('conversion-axes') as HTMLSelectElement;
    expect(axes.value).toBe('linear');
    fireEvent.change(axes, { target: { value: 'log' } });
    expect((screen.getByTestId('conversion-axes') as HTMLSelectElement).value).toBe('log');
    expect(update).not.toHaveBeenCalled();
  });

  it('selects a marketplace from the table and highlights selected rows', () => {
    const { onSelect } = renderView({ selected: { country: ['BR'] } });
    expect(bodyRows().map((row) => row.getAttribute('aria-selected'))).toEqual(['false', 'false', 'true', 'true']);
    fireEvent.click(within(bodyRows()[0]!).getByRole('button', { name: 'Ozon' }));
    expect(onSelect).toHaveBeenLastCalledWith('marketplace', 'Ozon', false);
  });

  it('explains itself instead of querying when the dataset has no traffic and sales measures', () => {
    renderView({ model: { ...MARKET_MODEL, roles: undefined } });
    const panel = screen.getByTestId('conversion-panel');
    expect(within(panel).getByRole('status').textContent).toMatch(/no visitors, orders and revenue measures/);
    expect(screen.queryByTestId('conversion-table')).toBeNull();
  });
});
