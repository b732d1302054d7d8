import { choiceSetting, expectedChoices } from '../../state/viewState';
import { defineView } from '../declaration';

export const CELL_METRICS = ['value', 'share'] as const;

/** Marketplace × country heatmap of the measure or of each marketplace's share within a country. */
export const matrix = defineView({
  id: 'matrix',
  label: 'Matrix',
  settings: { cell: choiceSetting(CELL_METRICS, 'value', expectedChoices(CELL_METRICS, 'or')) },
});
