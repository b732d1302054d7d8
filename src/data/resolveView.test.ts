import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_STATE, type ViewState } from '../state/viewState';
import type { DatasetModel } from './model';
import { measureOf, resolveView, sliceFor, type DatasetCatalog, type ResolvedView } from './resolveView';

// A hand-made model whose dimension ids differ from their column names, so a mix-up between the two shows.
const MODEL: DatasetModel = {
  id: 'shops',
  label: 'Shops (test)',
  table: 'shop monthly',
  timeColumn: 'period',
  dimensions: [
    { id: 'shop', column: 'shop_name', label: 'Shop', pluralLabel: 'Shops', display: 'text' },
    { id: 'region', column: 'region_code', label: 'Region', pluralLabel: 'Regions', display: 'country' },
  ],
  measures: [
    { id: 'sales', column: 'sales_usd', label: 'Sales', unit: 'usd', overTime: 'sum', periodLabel: 'total', description: '' },
    { id: 'visits', column: 'visits', label: 'Visits', unit: 'count', overTime: 'mean', periodLabel: 'avg.', description: '' },
  ],
  defaultMeasure: 'visits',
  provenance: 'synthetic',
  sourceLine: 'test',
};

const CATALOG: DatasetCatalog = {
  firstMonth: '2013-03',
  lastMonth: '2015-02',
  rowCount: 100,
  members: { shop: ['Big', 'Mid', 'Small'], region: ['RU', 'MX'] },
};

const state = (overrides: Partial<ViewState> = {}): ViewState => ({ ...DEFAULT_VIEW_STATE, filters: {}, ...overrides });
const resolve = (overrides: Partial<ViewState> = {}, catalog = CATALOG) => resolveView(state(overrides), MODEL, catalog);

describe('resolveView', () => {
  it('fills in the defaults: the last 12 months of data and the default measure', () => {
    expect(resolve()).toEqual({
      // 2015-02 and the eleven months before it.
      view: { datasetId: 'shops', measureId: 'visits', from: '2014-03', to: '2015-02', filters: {} },
      notices: [],
    });
  });

  it('never starts the default span before the data does', () => {
    const short = { ...CATALOG, firstMonth: '2014-11', lastMonth: '2015-02' };
    expect(resolve({}, short).view).toMatchObject({ from: '2014-11', to: '2015-02' });
  });

  it('keeps a known measure and a valid range without notices', () => {
    expect(resolve({ measure: 'sales', from: '2013-03', to: '2013-03' })).toEqual({
      view: { datasetId: 'shops', measureId: 'sales', from: '2013-03', to: '2013-03', filters: {} },
      notices: [],
    });
  });

  it('replaces an unknown measure by the default, with a notice', () => {
    const { view, notices } = resolve({ measure: 'profit' });
    expect(view.measureId).toBe('visits');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('"profit"');
    expect(notices[0]).toContain('Visits');
  });

  it('clamps months outside the data to its first and last month, one notice each', () => {
    const { view, notices } = resolve({ from: '2010-01', to: '2030-12' });
    expect(view).toMatchObject({ from: CATALOG.firstMonth, to: CATALOG.lastMonth });
    expect(notices).toHaveLength(2);
    const about = (month: string) => notices.find((notice) => notice.includes(month)) ?? '';
    expect(about('2010-01')).toContain(CATALOG.firstMonth);
    expect(about('2030-12')).toContain(CATALOG.lastMonth);
  });

  it('clamps both ends into the data even when both are on the same side', () => {
    const { view, notices } = resolve({ from: '2020-01', to: '2021-01' });
    expect(view).toMatchObject({ from: CATALOG.lastMonth, to: CATALOG.lastMonth });
    expect(notices).toHaveLength(2);
  });

  it('swaps a start after the end, with a notice', () => {
    const { view, notices } = resolve({ from: '2014-12', to: '2014-01' });
    expect(view).toMatchObject({ from: '2014-01', to: '2014-12' });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/swapped/);
  });

  it('with only `to`, shows the twelve months up to it (never before the data), without notices', () => {
    expect(resolve({ to: '2013-06' })).toEqual({
      view: { datasetId: 'shops', measureId: 'visits', from: CATALOG.firstMonth, to: '2013-06', filters: {} },
      notices: [],
    });
    // 2014-09 and the eleven months before it.
    expect(resolve({ to: '2014-09' }).view).toMatchObject({ from: '2013-10', to: '2014-09' });
    expect(resolve({ to: '2014-09' }).notices).toEqual([]);
  });

  it('with only `from`, shows from it to the last month of data', () => {
    expect(resolve({ from: '2013-05' })).toMatchObject({ view: { from: '2013-05', to: CATALOG.lastMonth }, notices: [] });
  });

  it('ignores a filter on a dimension the dataset does not have, with a notice', () => {
    const { view, notices } = resolve({ filters: { channel: ['web'], region: ['MX'] } });
    expect(view.filters).toEqual({ region: ['MX'] });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('"channel"');
  });

  it('drops unknown members with a notice and keeps the known ones in their order', () => {
    const { view, notices } = resolve({ filters: { shop: ['Small', 'Nowhere', 'Big'] } });
    expect(view.filters).toEqual({ shop: ['Small', 'Big'] });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('"Nowhere"');
    expect(notices[0]).toContain('shops');
  });

  it('leaves out a filter whose members are all unknown, and shortens long lists of unknowns', () => {
    const unknown = ['u1', 'u2', 'u3', 'u4', 'u5'];
    const { view, notices } = resolve({ filters: { region: unknown } });
    expect(view.filters).toEqual({});
    expect(notices).toHaveLength(1);
    for (const shown of unknown.slice(0, 3)) expect(notices[0]).toContain(`"${shown}"`);
    expect(notices[0]).not.toContain('"u4"');
    expect(notices[0]).toContain(`${unknown.length - 3} more`);
  });

  it('does not let member names from other dimensions through', () => {
    const { view } = resolve({ filters: { shop: ['RU'], region: ['Big', 'RU'] } });
    expect(view.filters).toEqual({ region: ['RU'] });
  });
});

describe('sliceFor', () => {
  const view: ResolvedView = {
    datasetId: 'shops',
    measureId: 'sales',
    from: '2014-01',
    to: '2014-12',
    filters: { region: ['RU', 'MX'] },
  };

  it('turns the months into first-of-month dates and the filters into columns, one per dimension', () => {
    expect(sliceFor(MODEL, view)).toEqual({
      table: 'shop monthly',
      timeColumn: 'period',
      range: { from: '2014-01-01', to: '2014-12-01' },
      filters: [
        { column: 'shop_name', values: [] },
        { column: 'region_code', values: ['RU', 'MX'] },
      ],
    });
  });

  it('shifts the range by whole months, across year boundaries', () => {
    expect(sliceFor(MODEL, view, -12).range).toEqual({ from: '2013-01-01', to: '2013-12-01' });
    expect(sliceFor(MODEL, { ...view, from: '2014-02', to: '2014-03' }, -3).range).toEqual({
      from: '2013-11-01',
      to: '2013-12-01',
    });
    // The filters do not move with the range.
    expect(sliceFor(MODEL, view, -12).filters).toEqual(sliceFor(MODEL, view).filters);
  });

  it('measureOf finds the view’s measure and refuses an unknown one', () => {
    expect(measureOf(MODEL, view).column).toBe('sales_usd');
    expect(() => measureOf(MODEL, { ...view, measureId: 'nope' })).toThrow(/nope/);
  });
});
