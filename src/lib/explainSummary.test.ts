import { describe, expect, it } from 'vitest';
import type { ExplainRow, RatioExplainRow, ShareShiftRow } from '../sql';
import { formatCompact } from './format';
import { summarizeChange, summarizeShareShift, type ContributionLike } from './explainSummary';

const periods = { base: 'H2 2013', current: 'H2 2014' };
const count = (value: number) => formatCompact(value, 'count');
const number = (value: number) => formatCompact(value, 'number');

/** First-level explain rows (the SQL's shape) from base and current values, and the total they add up to. */
function level(segments: Array<[key: string, base: number | null, current: number | null]>) {
  const rows: ExplainRow[] = segments.map(([key, base, current]) => ({
    level: 'first',
    first_key: key,
    second_key: null,
    base_value: base,
    current_value: current,
    contribution: (current ?? 0) - (base ?? 0),
    status: base === null ? 'new' : current === null ? 'gone' : 'both',
    base_months: 6,
    current_months: 6,
  }));
  const sum = (values: Array<number | null>) => (values.every((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0));
  return { segments: rows, base: sum(rows.map((r) => r.base_value)), current: sum(rows.map((r) => r.current_value)) };
}
const label = (row: { first_key: string | null }) => row.first_key ?? '';

describe('summarizeChange', () => {
  it('what moved, by how much, and the one contributor that explains most of it', () => {
    const text = summarizeChange({
      what: 'Visitors in Russia',
      periods,
      label,
      format: count,
      ...level([
        ['AliExpress', 10e6, 15.6e6],
        ['eBay', 3.5e6, 3.7e6],
        ['Amazon', 1.3e6, 1.4e6],
      ]),
    });
    // +5.9M of which AliExpress +5.6M: 94.9%.
    expect(text).toBe(
      'Visitors in Russia rose from 14.8M in H2 2013 to 20.7M in H2 2014, +5.9M (+39.9%). AliExpress accounts for 94.9% of the rise (+5.6M).',
    );
  });

  it('contributors pulling both ways: the ones explaining most of it, then the largest offsetting one', () => {
    const text = summarizeChange({
      what: 'GMV',
      periods,
      label,
      format: number,
      ...level([
        ['A', 10, 14],
        ['B', 10, 13],
        ['C', 10, 12],
        ['D', 10, 11.5],
        ['E', 10, 8],
        ['F', 10, 9.5],
      ]),
    });
    // Change +8: A 4 (50%), B 3 (87.5%): enough.
    expect(text).toBe(
      'GMV rose from 60 in H2 2013 to 68 in H2 2014, +8 (+13.3%). A accounts for 50% of the rise (+4) and B for 37.5% (+3). ' +
        'E pulled the other way (−2), with 1 more segment doing the same.',
    );
  });

  it('at most three contributors', () => {
    const text = summarizeChange({ what: 'GMV', periods, label, format: number, ...level([['A', 0, 3], ['B', 0, 3], ['C', 1, 4], ['D', 1, 2]]) });
    expect(text).toContain('A accounts for 30% of the rise (+3), B for 30% (+3) and C for 30% (+3).');
    expect(text).not.toContain('D ');
  });

  it('a fall led by a gone member, offset by a new one; shares above 100% are said as they are', () => {
    const text = summarizeChange({ what: 'Orders', periods, label, format: number, ...level([['A', 5, null], ['B', null, 1], ['C', 5, 5]]) });
    expect(text).toBe('Orders fell from 10 in H2 2013 to 6 in H2 2014, −4 (-40.0%). A accounts for 125% of the fall (−5, gone). B pulled the other way (+1, new).');
  });

  it('no change: says so, and names the largest pair that offset each other', () => {
    expect(summarizeChange({ what: 'Visitors', periods, label, format: number, ...level([['A', 5, 7], ['B', 5, 3], ['C', 1, 0.5], ['D', 1, 1.5]]) })).toBe(
      'Visitors did not change: 12 in both H2 2013 and H2 2014. Underneath, A (+2) and B (−2) offset each other.',
    );
    expect(summarizeChange({ what: 'Visitors', periods, label, format: number, ...level([['A', 5, 5]]) })).toBe(
      'Visitors did not change: 5 in both H2 2013 and H2 2014.',
    );
  });

  it('a summed measure over fewer months in one period says so', () => {
    const text = summarizeChange({ what: 'Orders', periods, label, format: number, summedMonths: { base: 6, current: 1 }, ...level([['A', 4, 5], ['B', 1, 1]]) });
    expect(text).toContain('The selection has data in 6 months of H2 2013 and 1 month of H2 2014, so the two totals do not cover as many months.');
    expect(summarizeChange({ what: 'Orders', periods, label, format: number, summedMonths: { base: 6, current: 6 }, ...level([['A', 4, 5]]) })).not.toContain('months');
  });

  it('a single member accounts for all of it', () => {
    expect(summarizeChange({ what: 'Visitors', periods, label, format: number, ...level([['A', 4, 5]]) })).toBe(
      'Visitors rose from 4 in H2 2013 to 5 in H2 2014, +1 (+25.0%). It all comes from A, the only one in the selection.',
    );
  });

  it('all new, all gone, no data', () => {
    expect(summarizeChange({ what: 'Visitors', periods, label, format: number, ...level([['A', null, 6], ['B', null, 4]]) })).toBe(
      'Visitors has no data in H2 2013: all of its 10 in H2 2014 is new. A accounts for 60% of it (+6, new) and B for 40% (+4, new).',
    );
    expect(summarizeChange({ what: 'Visitors', periods, label, format: number, ...level([['A', null, 6]]) })).toBe(
      'Visitors has no data in H2 2013: all of its 6 in H2 2014 is new.',
    );
    expect(summarizeChange({ what: 'Visitors', periods, label, format: number, ...level([['A', 6, null]]) })).toBe(
      'Visitors has no data in H2 2014, after 6 in H2 2013: there is no change to explain.',
    );
    expect(summarizeChange({ what: 'Visitors', periods, label, format: number, base: null, current: null, segments: [] })).toBe(
      'Visitors: no data in H2 2013 or H2 2014.',
    );
  });

  it('a ratio: rate and mix effects after the contributors; rows of the ratio query fit', () => {
    const row = (key: string, rate: number, mix: number): RatioExplainRow => ({
      level: 'first',
      first_key: key,
      second_key: null,
      base_weight: 0.5,
      current_weight: 0.5,
      base_rate: 10,
      current_rate: 11,
      rate_effect: rate,
      mix_effect: mix,
      contribution: rate + mix,
      status: 'both',
      base_numerator: 1,
      base_denominator: 100,
      current_numerator: 1,
      current_denominator: 100,
    });
    const segments = [row('A', 0.9, 0.3), row('B', 0.3, -0.5)];
    const text = summarizeChange({
      what: 'Orders per 1,000 visitors',
      periods,
      base: 12,
      current: 13,
      segments,
      label,
      format: number,
      effects: { rate: 1.2, mix: -0.2 },
    });
    expect(text).toBe(
      'Orders per 1,000 visitors rose from 12 in H2 2013 to 13 in H2 2014, +1 (+8.3%). A accounts for 120% of the rise (+1.2). ' +
        'B pulled the other way (−0.2). Of the change, +1.2 comes from the segments\' own rates and −0.2 from the mix between them.',
    );
  });

  it('a segment without a contribution (an undefined ratio) is passed over', () => {
    const segments: ContributionLike[] = [
      { contribution: null, status: 'both' },
      { contribution: 2, status: 'both' },
    ];
    const text = summarizeChange({ what: 'X', periods, base: 1, current: 3, segments, label: (s) => (s.contribution === null ? 'N' : 'Y'), format: number });
    expect(text).toContain('Y accounts for 100% of the rise (+2).');
    expect(text).not.toContain('N ');
  });
});

describe('summarizeShareShift', () => {
  const member = (name: string, v0: number | null, v1: number | null, t0: number, t1: number) => {
    const s0 = (v0 ?? 0) / t0;
    const s1 = (v1 ?? 0) / t1;
    const row: ShareShiftRow = {
      member: name,
      base_value: v0,
      current_value: v1,
      base_share: s0,
      current_share: s1,
      share_change_pp: 100 * (s1 - s0),
      change: (v1 ?? 0) - (v0 ?? 0),
      market_effect: s0 * (t1 - t0),
      share_effect: (s1 - s0) * t1,
      status: v0 === null ? 'new' : v1 === null ? 'gone' : 'both',
      base_total: t0,
      current_total: t1,
      base_months: 6,
      current_months: 6,
    };
    return row;
  };
  const words = { what: 'Visitors in Russia', periods, label: (m: ShareShiftRow) => m.member, format: number, quantity: 'visitors' };

  it('who gained and lost the most share, the gainer’s change split, and the plain warning', () => {
    const members = [member('AliExpress', 110, 210, 160, 275), member('New', null, 15, 160, 275), member('Ozon', 45, 50, 160, 275), member('Gone', 5, null, 160, 275)];
    expect(summarizeShareShift({ ...words, baseTotal: 160, currentTotal: 275, members })).toBe(
      'Visitors in Russia went from 160 in H2 2013 to 275 in H2 2014 (+71.9%). ' +
        'AliExpress gained the most share, +7.6 pp (68.8% to 76.4%); Ozon lost the most, −9.9 pp (28.1% to 18.2%). ' +
        "Of AliExpress's change of +100, +79.1 is what the market's growth would have brought at its old share, and +20.9 comes from its gain of share. " +
        'These are net changes: aggregates cannot tell who took visitors from whom.',
    );
  });

  it('a single member, no movement, a period without data: still says what aggregates cannot', () => {
    expect(summarizeShareShift({ ...words, baseTotal: 4, currentTotal: 5, members: [member('A', 4, 5, 4, 5)] })).toBe(
      'Visitors in Russia went from 4 in H2 2013 to 5 in H2 2014 (+25.0%). A is the only one in the selection, so its share stays 100%.',
    );
    const still = summarizeShareShift({ ...words, baseTotal: 10, currentTotal: 20, members: [member('A', 5, 10, 10, 20), member('B', 5, 10, 10, 20)] });
    expect(still).toContain("No member's share moved by 0.05 percentage points or more.");
    expect(still).toContain('aggregates cannot tell who took visitors from whom');
    expect(summarizeShareShift({ ...words, baseTotal: null, currentTotal: 5, members: [] })).toBe(
      'Visitors in Russia has no data in H2 2013, so there are no shares to compare. These are net changes: aggregates cannot tell who took visitors from whom.',
    );
  });
});
