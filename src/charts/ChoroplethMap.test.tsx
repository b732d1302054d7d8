// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { interpolateViridis } from 'd3-scale-chromatic';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChoroplethMap } from './ChoroplethMap';
import type { ChoroplethMapProps } from './ChoroplethMap';
import { mapColorScale } from './colorScales';

const NAMES: Record<string, string> = { RU: 'Russia', MX: 'Mexico', US: 'United States', BR: 'Brazil', SG: 'Singapore', FR: 'France' };
const compact = (value: number) => `${Math.round(value / 100_000) / 10}M`;

function renderMap(overrides: Partial<ChoroplethMapProps> = {}) {
  const props: ChoroplethMapProps = {
    data: [
      { code: 'RU', value: 15_600_000 },
      { code: 'MX', value: 4_000_000 },
      { code: 'US', value: null },
    ],
    scale: 'sequential',
    formatValue: compact,
    valueLabel: 'Avg. monthly visitors',
    countryName: (code) => NAMES[code] ?? code,
    ariaLabel: 'Visitors by country',
    ...overrides,
  };
  const result = render(<ChoroplethMap {...props} />);
  const country = (code: string) => {
    const path = result.container.querySelector(`path[data-code="${code}"]`);
    if (!path) throw new Error(`no path for ${code}`);
    return path;
  };
  return { ...result, country, props };
}

afterEach(cleanup);

describe('ChoroplethMap', () => {
  it('draws one labelled figure with a path per country', () => {
    const { container, country } = renderMap();
    const figure = screen.getByTestId('choropleth-map');
    expect(figure.getAttribute('role')).toBe('figure');
    expect(figure.getAttribute('aria-label')).toBe('Visitors by country');
    expect(container.querySelector('svg')?.getAttribute('viewBox')).toMatch(/^0 0 960 \d+$/);
    expect(container.querySelectorAll('path[data-code]').length).toBeGreaterThanOrEqual(150);
    expect(country('RU').querySelector('title')?.textContent).toBe('Russia: 15.6M');
    expect(country('US').querySelector('title')?.textContent).toBe('United States: No data');
  });

  it('fills countries from the scale, and countries without data apart from them', () => {
    const { country } = renderMap();
    const scale = mapColorScale('sequential', [15_600_000, 4_000_000]);
    // Expected colours from the data's extent by hand: 0 → 15.6M over the trimmed viridis range.
    const expectedRussia = interpolateViridis(1);
    const expectedMexico = interpolateViridis(0.15 + 0.85 * (4_000_000 / 15_600_000));
    expect(country('RU').getAttribute('fill')).toBe(expectedRussia);
    expect(country('MX').getAttribute('fill')).toBe(expectedMexico);
    expect(scale.color(15_600_000)).toBe(expectedRussia);
    expect(expectedRussia).not.toBe(expectedMexico);
    const noData = country('US').getAttribute('fill');
    expect(noData).toMatch(/^url\(#/);
    expect(country('BR').getAttribute('fill')).toBe(noData);
    expect(country('RU').getAttribute('fill')).not.toBe(noData);
  });

  it('colours falls and rises on opposite sides of a diverging scale, 0 in the middle', () => {
    const { country } = renderMap({
      scale: 'diverging',
      data: [
        { code: 'RU', value: -0.2 },
        { code: 'MX', value: 0.4 },
        { code: 'BR', value: 0 },
      ],
    });
    const scale = mapColorScale('diverging', [-0.2, 0.4, 0]);
    expect(scale.domain).toEqual([-0.4, 0, 0.4]);
    expect(country('RU').getAttribute('fill')).toBe(scale.color(-0.2));
    expect(country('MX').getAttribute('fill')).toBe(scale.color(0.4));
    expect(country('BR').getAttribute('fill')).toBe(scale.stops(3)[1]);
    const rgb = (code: string) => (/(\d+), ?(\d+), ?(\d+)/.exec(country(code).getAttribute('fill') ?? '')?.slice(1) ?? []).map(Number);
    const [ruRed = 0, , ruBlue = 0] = rgb('RU');
    const [mxRed = 0, , mxBlue = 0] = rgb('MX');
    expect(ruRed).toBeGreaterThan(ruBlue);
    expect(mxBlue).toBeGreaterThan(mxRed);
  });

  it('selects a country with data by click, shift-click, Enter and Space', () => {
    const onSelect = vi.fn();
    const { country } = renderMap({ onSelect });
    const russia = country('RU');
    expect(russia.getAttribute('tabindex')).toBe('0');
    expect(russia.getAttribute('role')).toBe('button');
    expect(russia.getAttribute('aria-label')).toBe('Russia: 15.6M');
    fireEvent.click(russia);
    expect(onSelect).toHaveBeenLastCalledWith('RU', false);
    fireEvent.click(russia, { shiftKey: true });
    expect(onSelect).toHaveBeenLastCalledWith('RU', true);
    fireEvent.click(russia, { metaKey: true });
    expect(onSelect).toHaveBeenLastCalledWith('RU', true);
    fireEvent.keyDown(country('MX'), { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith('MX', false);
    fireEvent.keyDown(country('MX'), { key: ' ', ctrlKey: true });
    expect(onSelect).toHaveBeenLastCalledWith('MX', true);
    expect(onSelect).toHaveBeenCalledTimes(5);
  });

  it('does not let a country without data be focused or selected', () => {
    const onSelect = vi.fn();
    const { country } = renderMap({ onSelect });
    for (const code of ['US', 'BR']) {
      expect(country(code).hasAttribute('tabindex')).toBe(false);
      expect(country(code).getAttribute('role')).toBeNull();
      fireEvent.click(country(code));
      fireEvent.keyDown(country(code), { key: 'Enter' });
    }
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('is not focusable at all without onSelect', () => {
    const { country } = renderMap();
    expect(country('RU').hasAttribute('tabindex')).toBe(false);
    expect(country('RU').getAttribute('aria-label')).toBe('Russia: 15.6M');
  });

  it('marks selected countries and outlines them on top', () => {
    const { country, container } = renderMap({ onSelect: () => {}, selected: ['RU'] });
    expect(country('RU').getAttribute('aria-pressed')).toBe('true');
    expect(country('MX').getAttribute('aria-pressed')).toBe('false');
    const rings = container.querySelectorAll('.choropleth-ring-selected');
    expect(rings).toHaveLength(1);
    expect(rings[0]?.getAttribute('d')).toBe(country('RU').getAttribute('d'));
  });

  it('shows a tooltip with the name and value on hover and focus, "No data" when missing', () => {
    const { country, container } = renderMap({ onSelect: () => {} });
    const tooltip = () => container.querySelector('.choropleth-tooltip');
    fireEvent.mouseEnter(country('RU'));
    expect(tooltip()?.textContent).toBe('Russia15.6M');
    fireEvent.mouseLeave(country('RU'));
    expect(tooltip()).toBeNull();
    fireEvent.mouseEnter(country('US'));
    expect(tooltip()?.textContent).toBe('United StatesNo data');
    fireEvent.mouseLeave(country('US'));
    fireEvent.focus(country('MX'));
    expect(tooltip()?.textContent).toBe('Mexico4M');
    expect(tooltip()?.getAttribute('style')).toMatch(/left: [\d.]+%; top: [\d.]+%/);
    fireEvent.blur(country('MX'));
    expect(tooltip()).toBeNull();
  });

  it('shows the legend title, the formatted extent and a "No data" key', () => {
    const { container } = renderMap();
    const legend = container.querySelector('.choropleth-legend');
    const ticks = [...(legend?.querySelectorAll('.choropleth-tick') ?? [])].map((tick) => tick.textContent);
    expect(legend?.textContent).toContain('Avg. monthly visitors');
    expect(ticks[0]).toBe('0M');
    expect(ticks.at(-1)).toBe('15.6M');
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(legend?.textContent).toContain('No data');
  });

  it('shows a symmetric extent on a diverging legend', () => {
    const { container } = renderMap({ scale: 'diverging', formatValue: (v) => `${Math.round(v * 100)}%`, data: [{ code: 'RU', value: -0.1 }, { code: 'MX', value: 0.25 }] });
    const ticks = [...container.querySelectorAll('.choropleth-tick')].map((tick) => tick.textContent);
    expect(ticks[0]).toBe('-25%');
    expect(ticks).toContain('0%');
    expect(ticks.at(-1)).toBe('25%');
  });

  it('lists countries with data that are too small to draw', () => {
    const { container } = renderMap({ data: [{ code: 'SG', value: 1_200_000 }, { code: 'fr', value: 2_000_000 }] });
    expect(container.querySelector('.choropleth-note')?.textContent).toContain('Singapore 1.2M');
    expect(container.querySelector('path[data-code="FR"]')?.getAttribute('fill')).toMatch(/^#/);
  });

  it.each([
    ['empty', []],
    ['all-null', [{ code: 'RU', value: null }, { code: 'MX', value: null }]],
    ['all-zero', [{ code: 'RU', value: 0 }, { code: 'MX', value: 0 }]],
    ['single', [{ code: 'RU', value: 42 }]],
    ['non-finite', [{ code: 'RU', value: Number.NaN }, { code: 'MX', value: Infinity }]],
  ] as const)('renders %s data without NaN', (_, data) => {
    for (const scale of ['sequential', 'diverging'] as const) {
      const { container, unmount } = renderMap({ data, scale, onSelect: () => {}, selected: ['RU'] });
      fireEvent.mouseEnter(container.querySelector('path[data-code="RU"]')!);
      expect(container.innerHTML).not.toContain('NaN');
      expect(container.innerHTML).not.toContain('undefined');
      unmount();
    }
  });
});
