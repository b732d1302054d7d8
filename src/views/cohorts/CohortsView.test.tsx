// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { cohortsQuery, MARKET_MODEL, type Cohorts } from '../../data';
import type { ViewProps } from '../shared/viewProps';
import { installResizeObserverStub, renderWithQueryData, testOptions, testView, testViewProps } from '../shared/viewTestKit';
import { CohortsView } from './CohortsView';

beforeAll(installResizeObserverStub);
afterEach(cleanup);

const view = testView();
const temu = { first: 'Temu', second: 'US', entryMonth: '2022-09', unknownEntry: false, periodValue: 9e8 };
const shopee = { first: 'Shopee', second: 'BR', entryMonth: '2019-11', unknownEntry: false, periodValue: 4e8 };
const aliexpress = { first: 'AliExpress', second: 'RU', entryMonth: '2013-01', unknownEntry: true, periodValue: 8e8 };
const COHORTS: Cohorts = {
  dataFirstMonth: '2013-01',
  dataLastMonth: '2024-07',
  pairsTotal: 3,
  pairs: [temu, aliexpress, shopee],
  series: [
    { ...temu, values: [1e6, 2e6, 4e6] },
    { ...shopee, values: [5e5, 5e5, 1e6, 2e6] },
  ],
  missing: [],
};

function renderView(overrides: Partial<ViewProps> = {}, data: Cohorts = COHORTS) {
  const props = testViewProps({ view, options: testOptions({ tab: 'cohorts' }), ...overrides });
  const { cohortPairs, cohortUnknown } = props.options;
  renderWithQueryData(<CohortsView {...props} />, [
    [cohortsQuery(props.view, { pairs: cohortPairs, includeUnknown: cohortUnknown === 'include', limit: 6 }).queryKey, data],
  ]);
  return props;
}

describe('CohortsView', () => {
  it('writes the summary, says why unknown entries are left out, and draws one line per pair', () => {
    renderView();
    // Month 2 is the oldest both reach: Temu 4M, Shopee 1M.
    expect(screen.getByTestId('cohorts-summary').textContent).toBe(
      '2 months after entry, Temu in the United States had 4M visitors that month, 4.0× Shopee in Brazil at the same age.',
    );
    expect(screen.getByTestId('cohorts-notes').textContent).toContain('1 pair was already there in Jan 2013, when the data starts: their entry is unknown');
    expect(screen.getByTestId('cohorts-chart').querySelector('[role=img]')!.getAttribute('aria-label')).toContain('Temu · United States, Shopee · Brazil');
  });

  it('shows the table with each pair’s entry and the values by months since entry', () => {
    renderView();
    fireEvent.click(screen.getByRole('button', { name: 'Show table' }));
    const entries = within(screen.getByTestId('cohorts-entries')).getAllByRole('row').map((row) => row.textContent);
    expect(entries).toEqual(['PairEntry', 'Temu · United StatesSep 2022', 'Shopee · BrazilNov 2019']);
    const rows = within(screen.getByTestId('cohorts-table')).getAllByRole('row');
    // 36 months after entry by default: months 0–36, a row each.
    expect(rows).toHaveLength(38);
    expect(rows[1]!.textContent).toBe('01,000,000500,000');
    expect(rows[4]!.textContent).toBe('3–2,000,000');
  });

  it('switches to indexed values, and includes unknown entries from the checkbox', () => {
    const props = renderView();
    fireEvent.change(screen.getByTestId('cohorts-mode'), { target: { value: 'indexed' } });
    expect(props.update).toHaveBeenCalledWith({ cohortMode: 'indexed' });
    fireEvent.click(screen.getByTestId('cohorts-unknown'));
    expect(props.update).toHaveBeenCalledWith({ cohortUnknown: 'include' });
    // The view's options here never change (as while a change's transition is pending): the controls show the
    // user's choice all the same, instead of snapping back to the settled state.
    expect((screen.getByTestId('cohorts-mode') as HTMLSelectElement).value).toBe('indexed');
    expect((screen.getByTestId('cohorts-unknown') as HTMLInputElement).checked).toBe(true);
    cleanup();
    renderView({ options: testOptions({ tab: 'cohorts', cohortMode: 'indexed', cohortMonths: '24' }) });
    expect(screen.getByTestId('cohorts-summary').textContent).toContain('Temu in the United States stood at 400.0 (entry month = 100), against 200.0 for Shopee in Brazil');
  });

  it('marks a pair with an unknown entry with a dashed swatch, and says “entry unknown” in the legend and the table', () => {
    const withUnknown: Cohorts = { ...COHORTS, series: [...COHORTS.series, { ...aliexpress, values: [8e6, 9e6, 9e6] }] };
    renderView({ options: testOptions({ tab: 'cohorts', cohortUnknown: 'include' }) }, withUnknown);
    const legend = within(screen.getByTestId('cohorts-chart').querySelector('.chart-legend')!).getAllByRole('listitem');
    const unknown = legend.find((item) => item.textContent!.startsWith('AliExpress'))!;
    expect(unknown.textContent).toBe('AliExpress · Russia (entry unknown, Jan 2013 or earlier)');
    expect(unknown.querySelector('[data-testid=legend-swatch-dashed] line')!.getAttribute('stroke-dasharray')).toBe('3 3');
    expect(legend.filter((item) => item.querySelector('[data-testid=legend-swatch-dashed]'))).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Show table' }));
    const entries = within(screen.getByTestId('cohorts-entries')).getAllByRole('row').map((row) => row.textContent);
    expect(entries).toContain('AliExpress · Russia (entry unknown, Jan 2013 or earlier)Jan 2013 or earlier (entry unknown)');
  });

  it('gives a clear message without a time column or with one dimension', () => {
    renderView({ model: { ...MARKET_MODEL, timeless: true } });
    expect(screen.getByTestId('cohorts-unavailable').textContent).toContain('no time column');
    cleanup();
    renderView({ model: { ...MARKET_MODEL, dimensions: [MARKET_MODEL.dimensions[0]!] } });
    expect(screen.getByTestId('cohorts-unavailable').textContent).toContain('has one dimension');
  });
});
