// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MARKET_MODEL, mapQuery, type DatasetCatalog } from '../../data';
import { MapView } from './MapView';
import type { ViewProps } from '../shared/viewProps';
import { TEST_CATALOG, renderWithQueryData, testOptions, testView, testViewProps } from '../shared/viewTestKit';

const VIEW = testView({ from: '2024-01', to: '2024-12' });
const CATALOG: DatasetCatalog = {
  ...TEST_CATALOG,
  firstMonth: '2023-01',
  lastMonth: '2024-12',
  members: { marketplace: ['Wildberries', 'Ozon', 'Mercado Libre'], country: ['RU', 'MX', 'BR', 'KZ'] },
};
const OPTIONS = testOptions({ tab: 'map', base: '2024-01' });
const VALUES = [
  { code: 'MX', value: 4_000_000 },
  { code: 'RU', value: 15_600_000 },
  { code: 'KZ', value: null },
  { code: 'BR', value: 6_200_000 },
];

function renderMap(overrides: Partial<ViewProps> = {}, data: { code: string; value: number | null }[] = VALUES) {
  const props = testViewProps({ view: VIEW, options: OPTIONS, catalog: CATALOG, ...overrides });
  const { mapMetric: metric, mapMember: member } = props.options;
  const result = renderWithQueryData(<MapView {...props} />, [[mapQuery(props.view, { metric, member }).queryKey, data]]);
  return { ...result, props };
}

/** The lazily loaded map, once it has arrived. */
async function country(code: string): Promise<Element> {
  await screen.findByTestId('choropleth-map');
  const path = document.querySelector(`path[data-code="${code}"]`);
  if (!path) throw new Error(`no path for ${code}`);
  return path;
}

afterEach(cleanup);

describe('MapView', () => {
  it('draws the countries with their values and cross-filters by country on click', async () => {
    const { props } = renderMap();
    const panel = screen.getByTestId('map-panel');
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('Map: Visitors');
    expect(panel.textContent).toContain('Synthetic data');
    expect(panel.textContent).toContain(MARKET_MODEL.sourceLine);
    const russia = await country('RU');
    expect(russia.querySelector('title')?.textContent).toBe('Russia: 15.6M');
    expect(screen.getByTestId('choropleth-map').getAttribute('aria-label')).toBe(
      'World map of avg. monthly visitors by country: Russia 15.6M, Brazil 6.2M, Mexico 4M',
    );
    expect((await country('KZ')).querySelector('title')?.textContent).toBe('Kazakhstan: No data');
    fireEvent.click(russia);
    expect(props.onSelect).toHaveBeenCalledWith('country', 'RU', false);
    fireEvent.click(await country('MX'), { shiftKey: true });
    expect(props.onSelect).toHaveBeenLastCalledWith('country', 'MX', true);
  });

  it('outlines the countries this view has selected', async () => {
    renderMap({ selected: { country: ['BR'] } });
    expect((await country('BR')).getAttribute('aria-pressed')).toBe('true');
    expect((await country('RU')).getAttribute('aria-pressed')).toBe('false');
  });

  it('writes the display options to the URL state', async () => {
    const { props } = renderMap();
    await country('RU');
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'growth' } });
    expect(props.update).toHaveBeenCalledWith({ mapMetric: 'growth' });
    const marketplace = screen.getByLabelText('Marketplace');
    expect([...marketplace.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'All marketplaces',
      'Wildberries',
      'Ozon',
      'Mercado Libre',
    ]);
    fireEvent.change(marketplace, { target: { value: 'Ozon' } });
    expect(props.update).toHaveBeenLastCalledWith({ mapMember: 'Ozon' });
  });

  it('sets the marketplace back to all with null', async () => {
    const { props } = renderMap({ options: { ...OPTIONS, mapMember: 'Ozon' } });
    await country('RU');
    const marketplace = screen.getByLabelText<HTMLSelectElement>('Marketplace');
    expect(marketplace.value).toBe('Ozon');
    fireEvent.change(marketplace, { target: { value: '' } });
    expect(props.update).toHaveBeenCalledWith({ mapMember: null });
  });

  it('formats a change vs a year earlier as a signed percentage', async () => {
    renderMap({ options: { ...OPTIONS, mapMetric: 'growth' } }, [
      { code: 'RU', value: 0.12 },
      { code: 'MX', value: -0.05 },
    ]);
    expect((await country('RU')).querySelector('title')?.textContent).toBe('Russia: +12.0%');
    expect((await country('MX')).querySelector('title')?.textContent).toBe('Mexico: -5.0%');
    expect(screen.getByTestId('map-panel').textContent).toContain('against the same months a year earlier');
  });

  it('explains what a share is a share of', async () => {
    const filtered = { ...VIEW, filters: { marketplace: ['Ozon', 'Wildberries'] } };
    renderMap({ view: filtered, options: { ...OPTIONS, mapMetric: 'share' } }, [{ code: 'RU', value: 0.634 }]);
    expect((await country('RU')).querySelector('title')?.textContent).toBe('Russia: 63.4%');
    const panel = screen.getByTestId('map-panel');
    expect(panel.querySelector('.panel-subtitle')?.textContent).toBe(
      "Share of Ozon, Wildberries in each country's avg. monthly visitors, among all marketplaces",
    );
    expect(screen.getByRole('option', { name: 'All selected marketplaces' })).toBeTruthy();
    cleanup();

    renderMap({ options: { ...OPTIONS, mapMetric: 'share' } }, [{ code: 'RU', value: 1 }]);
    await country('RU');
    expect(screen.getByTestId('map-panel').querySelector('.panel-subtitle')?.textContent).toMatch(/100% of every country/);
    cleanup();

    renderMap({ options: { ...OPTIONS, mapMetric: 'share', mapMember: 'Ozon' } }, [{ code: 'RU', value: 0.3 }]);
    await country('RU');
    expect(screen.getByTestId('map-panel').querySelector('.panel-subtitle')?.textContent).toBe(
      "Ozon's share of each country's avg. monthly visitors, among all marketplaces",
    );
  });

  it('shows the same numbers as a table, largest first', async () => {
    renderMap();
    await country('RU');
    fireEvent.click(screen.getByRole('button', { name: 'Show table' }));
    const rows = [...screen.getByTestId('map-table').querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['🇷🇺 Russia', '15,600,000', 'Why?'],
      ['🇧🇷 Brazil', '6,200,000', 'Why?'],
      ['🇲🇽 Mexico', '4,000,000', 'Why?'],
      ['🇰🇿 Kazakhstan', '–', 'Why?'],
    ]);
    expect(screen.getAllByRole('button', { name: 'Why?' })[1]!.getAttribute('title')).toBe('Why did Brazil move?');
    expect(screen.queryByTestId('choropleth-map')).toBeNull();
  });

  it('says so when no country has a value', () => {
    renderMap({}, [{ code: 'RU', value: null }]);
    expect(screen.getByRole('status').textContent).toBe('No data for this selection.');
  });
});
