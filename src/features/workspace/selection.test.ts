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

describe('cross-filter selections on columns and members named like Object.prototype members', () => {
  it('adds to, toggles and removes a selection on the column whose id is "constructor"', () => {
    const start = { trend: { proto: ['RU'] } };
    const added = toggleSelection(start, 'trend', 'constructor', '__proto__', true);
    expect(added).toEqual({ trend: { proto: ['RU'], constructor: ['__proto__'] } });
    const more = toggleSelection(added, 'trend', 'constructor', 'toString', true);
    expect(more.trend?.constructor).toEqual(['__proto__', 'toString']);
    expect(removeSelection(more, 'trend', 'constructor', '__proto__').trend?.constructor).toEqual(['toString']);
    expect(removeSelection(start, 'trend', 'constructor', 'valueOf')).toEqual(start);
  });
});
