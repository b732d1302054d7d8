import { describe, expect, it } from 'vitest';
import { removeSelection, toggleSelection } from './selection';

describe('cross-filter selections', () => {
  it('a plain click selects one member, and a second click on it clears the selection', () => {
    const once = toggleSelection({}, 'map', 'country', 'RU', false);
    expect(once).toEqual({ map: { country: ['RU'] } });
    expect(toggleSelection(once, 'map', 'country', 'MX', false)).toEqual({ map: { country: ['MX'] } });
    expect(toggleSelection(once, 'map', 'country', 'RU', false)).toEqual({});
  });

  it('an additive click adds and removes members, and leaves other views alone', () => {
    const start = { map: { country: ['RU'] }, trend: { marketplace: ['Ozon'] } };
    const added = toggleSelection(start, 'map', 'country', 'MX', true);
    expect(added).toEqual({ map: { country: ['RU', 'MX'] }, trend: { marketplace: ['Ozon'] } });
    expect(toggleSelection(added, 'map', 'country', 'RU', true)).toEqual({ map: { country: ['MX'] }, trend: { marketplace: ['Ozon'] } });
    expect(start).toEqual({ map: { country: ['RU'] }, trend: { marketplace: ['Ozon'] } });
  });

  it('removing the last member drops the view', () => {
    expect(removeSelection({ map: { country: ['RU'] } }, 'map', 'country', 'RU')).toEqual({});
  });
});
