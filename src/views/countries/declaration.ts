import { choiceSetting, expectedChoices } from '../../state/viewState';
import { defineView } from '../declaration';
import { levelSetting, resolveLevel } from '../levels';

export const STACKINGS = ['stacked', 'grouped'] as const;

/**
 * The top countries with an "Other" bucket, stacked or grouped by marketplace. It declares the `level` setting
 * (region, sub-region or country, src/views/levels.ts) that every view grouping by country reads.
 */
export const countries = defineView({
  id: 'countries',
  label: 'Countries',
  settings: { stack: choiceSetting(STACKINGS, 'stacked', expectedChoices(STACKINGS, 'or')), level: levelSetting },
  resolve: (state, context) => ({ ...state, level: resolveLevel(state.level, context) }),
});
