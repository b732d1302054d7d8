// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { leaderboardQuery, type Leaderboard } from '../../data';
import { LeaderboardView, rankChangeText } from './LeaderboardView';
import type { ViewProps } from '../shared/viewProps';
import { renderWithQueryData, testOptions, testView, testViewProps } from '../shared/viewTestKit';

afterEach(cleanup);

const view = testView({ measureId: 'gmv' });
const options = testOptions({ tab: 'leaderboard', sorts: { countries: { column: 'name', direction: 'asc' } } });

// Out of order on purpose: the view shows them by country, then rank.
const leaderboard: Leaderboard = {
  rows: [
    { group: 'RU', member: 'Ozon', value: 200, share: 0.4, rank: 2, previousRank: 1, growth: -0.2, spark: [30, 35, 40] },
    { group: 'RU', member: 'AliExpress', value: 300, share: 0.6, rank: 1, previousRank: 3, growth: 0.5, spark: [40, null, 55] },
    { group: 'BR', member: 'eBay', value: 90, share: 0.3, rank: 2, previousRank: null, growth: null, spark: [null, 10, 15] },
    { group: 'BR', member: 'AliExpress', value: 210, share: 0.7, rank: 1, previousRank: 1, growth: 0.05, spark: [30, 35, 36] },
  ],
  sparkPeriods: ['2014-07', '2014-08', '2014-09'],
  sparkGrain: 'month',
};

function renderView(overrides: Partial<ViewProps> = {}) {
  const props = testViewProps({ view, options, ...overrides });
  const query = leaderboardQuery(props.view, { group: 'country', member: 'marketplace' });
  renderWithQueryData(<LeaderboardView {...props} />, [[query.queryKey, leaderboard]]);
  return props;
}

const bodyRows = () => within(screen.getByTestId('leaderboard-table')).getAllByRole<HTMLTableRowElement>('row').slice(1);
const column = (index: number) => bodyRows().map((row) => row.cells[index]!.textContent);

describe('rankChangeText', () => {
  it('shows places climbed, places lost, new and unchanged', () => {
    expect(rankChangeText({ rank: 1, previousRank: 3 })).toBe('▲2');
    expect(rankChangeText({ rank: 2, previousRank: 1 })).toBe('▼1');
    expect(rankChangeText({ rank: 4, previousRank: null })).toBe('new');
    expect(rankChangeText({ rank: 1, previousRank: 1 })).toBe('–');
  });
});

describe('LeaderboardView', () => {
  it('lists countries A–Z, then by rank, with the period and the comparison period', () => {
    renderView();
    const panel = screen.getByTestId('leaderboard-panel');
    expect(within(panel).getByRole('heading', { name: 'Leaderboard' })).toBeTruthy();
    expect(panel.textContent).toContain('Jul 2014 – Dec 2014, rank change vs Jul 2013 – Dec 2013');
    expect(column(0)).toEqual(['🇧🇷 Brazil', '🇧🇷 Brazil', '🇷🇺 Russia', '🇷🇺 Russia']);
    expect(column(1)).toEqual(['#1', '#2', '#1', '#2']);
    expect(column(2)).toEqual(['AliExpress', 'eBay', 'AliExpress', 'Ozon']);
    expect(column(3)).toEqual(['$210', '$90', '$300', '$200']);
    expect(column(4)).toEqual(['70%', '30%', '60%', '40%']);
    expect(column(5)).toEqual(['+5.0%', '–', '+50.0%', '-20.0%']);
    expect(column(6)).toEqual(['–', 'new', '▲2', '▼1']);
  });

  it('sorts by growth against a year earlier, fastest first, unknown last', () => {
    renderView({ options: { ...options, sorts: { leaderboard: { column: 'growth', direction: 'desc' } } } });
    expect(column(2)).toEqual(['AliExpress', 'AliExpress', 'Ozon', 'eBay']);
    expect(column(5)).toEqual(['+50.0%', '+5.0%', '-20.0%', '–']);
  });

  it('labels each sparkline with its first and last values', () => {
    renderView();
    const labels = screen.getAllByTestId('sparkline').map((spark) => spark.getAttribute('aria-label'));
    expect(labels[2]).toBe('GMV of AliExpress in Russia: $40 at the start, $55 at the end');
    expect(labels[1]).toBe('GMV of eBay in Brazil: $10 at the start, $15 at the end');
  });

  it('sorts by rank change with newcomers last, and keeps the sort in the URL', () => {
    const { update } = renderView({ options: { ...options, sorts: { leaderboard: { column: 'change', direction: 'desc' } } } });
    expect(column(6)).toEqual(['▲2', '–', '▼1', 'new']);
    fireEvent.click(screen.getByRole('button', { name: /Rank change/ }));
    expect(update).toHaveBeenLastCalledWith({ sorts: { leaderboard: { column: 'change', direction: 'asc' } } });
  });

  it('writes a header click into sorts.leaderboard, keeping the other views’ sorts', () => {
    const { update } = renderView();
    fireEvent.click(screen.getByRole('button', { name: /^GMV/ }));
    expect(update).toHaveBeenLastCalledWith({
      sorts: { countries: { column: 'name', direction: 'asc' }, leaderboard: { column: 'value', direction: 'desc' } },
    });
  });

  it('selects a marketplace or a country on click, and highlights selected rows', () => {
    const { onSelect } = renderView({ selected: { marketplace: ['Ozon'], country: ['BR'] } });
    expect(bodyRows().map((row) => row.getAttribute('aria-selected'))).toEqual(['true', 'true', 'false', 'true']);
    fireEvent.click(within(bodyRows()[0]!).getByRole('button', { name: 'AliExpress' }));
    expect(onSelect).toHaveBeenLastCalledWith('marketplace', 'AliExpress', false);
    fireEvent.click(within(bodyRows()[2]!).getByRole('button', { name: /Russia/ }), { shiftKey: true });
    expect(onSelect).toHaveBeenLastCalledWith('country', 'RU', true);
  });

  it('asks why a row moved: the explanation of its country, by marketplace', () => {
    const { update } = renderView();
    const row = bodyRows()[2]!;
    fireEvent.click(within(row).getByRole('button', { name: 'Why?' }));
    expect(update).toHaveBeenLastCalledWith({ tab: 'explain', split: 'first', filters: { country: ['RU'] } });
  });
});
