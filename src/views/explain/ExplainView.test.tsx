// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { explainQuery, shareShiftQuery, splitDimension, type ExplainSegment, type Explanation, type ShareShift } from '../../data';
import type { ViewProps } from '../shared/viewProps';
import { installResizeObserverStub, renderWithQueryData, testOptions, testView, testViewProps } from '../shared/viewTestKit';
import { ExplainView } from './ExplainView';

beforeAll(installResizeObserverStub);
afterEach(cleanup);

const view = testView({ filters: { country: ['RU'] } });

function segment(level: ExplainSegment['level'], first: string | null, second: string | null, base: number | null, current: number | null): ExplainSegment {
  return {
    level,
    first,
    second,
    base,
    current,
    contribution: (current ?? 0) - (base ?? 0),
    status: base === null ? 'new' : current === null ? 'gone' : 'both',
    rateEffect: null,
    mixEffect: null,
    baseWeight: null,
    currentWeight: null,
  };
}

// Russia, H2 2013 → H2 2014: each level adds up to the total, as the SQL guarantees.
const EXPLANATION: Explanation = {
  ratio: null,
  base: 15e6,
  current: 21e6,
  change: 6e6,
  baseMonths: 6,
  currentMonths: 6,
  segments: [
    segment('first', 'AliExpress', null, 9e6, 15.6e6),
    segment('first', 'eBay', null, 4.5e6, 3.7e6),
    segment('first', 'Amazon', null, 1.5e6, 1.4e6),
    segment('first', 'Joom', null, null, 0.3e6),
    segment('second', null, 'RU', 15e6, 21e6),
    segment('both', 'AliExpress', 'RU', 9e6, 15.6e6),
  ],
};

const SHIFT: ShareShift = {
  baseTotal: 15e6,
  currentTotal: 21e6,
  baseMonths: 6,
  currentMonths: 6,
  members: [
    { member: 'AliExpress', base: 9e6, current: 15.6e6, baseShare: 0.6, currentShare: 15.6 / 21, shareChangePoints: (15.6 / 21 - 0.6) * 100, change: 6.6e6, marketEffect: 3.6e6, shareEffect: 3e6, status: 'both' },
    { member: 'eBay', base: 4.5e6, current: 3.7e6, baseShare: 0.3, currentShare: 3.7 / 21, shareChangePoints: (3.7 / 21 - 0.3) * 100, change: -0.8e6, marketEffect: 1.8e6, shareEffect: -2.6e6, status: 'both' },
  ],
};

function renderView(overrides: Partial<ViewProps> = {}) {
  const props = testViewProps({ view, options: testOptions({ tab: 'explain' }), ...overrides });
  renderWithQueryData(<ExplainView {...props} />, [
    // At country level the second split is the split dimension itself.
    [explainQuery(props.view, props.options.ratio ?? null, splitDimension(props.model)?.id).queryKey, EXPLANATION],
    [shareShiftQuery(props.view).queryKey, SHIFT],
  ]);
  return props;
}

describe('ExplainView', () => {
  it('states the periods, writes the summary from the numbers and draws the waterfall', () => {
    renderView();
    expect(screen.getByTestId('explain-periods').textContent).toBe('Jul 2014 – Dec 2014 against the same months a year earlier (Jul 2013 – Dec 2013)');
    const summary = screen.getByTestId('explain-summary').textContent!;
    expect(summary).toContain('Visitors rose from 15M in H2 2013 to 21M in H2 2014, +6M (+40.0%).');
    // 6.6M of 6M: AliExpress alone is more than the whole rise; eBay and Amazon pulled the other way.
    expect(summary).toContain('AliExpress accounts for 110% of the rise (+6.6M).');
    expect(summary).toContain('eBay moved the other way (−800K), with 1 more.');
    expect(screen.getByTestId('waterfall-chart').getAttribute('aria-label')).toContain('from 15M to 21M: AliExpress +6.6M, eBay −800K');
    expect(screen.getByTestId('share-shift-summary').textContent).toContain('aggregates cannot say which marketplaces took customers from which');
  });

  it('lists every segment in a sortable table, new members marked, and drills into one', () => {
    const props = renderView();
    const panel = screen.getByTestId('explain-panel');
    fireEvent.click(within(panel).getByRole('button', { name: 'Show table' }));
    const rows = within(screen.getByTestId('explain-table')).getAllByRole<HTMLTableRowElement>('row').slice(1);
    // Largest rise first, largest fall last.
    expect(rows.map((row) => row.cells[0]!.textContent)).toEqual(['AliExpress', 'Joom', 'Amazon', 'eBay']);
    expect(rows[1]!.textContent).toContain('New');
    expect(rows[0]!.textContent).toContain('110%');
    fireEvent.click(within(rows[3]!).getByRole('button', { name: 'eBay' }));
    // eBay's change, explained by country next.
    expect(props.update).toHaveBeenCalledWith({ filters: { country: ['RU'], marketplace: ['eBay'] }, split: 'second' });
  });

  it('offers the traffic-to-sales ratios and the splits the dataset has', () => {
    const props = renderView();
    const what = screen.getByTestId('explain-what') as HTMLSelectElement;
    expect([...what.options].map((option) => option.text)).toEqual(['Visitors', 'Orders per 1,000 visitors', 'Average order value', 'GMV per visitor']);
    fireEvent.change(what, { target: { value: 'conversion' } });
    expect(props.update).toHaveBeenCalledWith({ ratio: 'conversion' });
    const split = screen.getByTestId('explain-split') as HTMLSelectElement;
    expect([...split.options].map((option) => option.text)).toEqual(['Marketplace', 'Country', 'Marketplace × country']);
  });

  it('says how a reach is split: over the whole selection\'s internet users', () => {
    renderView({ view: { ...view, measureId: 'reach' } });
    expect(screen.getByTestId('explain-reach-note').textContent).toContain('the parts add up to the change');
    cleanup();
    renderView();
    expect(screen.queryByTestId('explain-reach-note')).toBeNull();
  });

  it('says that a dataset without time has nothing to compare', () => {
    renderView({ model: { ...testViewProps().model, timeless: true } });
    expect(screen.getByTestId('explain-panel').textContent).toContain('no time column');
  });

  it('says so when a link asks for a ratio the dataset cannot make', () => {
    const model = { ...testViewProps().model, roles: undefined };
    renderView({ model, options: testOptions({ tab: 'explain', ratio: 'conversion' }) });
    expect(screen.getByTestId('explain-note').textContent).toContain('no visitors, orders and revenue');
    expect((screen.getByTestId('explain-what') as HTMLSelectElement).value).toBe('measure');
  });
});
