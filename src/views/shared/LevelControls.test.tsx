// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { t, type LocalText } from '../../i18n';
import { breakdownQuery, dimensionLevels, MARKET_MODEL, type Breakdown, type DatasetModel } from '../../data';
import { CountriesView } from '../countries/CountriesView';
import { geoLevels, levelAbove, levelBelow, levelsOf, resolveLevel } from '../levels';
import { geoLevelOf, levelPath, upOneLevel } from './LevelControls';
import { installResizeObserverStub, renderWithQueryData, testOptions, testView, testViewProps } from './viewTestKit';

beforeAll(installResizeObserverStub);
afterEach(cleanup);

const levels = geoLevels(MARKET_MODEL.dimensions)!;

describe('the hierarchy of a model', () => {
  it('gives each dimension its levels, top first, from rollsUpTo', () => {
    expect(dimensionLevels(MARKET_MODEL, 'country').map((dimension) => dimension.id)).toEqual(['region', 'subregion', 'country']);
    expect(dimensionLevels(MARKET_MODEL, 'subregion').map((dimension) => dimension.id)).toEqual(['region', 'subregion']);
    expect(dimensionLevels(MARKET_MODEL, 'marketplace').map((dimension) => dimension.id)).toEqual(['group', 'marketplace']);
    expect(dimensionLevels(MARKET_MODEL, 'region').map((dimension) => dimension.id)).toEqual(['region']);
    expect(dimensionLevels(MARKET_MODEL, 'nowhere')).toEqual([]);
    expect({ region: levels.region.id, subregion: levels.subregion.id, country: levels.country.id }).toEqual({
      region: 'region',
      subregion: 'subregion',
      country: 'country',
    });
  });

  it('stops at a rollsUpTo naming no dimension and at a cycle', () => {
    expect(levelsOf([{ id: 'a', rollsUpTo: 'gone' }], 'a').map((d) => d.id)).toEqual(['a']);
    const cycle = [{ id: 'a', rollsUpTo: 'b' }, { id: 'b', rollsUpTo: 'a' }];
    expect(levelsOf(cycle, 'a').map((d) => d.id)).toEqual(['b', 'a']);
    // A country dimension that does not roll up twice has no levels.
    expect(geoLevels([{ id: 'country', display: 'country', rollsUpTo: 'region' }, { id: 'region' }])).toBeNull();
  });

  it('steps between levels, and resolves a level the dataset cannot show to country with a notice', () => {
    expect([levelBelow('region'), levelBelow('subregion'), levelBelow('country')]).toEqual(['subregion', 'country', null]);
    expect([levelAbove('region'), levelAbove('subregion'), levelAbove('country')]).toEqual([null, 'region', 'subregion']);
    const context = { from: '2014-01', to: '2014-12', membersOf: () => [], notices: [] as LocalText[] };
    expect(resolveLevel('region', { ...context, dimensions: MARKET_MODEL.dimensions })).toBe('region');
    expect(context.notices).toEqual([]);
    const plain = [{ id: 'shop', label: 'Shop' }];
    expect(resolveLevel('subregion', { ...context, dimensions: plain })).toBe('country');
    expect(context.notices.map((notice) => t(notice))).toEqual([expect.stringMatching(/no regions .* rather than sub-regions/)]);
  });
});

describe('drilling down and back up', () => {
  const props = (level: 'region' | 'subregion' | 'country', filters: Record<string, string[]> = {}) =>
    testViewProps({ options: testOptions({ level }), filters, view: testView({ filters }) });

  it('shows the level’s dimension, and a click above country filters to the member and goes one level down', () => {
    const atRegion = props('region', { marketplace: ['Ozon'] });
    const geo = geoLevelOf(atRegion, levels.country);
    expect(geo.dimension.id).toBe('region');
    expect(geo.drill('Europe')).toBe(true);
    expect(atRegion.update).toHaveBeenLastCalledWith({ filters: { marketplace: ['Ozon'], region: ['Europe'] }, level: 'subregion' });

    const atSubregion = props('subregion', { region: ['Europe'] });
    geoLevelOf(atSubregion, levels.country).drill('Eastern Europe');
    expect(atSubregion.update).toHaveBeenLastCalledWith({ filters: { region: ['Europe'], subregion: ['Eastern Europe'] }, level: 'country' });

    // At country level nothing drills: the view selects, as before levels existed.
    const atCountry = props('country');
    const countries = geoLevelOf(atCountry, levels.country);
    expect(countries.dimension.id).toBe('country');
    expect(countries.drill('RU')).toBe(false);
    expect(atCountry.update).not.toHaveBeenCalled();
  });

  it('does not drill a dimension outside the country hierarchy, nor a dataset without regions', () => {
    const atRegion = props('region');
    expect(geoLevelOf(atRegion, MARKET_MODEL.dimensions[0]!).drill('Ozon')).toBe(false);
    const plain: DatasetModel = { ...MARKET_MODEL, dimensions: [{ id: 'country', column: 'c', label: 'Country', pluralLabel: 'Countries', display: 'country' }] };
    const geo = geoLevelOf({ ...atRegion, model: plain }, plain.dimensions[0]!);
    expect([geo.levels, geo.level, geo.dimension.id, geo.drill('RU')]).toEqual([null, 'country', 'country', false]);
  });

  it('names the path drilled down and goes up one level by removing the filter that drilled in', () => {
    const filters = { region: ['Europe'], subregion: ['Eastern Europe'], marketplace: ['Ozon'] };
    expect(levelPath(levels, filters)).toEqual([
      { level: null, members: [] },
      { level: 'region', members: ['Europe'] },
      { level: 'subregion', members: ['Eastern Europe'] },
    ]);
    expect(upOneLevel(levels, 'country', filters)).toEqual({ level: 'subregion', filters: { region: ['Europe'], marketplace: ['Ozon'] } });
    expect(upOneLevel(levels, 'subregion', { region: ['Europe'] })).toEqual({ level: 'region', filters: {} });
    expect(upOneLevel(levels, 'region', filters)).toBeNull();
  });
});

describe('the countries view at region level', () => {
  const byRegion: Breakdown = {
    cells: [
      { rowKey: 'Europe', columnKey: 'Ozon', value: 300 },
      { rowKey: 'Asia', columnKey: 'Ozon', value: 100 },
    ],
    rowKeys: ['Europe', 'Asia'],
    columnKeys: ['Ozon'],
    rowTotal: 2,
    columnTotal: 1,
  };

  function renderAt(level: 'region' | 'subregion', filters: Record<string, string[]>, data: Breakdown) {
    const view = testView({ filters });
    const props = testViewProps({ view, filters, options: testOptions({ tab: 'countries', level }) });
    const rows = level === 'region' ? 'region' : 'subregion';
    const query = breakdownQuery(view, { rows, columns: 'marketplace', rowLimit: 10, columnLimit: 6 });
    renderWithQueryData(<CountriesView {...props} />, [[query.queryKey, data]]);
    return props;
  }

  it('groups by region, drills into one from the table by keyboard-operable buttons, and offers the way back', () => {
    const { update, onSelect } = renderAt('region', {}, byRegion);
    expect(screen.getByRole('heading', { name: 'Region comparison' })).toBeTruthy();
    expect((screen.getByTestId('countries-level-select') as HTMLSelectElement).value).toBe('region');
    expect((screen.getByTestId('countries-level-up') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Show table' }));
    const rows = within(screen.getByTestId('countries-table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.querySelector('td, th')!.textContent)).toEqual(['Europe', 'Asia']);
    fireEvent.click(within(rows[0]!).getByRole('button', { name: 'Europe' }));
    expect(update).toHaveBeenLastCalledWith({ filters: { region: ['Europe'] }, level: 'subregion' });
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('countries-level-select'), { target: { value: 'country' } });
    expect(update).toHaveBeenLastCalledWith({ level: 'country' });
  });

  it('at sub-region level shows the path, goes back to all regions, and up one level', () => {
    const bySubregion: Breakdown = { ...byRegion, cells: [{ rowKey: 'Eastern Europe', columnKey: 'Ozon', value: 300 }], rowKeys: ['Eastern Europe'], rowTotal: 1 };
    const { update } = renderAt('subregion', { region: ['Europe'] }, bySubregion);
    const path = screen.getByRole('navigation', { name: 'Drill-down path' });
    expect(path.textContent).toBe('All regionsEurope');
    expect(within(path).getByText('Europe').getAttribute('aria-current')).toBe('location');
    fireEvent.click(within(path).getByRole('button', { name: 'All regions' }));
    expect(update).toHaveBeenLastCalledWith({ level: 'region', filters: {} });
    fireEvent.click(screen.getByTestId('countries-level-up'));
    expect(update).toHaveBeenLastCalledWith({ level: 'region', filters: {} });
  });
});
