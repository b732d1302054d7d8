import { describe, expect, it } from 'vitest';
import type { ExplainSegment, Explanation, ShareShift } from '../../data';
import { explanationSummary, shareShiftSummary, type ExplanationWords } from './summaries';

const segment = (first: string, base: number | null, current: number | null, extra: Partial<ExplainSegment> = {}): ExplainSegment => ({
  level: 'first',
  first,
  second: null,
  base,
  current,
  contribution: (current ?? 0) - (base ?? 0),
  status: base === null ? 'new' : current === null ? 'gone' : 'both',
  rateEffect: null,
  mixEffect: null,
  baseWeight: null,
  currentWeight: null,
  ...extra,
});

/** An explanation whose total is the sum of its segments, as the SQL guarantees. */
function explanation(segments: ExplainSegment[], extra: Partial<Explanation> = {}): Explanation {
  const base = segments.reduce((sum, item) => sum + (item.base ?? 0), 0);
  const current = segments.reduce((sum, item) => sum + (item.current ?? 0), 0);
  return { ratio: null, base, current, change: current - base, baseMonths: 6, currentMonths: 6, segments, ...extra };
}

const words: ExplanationWords = {
  split: 'first',
  what: 'Visitors',
  unit: 'count',
  segmentLabel: (item) => item.first ?? '',
  comparison: { short: 'vs a year earlier', long: 'the same months a year earlier', range: { from: '2013-07', to: '2013-12' } },
  view: { from: '2014-07', to: '2014-12' },
  ratio: false,
  summed: false,
};

describe('explanationSummary', () => {
  it('names the change and the one segment that explains most of it, with its share', () => {
    const text = explanationSummary(explanation([segment('AliExpress', 10e6, 15.6e6), segment('eBay', 3.5e6, 3.7e6), segment('Amazon', 1.3e6, 1.4e6)]), words);
    expect(text).toContain('Visitors rose from 14.8M in H2 2013 to 20.7M in H2 2014, +5.9M (+39.9%).');
    // 5.6M of 5.9M: 94.9%.
    expect(text).toContain('AliExpress accounts for 94.9% of the rise (+5.6M).');
    expect(text).not.toContain('other way');
  });

  it('lists up to three contributors until they explain 80%, and the largest one pulling the other way', () => {
    const text = explanationSummary(
      explanation([segment('A', 10, 14), segment('B', 10, 13), segment('C', 10, 12), segment('D', 10, 11.5), segment('E', 10, 8)]),
      { ...words, unit: 'number' },
    );
    // Change +8.5: A 4 (47%), B 3 (→ 82%).
    expect(text).toContain('A (+4) and B (+3) account for 82.4% of the rise.');
    expect(text).toContain('E moved the other way (−2).');
  });

  it('says when nothing changed, when all is new, and when there is nothing at all', () => {
    expect(explanationSummary(explanation([segment('A', 5, 7), segment('B', 5, 3)]), words)).toMatch(/^Visitors is unchanged at 10 in H2 2014 against H2 2013\./);
    expect(explanationSummary(explanation([segment('A', null, 7)], { base: null, change: null }), words)).toBe(
      'Visitors has no value in H2 2013 to compare with: it is 7 in H2 2014, all of it new.',
    );
    expect(explanationSummary(explanation([], { base: null, current: null, change: null }), words)).toBe(
      'There is no visitors for this selection in H2 2014 or H2 2013.',
    );
  });

  it('names first the one contributor that explains most of the change, then what the others add', () => {
    const text = explanationSummary(explanation([segment('AliExpress', 10, 14.9), segment('Wildberries', 5, 6.2), segment('Ozon', 5, 6.5)]), {
      ...words,
      unit: 'number',
    });
    // Change +7.6: AliExpress 4.9 (64.5%), then Ozon 1.5 (→ 84.2%).
    expect(text).toContain('AliExpress accounts for 64.5% of the rise (+4.9); with Ozon (+1.5), 84.2%.');
  });

  it('marks new and gone contributors, and warns when a summed measure covers different months', () => {
    const text = explanationSummary(explanation([segment('Temu', null, 50), segment('Wish', 20, null)], { baseMonths: 3, currentMonths: 6 }), {
      ...words,
      what: 'Orders',
      summed: true,
    });
    expect(text).toContain('Temu accounts for');
    expect(text).toContain('(+50, new)');
    expect(text).toContain('Wish moved the other way (−20, gone).');
    expect(text).toContain('data in 3 months of H2 2013 and 6 of H2 2014');
  });

  it('for a ratio, says how much of the change is rate and how much is mix', () => {
    const ratioSegments = [
      segment('A', 10, 12, { contribution: 1.5, rateEffect: 1, mixEffect: 0.5 }),
      segment('B', 20, 19, { contribution: -0.5, rateEffect: -0.25, mixEffect: -0.25 }),
    ];
    const text = explanationSummary({ ratio: 'conversion', base: 14, current: 15, change: 1, baseMonths: 0, currentMonths: 0, segments: ratioSegments }, {
      ...words,
      what: 'Orders per 1,000 visitors',
      unit: 'number',
      ratio: true,
    });
    expect(text).toContain('+0.8 comes from the segments');
    expect(text).toContain('+0.3 from the shift of visitors between segments');
  });
});

describe('shareShiftSummary', () => {
  const member = (name: string, points: number | null, extra: Partial<ShareShift['members'][number]> = {}) => ({
    member: name,
    base: 1,
    current: 1,
    baseShare: 0.2,
    currentShare: 0.3,
    shareChangePoints: points,
    change: 5,
    marketEffect: 2,
    shareEffect: 3,
    status: 'both' as const,
    ...extra,
  });
  const shift = (members: ShareShift['members']): ShareShift => ({ baseTotal: 100, currentTotal: 120, baseMonths: 6, currentMonths: 6, members });
  const shiftWords = { unit: 'count' as const, base: 'H2 2013', current: 'H2 2014', memberPlural: 'marketplaces' };

  it('names the largest gainer and loser, splits the gainer\'s change, and says what aggregates cannot tell', () => {
    const text = shareShiftSummary(shift([member('AliExpress', 10), member('eBay', -6, { currentShare: 0.15 }), member('Amazon', -4)]), shiftWords);
    expect(text).toContain('AliExpress gained the most share, +10.0 pp to 30%; eBay lost the most, −6.0 pp to 15%.');
    expect(text).toContain("Of AliExpress's change (+5), +2 is what the selection's growth would have brought at its old share, and +3 comes from its gain of share.");
    expect(text).toContain('aggregates cannot say which marketplaces took customers from which');
  });

  it('says when shares hardly moved, and when a period is empty', () => {
    expect(shareShiftSummary(shift([member('A', 0.01), member('B', -0.01)]), shiftWords)).toMatch(/^Shares hardly moved between H2 2013 and H2 2014\./);
    expect(shareShiftSummary({ ...shift([]), baseTotal: null }, shiftWords)).toMatch(/^There is nothing to compare/);
  });
});
