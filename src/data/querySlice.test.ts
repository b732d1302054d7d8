import { describe, expect, it } from 'vitest';
import { t, type LocalText } from '../i18n';
import { DEFAULT_VIEW_STATE, type ViewState } from '../views';
import type { DatasetModel } from './model';
import { comparisonOf, measureOf, resolveQuerySlice, sliceFor, querySliceForView, type DatasetCatalog, type QuerySlice } from './querySlice';

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
/** A resolution with its notices said in the active language (English here). */
const said = <R extends { notices: LocalText[] }>(resolved: R): Omit<R, 'notices'> & { notices: string[] } => ({
  ...resolved,
  notices: resolved.notices.map((notice) => t(notice)),
});
const resolve = (overrides: Partial<ViewState> = {}, catalog = CATALOG) => said(resolveQuerySlice(state(overrides), MODEL, catalog));
/** The view and the notices, for the tests that are not about the display options. */
const viewAndNotices = ({ view, notices }: ReturnType<typeof resolve>) => ({ view, notices });

describe('resolveQuerySlice', () => {
  it('fills in the defaults: the last 12 months of data and the default measure', () => {
    expect(viewAndNotices(resolve())).toEqual({
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
    expect(viewAndNotices(resolve({ measure: 'sales', from: '2013-03', to: '2013-03' }))).toEqual({
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
    expect(viewAndNotices(resolve({ to: '2013-06' }))).toEqual({
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
  const view: QuerySlice = {
    datasetId: 'shops',
    measureId: 'sales',
    from: '2014-01',
    to: '2014-12',
    filters: { region: ['RU', 'MX'] },
  };

  it('turns the months into first-of-month dates and the filters into columns; unfiltered dimensions are left out', () => {
    expect(sliceFor(MODEL, view)).toEqual({
      table: 'shop monthly',
      timeColumn: 'period',
      range: { from: '2014-01-01', to: '2014-12-01' },
      filters: [{ column: 'region_code', values: ['RU', 'MX'] }],
    });
  });

  it('keeps an empty filter, which allows nothing', () => {
    expect(sliceFor(MODEL, { ...view, filters: { shop: [] } }).filters).toEqual([{ column: 'shop_name', values: [] }]);
  });

  it('reads another range of months, across year boundaries, with the same filters', () => {
    expect(sliceFor(MODEL, view, comparisonOf(view)).range).toEqual({ from: '2013-01-01', to: '2013-12-01' });
    expect(sliceFor(MODEL, { ...view, from: '2014-02', to: '2014-03' }, { from: '2013-11', to: '2013-12' }).range).toEqual({
      from: '2013-11-01',
      to: '2013-12-01',
    });
    // The filters do not move with the range.
    expect(sliceFor(MODEL, view, comparisonOf(view)).filters).toEqual(sliceFor(MODEL, view).filters);
  });

  it('measureOf finds the view’s measure and refuses an unknown one', () => {
    expect(measureOf(MODEL, view).column).toBe('sales_usd');
    expect(() => measureOf(MODEL, { ...view, measureId: 'nope' })).toThrow(/nope/);
  });
});

describe('display options', () => {
  it('defaults: absolute monthly view, base at the first month, series by the first dimension', () => {
    const { options, notices } = resolve({ from: '2014-01', to: '2014-06' });
    expect(options).toMatchObject({ tab: 'overview', mode: 'absolute', grain: 'month', base: '2014-01', by: 'shop' });
    expect(notices).toEqual([]);
  });

  it('rolling averages force the month grain, with a notice', () => {
    const { options, notices } = resolve({ mode: 'avg3', grain: 'quarter' });
    expect(options.grain).toBe('month');
    expect(notices.join(' ')).toMatch(/Rolling averages are monthly/);
  });

  it('a base month outside the range falls back to the first month, with a notice', () => {
    const { options, notices } = resolve({ from: '2014-01', to: '2014-06', mode: 'index', base: '2013-05' });
    expect(options.base).toBe('2014-01');
    expect(notices.join(' ')).toMatch(/2013-05 is outside/);
  });

  it('unknown series dimension and map member fall back, with notices', () => {
    const { options, notices } = resolve({ by: 'planet', mapMember: 'Nope' });
    expect(options.by).toBe('shop');
    expect(options.mapMember).toBeNull();
    expect(notices).toHaveLength(2);
    expect(resolve({ by: 'region', mapMember: 'Mid' }).options).toMatchObject({ by: 'region', mapMember: 'Mid' });
  });

  it('selections keep known members only', () => {
    const { options, notices } = resolve({ selections: { map: { region: ['RU', 'XX'], planet: ['Mars'] } } });
    expect(options.selections).toEqual({ map: { region: ['RU'] } });
    expect(notices).toHaveLength(2);
  });
});

describe('querySliceForView', () => {
  const base: QuerySlice = { datasetId: 'shops', measureId: 'visits', from: '2014-01', to: '2014-12', filters: { region: ['RU', 'MX'] } };

  it('applies the other tabs\' selections, not the tab\'s own', () => {
    const selections = { map: { region: ['MX'] }, trend: { shop: ['Big'] } };
    expect(querySliceForView(base, selections, 'map').filters).toEqual({ region: ['RU', 'MX'], shop: ['Big'] });
    expect(querySliceForView(base, selections, 'trend').filters).toEqual({ region: ['MX'] });
    expect(querySliceForView(base, selections, 'overview').filters).toEqual({ region: ['MX'], shop: ['Big'] });
  });

  it('intersects constraints on one dimension; no overlap leaves nothing', () => {
    const view = querySliceForView(base, { map: { region: ['BR'] } }, 'overview');
    expect(view.filters).toEqual({ region: [] });
    expect(sliceFor(MODEL, view).filters).toEqual([{ column: 'region_code', values: [] }]);
  });
});

describe('columns and members named like Object.prototype members', () => {
  // A file headed "Constructor" and "__proto__": the ids are `constructor` and `proto` (src/data/upload/plan.ts).
  const NAMED: DatasetModel = {
    ...MODEL,
    dimensions: [
      { id: 'constructor', column: 'c1', label: 'Constructor', pluralLabel: 'Constructors', display: 'text' },
      { id: 'proto', column: 'c2', label: '__proto__', pluralLabel: '__proto__', display: 'country' },
    ],
  };
  const MEMBERS = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf'];
  const NAMED_CATALOG: DatasetCatalog = { ...CATALOG, members: { constructor: MEMBERS, proto: ['RU', 'MX'] } };

  it('keeps filters and selections on them, and leaves out the filters a view does not have', () => {
    const { view, options, notices } = said(
      resolveQuerySlice(
        state({ filters: { constructor: ['__proto__', 'toString', 'isPrototypeOf'] }, selections: { countries: { proto: ['RU'] } }, mapMember: 'valueOf' }),
        NAMED,
        NAMED_CATALOG,
      ),
    );
    expect(view.filters).toEqual({ constructor: ['__proto__', 'toString'] });
    expect(notices).toEqual(['Ignored unknown constructors: "isPrototypeOf".']);
    expect(options.mapMember).toBe('valueOf');
    expect(options.selections).toEqual({ countries: { proto: ['RU'] } });
    // No filter on `constructor` once a view has none (a plain object would answer with Object).
    const unfiltered = { ...view, filters: {} };
    expect(sliceFor(NAMED, unfiltered).filters).toEqual([]);
    expect(sliceFor(NAMED, querySliceForView(unfiltered, { countries: { proto: ['RU'] } }, 'trend')).filters).toEqual([{ column: 'c2', values: ['RU'] }]);
  });

  it('intersects a selection on "constructor" with no filter on it, whatever the objects are made of', () => {
    const view: QuerySlice = { datasetId: 'shops', measureId: 'sales', from: '2014-01', to: '2014-02', filters: { proto: ['RU'] } };
    const forTrend = querySliceForView(view, { map: { constructor: ['toString'] } }, 'trend');
    expect(forTrend.filters).toEqual({ constructor: ['toString'], proto: ['RU'] });
    expect(Object.keys(forTrend.filters)).toEqual(['constructor', 'proto']);
  });

  it('drops a filter on a column the catalog does not list, rather than reading an inherited member', () => {
    // A snapshot's catalog is plain JSON and may lack a dimension.
    const sparse: DatasetCatalog = { ...CATALOG, members: { proto: ['RU'] } };
    const { view, options, notices } = resolveQuerySlice(
      state({ filters: { constructor: ['toString'] }, mapMember: 'valueOf' }),
      NAMED,
      sparse,
    );
    expect(view.filters).toEqual({});
    expect(options.mapMember).toBeNull();
    expect(notices).toHaveLength(2);
  });
});

describe('the period compared with', () => {
  const period = { from: '2014-07', to: '2014-12' };
  it('is the same months a year earlier by default, left out of the slice so that query keys stay as they were', () => {
    const { view, notices } = resolve(period);
    expect(view.compareTo).toBeUndefined();
    expect(comparisonOf(view)).toEqual({ from: '2013-07', to: '2013-12' });
    expect(notices).toEqual([]);
  });

  it('the previous period has the same length and ends the month before', () => {
    expect(resolve({ ...period, compare: 'previous' }).view.compareTo).toEqual({ from: '2014-01', to: '2014-06' });
    expect(resolve({ from: '2015-01', to: '2015-01', compare: 'previous' }).view.compareTo).toEqual({ from: '2014-12', to: '2014-12' });
  });

  it('a custom period is used as given, may lie outside the data, and gets a missing end from the length', () => {
    expect(resolve({ ...period, compare: 'custom', cfrom: '2010-01', cto: '2010-03' }).view.compareTo).toEqual({ from: '2010-01', to: '2010-03' });
    expect(resolve({ ...period, compare: 'custom', cfrom: '2013-01' }).view.compareTo).toEqual({ from: '2013-01', to: '2013-06' });
    expect(resolve({ ...period, compare: 'custom', cto: '2013-12' }).view.compareTo).toEqual({ from: '2013-07', to: '2013-12' });
    const swapped = resolve({ ...period, compare: 'custom', cfrom: '2013-12', cto: '2013-07' });
    expect(swapped.view.compareTo).toEqual({ from: '2013-07', to: '2013-12' });
    expect(swapped.notices.join(' ')).toMatch(/comparison's start month 2013-12 was after its end month 2013-07/);
  });

  it('a custom comparison without a period falls back to a year earlier, with a notice', () => {
    const { view, notices } = resolve({ ...period, compare: 'custom' });
    expect(view.compareTo).toBeUndefined();
    expect(notices.join(' ')).toMatch(/custom comparison needs a period/);
  });

  it('a stray comparison period is ignored unless the comparison is custom', () => {
    expect(resolve({ ...period, compare: 'year', cfrom: '2010-01', cto: '2010-02' }).view.compareTo).toBeUndefined();
  });
});

