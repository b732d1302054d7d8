import { describe, expect, it } from 'vitest';
import { decodeViewState, DEFAULT_VIEW_STATE, encodeViewState, type ViewState } from './viewState';
import { t } from '../i18n';

/** A link's state, with its notices said in the active language (English here). */
function said(search: string) {
  const decoded = decodeViewState(search);
  return { ...decoded, notices: decoded.notices.map((notice) => t(notice)) };
}

describe('view state in the URL', () => {
  it('reads an empty link as the default view, without notices', () => {
    expect(decodeViewState('')).toEqual({ state: DEFAULT_VIEW_STATE, notices: [] });
  });

  it('round-trips a full state', () => {
    const state: ViewState = {
      ...DEFAULT_VIEW_STATE,
      tab: 'trend',
      measure: 'visitors',
      from: '2014-07',
      to: '2014-12',
      filters: { country: ['RU'], marketplace: ['AliExpress', 'eBay', 'Amazon', 'A&B=C, "quoted"'] },
      selections: { map: { country: ['RU', 'MX'] }, trend: { marketplace: ['Ozon'] } },
      mode: 'index',
      base: '2014-09',
      grain: 'quarter',
      by: 'country',
      chart: 'area',
      target: 1.5e9,
      top: 8,
      stack: 'grouped',
      mapMetric: 'growth',
      mapMember: 'Mercado Libre',
      cell: 'share',
      sorts: { leaderboard: { column: 'rank_change', direction: 'asc' } },
      theme: 'dark',
    };
    const search = encodeViewState(state);
    expect(search).toContain('from=2014-07');
    expect(search).toContain('xf.map.country=RU');
    expect(search).toContain('sort.leaderboard=rank_change%3Aasc');
    expect(decodeViewState(search)).toEqual({ state, notices: [] });
  });

  it('leaves defaults out of the link', () => {
    expect(encodeViewState(DEFAULT_VIEW_STATE)).toBe('v=1');
  });

  it('drops malformed selections, sorts and numbers with notices', () => {
    const { state, notices } = decodeViewState(
      '?xf.nowhere.country=RU&xf.map.Bad=1&sort.map=value:sideways&sort.trend=value:desc&target=1e400&top=99&xf.map.country=MX',
    );
    expect(state.selections).toEqual({ map: { country: ['MX'] } });
    expect(state.sorts).toEqual({ trend: { column: 'value', direction: 'desc' } });
    expect(state.target).toBeNull();
    expect(state.top).toBeNull();
    expect(notices).toHaveLength(5);
  });

  it('drops bad values with a notice and keeps the rest', () => {
    const { state, notices } = said(
      '?v=1&from=2014-13&to=2014-12&measure=DROP%20TABLE&theme=neon&country=RU&Bad%20Key=1&country=',
    );
    expect(state.from).toBeNull();
    expect(state.to).toBe('2014-12');
    expect(state.measure).toBeNull();
    expect(state.theme).toBe('system');
    expect(state.filters).toEqual({ country: ['RU'] });
    expect(notices).toHaveLength(5);
    expect(notices.join(' ')).toMatch(/from="2014-13"/);
    expect(notices.join(' ')).toMatch(/"Bad Key"/);
  });

  it('survives hostile and oversized input', () => {
    const long = 'x'.repeat(10_000);
    const { state, notices } = said(`?marketplace=${long}&__proto__=1&constructor=2&measure=${long}`);
    expect(state.filters).toEqual({ constructor: ['2'] });
    // No prototype at all: a key the link does not have reads as nothing, whatever its name.
    expect(Object.getPrototypeOf(state.filters)).toBeNull();
    expect(Object.getPrototypeOf(decodeViewState('?country=RU').state.filters)).toBeNull();
    expect(decodeViewState('?country=RU').state.filters.constructor).toBeUndefined();
    expect(decodeViewState('?country=RU').state.filters.hasOwnProperty).toBeUndefined();
    expect(notices.every((n) => n.length < 200)).toBe(true);
  });

  it('deduplicates filter values and keeps their order', () => {
    expect(decodeViewState('?country=RU&country=MX&country=RU').state.filters).toEqual({ country: ['RU', 'MX'] });
  });
});
