// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kpiQuery, leaderboardQuery, mapQuery, rankingQuery, OVERVIEW_SERIES_LIMIT, type DatasetModel, type KpiSummary, type Leaderboard } from '../../data';
import { uploadedModel } from '../../data/upload/uploadedModel';
import type { PlannedColumn, UploadPlan } from '../../data/upload/plan';
import { FilterBar } from '../../features/workspace/FilterBar';
import { KpiCards } from '../overview/KpiCards';
import { TrendPanel } from '../overview/TrendPanel';
import { LeaderboardView } from '../leaderboard/LeaderboardView';
import { MapView } from '../map/MapView';
import { TrendView } from '../trend/TrendView';
import { installResizeObserverStub, renderWithQueryData, testOptions, testView, testViewProps } from './viewTestKit';

/**
 * A file without a time column is loaded into one placeholder month (2000-01). No view may show that month, a period
 * or a comparison with a year earlier; the views that need time say so.
 */

const TEXT = { kind: 'text' } as const;
const NUMBER = { kind: 'number', decimal: '.', thousands: null, percent: false, currency: null, integer: true } as const;

function column(index: number, header: string, role: PlannedColumn['role'], overTime: PlannedColumn['overTime'] = 'sum'): PlannedColumn {
  return { index, header, role, format: role === 'measure' ? NUMBER : role === 'time' ? { kind: 'month' } as never : TEXT, nullTokens: [], unit: 'count', overTime };
}

function plan(columns: PlannedColumn[]): UploadPlan {
  return {
    datasetLabel: 'Shops',
    dialect: { encoding: 'utf-8', delimiter: ',', quote: '"', escape: '"', header: true, compression: 'none' } as UploadPlan['dialect'],
    lineEnding: '\n' as UploadPlan['lineEnding'],
    columns,
  };
}

const TIMELESS: DatasetModel = uploadedModel(
  'u_shops_1',
  plan([column(0, 'Shop', 'dimension'), column(1, 'Region', 'dimension'), column(2, 'Stock', 'measure', 'mean'), column(3, 'Orders', 'measure')]),
).model;
const MEASURE = TIMELESS.measures[0]!;
// The placeholder month every row of a timeless file is loaded into.
const VIEW = testView({ datasetId: TIMELESS.id, measureId: MEASURE.id, from: '2000-01', to: '2000-01' });
const CATALOG = { firstMonth: '2000-01', lastMonth: '2000-01', rowCount: 4, members: { shop: ['Alpha', 'Beta'], region: ['North', 'South'] } };

function timelessProps(overrides: Parameters<typeof testViewProps>[0] = {}) {
  return testViewProps({ model: TIMELESS, view: VIEW, measure: MEASURE, catalog: CATALOG, options: testOptions({ base: '2000-01' }), ...overrides });
}

const NO_PLACEHOLDER_MONTH = /Jan 2000|2000-01/;

beforeAll(installResizeObserverStub);
afterEach(cleanup);

describe('the model of an upload without a time column', () => {
  it('is timeless, and every measure is a total over the rows (no "avg. per month")', () => {
    expect(TIMELESS.timeless).toBe(true);
    expect(TIMELESS.measures.map((measure) => measure.periodLabel)).toEqual(['total', 'total', 'total']);
    expect(MEASURE.description).toBe('Stock, summed over the rows.');
  });

  it('keeps months for an upload with a time column', () => {
    const timed = uploadedModel('u_t', plan([column(0, 'Month', 'time'), column(1, 'Shop', 'dimension'), column(2, 'Stock', 'measure', 'mean')])).model;
    expect(timed.timeless).toBe(false);
    expect(timed.measures[0]!.periodLabel).toBe('avg. per month');
  });
});

describe('views of a dataset without a time column', () => {
  it('key figures: "All rows" instead of a period, and no change against a year earlier', () => {
    const kpis: KpiSummary = { current: 120, previous: null, change: null, leader: 'Alpha', leaderValue: 80, leaderShare: 2 / 3, monthsWithData: 1 };
    renderWithQueryData(<KpiCards view={VIEW} measure={MEASURE} leaderLabel="Shop" datasetLabel="Shops" synthetic={false} timeless />, [
      [kpiQuery(VIEW).queryKey, kpis],
    ]);
    const figures = screen.getByTestId('kpis');
    expect(within(figures).getByTestId('kpi-total').textContent).toContain('All rows');
    expect(within(figures).queryByTestId('kpi-change')).toBeNull();
    expect(within(figures).getByTestId('kpi-leader').textContent).toContain('Alpha');
    expect(figures.textContent).not.toMatch(NO_PLACEHOLDER_MONTH);
    expect(figures.textContent).not.toContain('month');
  });

  it('key figures of a dataset with time still show the period and the change', () => {
    const view = testView();
    const kpis: KpiSummary = { current: 120, previous: 100, change: 0.2, leader: 'Ozon', leaderValue: 80, leaderShare: 0.5, monthsWithData: 6 };
    renderWithQueryData(<KpiCards view={view} measure={MEASURE} leaderLabel="Shop" datasetLabel="Market" synthetic={false} timeless={false} />, [
      [kpiQuery(view).queryKey, kpis],
    ]);
    expect(screen.getByTestId('kpi-total').textContent).toContain('Jul 2014 – Dec 2014 · 6 months');
    expect(screen.getByTestId('kpi-change').textContent).toContain('+20');
  });

  it('overview: the first dimension as a table of totals instead of a one-point time axis', () => {
    const ranking = { rows: [{ key: 'Alpha', value: 80, share: 0.8 }, { key: 'Beta', value: 20, share: 0.2 }], groupTotal: 2 };
    renderWithQueryData(
      <TrendPanel model={TIMELESS} view={VIEW} measure={MEASURE} colorFor={() => '#000'} selected={[]} onSelect={() => {}} />,
      [[rankingQuery(VIEW, 'shop', OVERVIEW_SERIES_LIMIT).queryKey, ranking]],
    );
    const panel = screen.getByTestId('trend-panel');
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('Stock by shop');
    expect(panel.textContent).toContain('no time column');
    expect(within(panel).getAllByRole('row').map((row) => row.textContent)).toEqual(['ShopStockShare', 'Alpha8080%', 'Beta2020%']);
    expect(panel.querySelector('.recharts-wrapper')).toBeNull();
    expect(panel.textContent).not.toMatch(NO_PLACEHOLDER_MONTH);
  });

  it('overview of a one-dimension dataset: says why, without repeating the ranking beside', () => {
    const single: DatasetModel = { ...TIMELESS, dimensions: TIMELESS.dimensions.slice(0, 1) };
    renderWithQueryData(<TrendPanel model={single} view={VIEW} measure={MEASURE} colorFor={() => '#000'} selected={[]} onSelect={() => {}} />);
    expect(screen.getByTestId('trend-panel').textContent).toContain('Shops has no time column, so there is no trend over time');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('trend view: a message and ways to the views that compare without time, no chart', () => {
    const props = timelessProps({ options: testOptions({ tab: 'trend', base: '2000-01' }) });
    render(<TrendView {...props} />);
    const panel = screen.getByTestId('trend-view');
    expect(panel.textContent).toContain('has no time column');
    expect(panel.querySelector('.recharts-wrapper')).toBeNull();
    expect(screen.queryByTestId('trend-mode')).toBeNull();
    expect(screen.queryByTestId('trend-why')).toBeNull();
    expect(panel.textContent).not.toMatch(NO_PLACEHOLDER_MONTH);
    fireEvent.click(within(panel).getByRole('button', { name: 'Countries' }));
    expect(props.update).toHaveBeenCalledWith({ tab: 'countries' });
  });

  it('leaderboard: ranks without rank change, growth or trend, and says they need a time column', () => {
    const props = timelessProps({ options: testOptions({ tab: 'leaderboard', base: '2000-01' }) });
    const leaderboard: Leaderboard = {
      rows: [
        { group: 'North', member: 'Alpha', value: 60, share: 0.75, rank: 1, previousRank: null, growth: null, spark: [60] },
        { group: 'North', member: 'Beta', value: 20, share: 0.25, rank: 2, previousRank: null, growth: null, spark: [20] },
      ],
      sparkPeriods: ['2000-01'],
      sparkGrain: 'month',
    };
    const query = leaderboardQuery(VIEW, { group: 'region', member: 'shop' });
    renderWithQueryData(<LeaderboardView {...props} />, [[query.queryKey, leaderboard]]);
    const panel = screen.getByTestId('leaderboard-panel');
    const headers = within(screen.getByTestId('leaderboard-table')).getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers.join('|')).not.toMatch(/year earlier|Rank change|Trend/);
    expect(headers.length).toBe(5);
    expect(panel.textContent).toContain('rank changes and trends need a time column');
    expect(panel.textContent).not.toMatch(NO_PLACEHOLDER_MONTH);
    expect(panel.textContent).not.toContain('new');
  });

  it('map: the change against a year earlier cannot be chosen, and a link asking for it shows the value', () => {
    const geo = { ...TIMELESS, dimensions: [TIMELESS.dimensions[0]!, { ...TIMELESS.dimensions[1]!, display: 'country' as const }] };
    const props = timelessProps({ model: geo, options: testOptions({ tab: 'map', base: '2000-01', mapMetric: 'growth' }) });
    renderWithQueryData(<MapView {...props} />, [[mapQuery(VIEW, { metric: 'value', member: null }).queryKey, [{ code: 'RU', value: 5 }]]]);
    const metric = screen.getByTestId<HTMLSelectElement>('map-metric');
    expect(metric.value).toBe('value');
    const growth = within(metric).getByRole<HTMLOptionElement>('option', { name: /Change vs a year earlier/ });
    expect(growth.disabled).toBe(true);
    expect(growth.textContent).toContain('needs a time column');
    expect(screen.getByTestId('map-panel').textContent).not.toMatch(NO_PLACEHOLDER_MONTH);
  });

  it('filters: no month pickers, the period reads "All rows"', () => {
    render(<FilterBar datasets={[]} model={TIMELESS} catalog={CATALOG} view={VIEW} filters={{}} compare="year" update={() => {}} />);
    expect(screen.queryByTestId('filter-from')).toBeNull();
    expect(screen.queryByTestId('filter-to')).toBeNull();
    expect(screen.queryByTestId('filter-compare')).toBeNull();
    expect(screen.getByTestId('filter-period').textContent).toBe('PeriodAll rows (no time column)');
    expect(screen.getByRole('form', { name: 'Filters' }).textContent).not.toMatch(NO_PLACEHOLDER_MONTH);
  });
});
