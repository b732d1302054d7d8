import { describe, expect, it } from 'vitest';
import { describeComparison, periodName, periodPresets } from './comparison';
import type { QuerySlice } from './querySlice';

const view = (overrides: Partial<QuerySlice> = {}): QuerySlice => ({
  datasetId: 'market',
  measureId: 'visitors',
  from: '2014-07',
  to: '2014-12',
  filters: {},
  ...overrides,
});

describe('describeComparison', () => {
  it('names each kind of comparison with its months', () => {
    expect(describeComparison(view())).toEqual({
      short: 'vs a year earlier',
      long: 'the same months a year earlier (Jul 2013 – Dec 2013)',
      range: { from: '2013-07', to: '2013-12' },
    });
    expect(describeComparison(view({ compareTo: { from: '2014-01', to: '2014-06' } }))).toMatchObject({
      short: 'vs the previous 6 months',
      long: 'the previous 6 months (Jan 2014 – Jun 2014)',
    });
    expect(describeComparison(view({ from: '2014-12', to: '2014-12', compareTo: { from: '2014-11', to: '2014-11' } })).short).toBe(
      'vs the previous month',
    );
    // Any other period is named by its months, whatever its length.
    expect(describeComparison(view({ compareTo: { from: '2012-01', to: '2012-03' } }))).toMatchObject({
      short: 'vs Jan 2012 – Mar 2012',
      long: 'Jan 2012 – Mar 2012',
    });
  });
});

describe('periodPresets', () => {
  it('offers the last 12 months, the year to date, every whole half-year and recent whole quarters inside the data', () => {
    const presets = periodPresets('2013-01', '2015-08');
    const byId = Object.fromEntries(presets.map((preset) => [preset.id, preset]));
    expect(byId.last12).toMatchObject({ from: '2014-09', to: '2015-08' });
    expect(byId.ytd).toMatchObject({ label: 'Year to date (2015)', from: '2015-01', to: '2015-08' });
    expect(byId['h2-2014']).toMatchObject({ label: 'H2 2014', from: '2014-07', to: '2014-12' });
    expect(byId['q3-2015']).toBeUndefined(); // September 2015 is not in the data yet
    expect(byId['q2-2015']).toMatchObject({ from: '2015-04', to: '2015-06' });
    expect(byId['h1-2013']).toMatchObject({ from: '2013-01', to: '2013-06' });
    expect(byId['h2-2012']).toBeUndefined();
    // Half-years from the start of the data; quarters of the last three years only.
    const long = periodPresets('2009-01', '2015-08').map((preset) => preset.id);
    expect(long).toContain('h2-2009');
    expect(long).toContain('q1-2013');
    expect(long).not.toContain('q4-2012');
    expect(presets.filter((preset) => preset.group === 'Half-years').map((preset) => preset.id)).toEqual(['h1-2015', 'h2-2014', 'h1-2014', 'h2-2013', 'h1-2013']);
    for (const preset of presets) {
      expect(preset.from >= '2013-01' && preset.to <= '2015-08' && preset.from <= preset.to, preset.id).toBe(true);
    }
    expect(new Set(presets.map((preset) => preset.id)).size).toBe(presets.length);
  });

  it('a short dataset gets only what fits: the last twelve months start at its first month', () => {
    const presets = periodPresets('2015-03', '2015-06');
    expect(presets.map((preset) => preset.id)).toEqual(['last12', 'q2-2015']);
    expect(presets[0]).toMatchObject({ from: '2015-03', to: '2015-06' });
  });
});

describe('periodName', () => {
  it('names whole years, halves and quarters as analysts do, and other spans by their months', () => {
    expect(periodName({ from: '2014-07', to: '2014-12' })).toBe('H2 2014');
    expect(periodName({ from: '2013-01', to: '2013-06' })).toBe('H1 2013');
    expect(periodName({ from: '2014-01', to: '2014-12' })).toBe('2014');
    expect(periodName({ from: '2014-10', to: '2014-12' })).toBe('Q4 2014');
    expect(periodName({ from: '2014-02', to: '2014-04' })).toBe('Feb 2014 – Apr 2014');
    expect(periodName({ from: '2014-07', to: '2015-06' })).toBe('Jul 2014 – Jun 2015');
    expect(periodName({ from: '2014-07', to: '2014-07' })).toBe('Jul 2014');
  });
});
