import type { MeasureDef } from '../../data';
import { formatChange, formatCompact, formatIndex, formatShare, formatWhole } from '../../lib/format';
import type { Mode } from './declaration';

/** The comparison modes, in the order and words the controls show them. */
export const MODE_LABELS: Record<Mode, string> = {
  absolute: 'As measured',
  index: 'Index (base = 100)',
  yoy: 'Change vs a year earlier',
  share: 'Share of the total',
  avg3: '3-month average',
  avg12: '12-month average',
};

/** How values of a mode read on an axis and in a tooltip or table. */
export function modeFormatters(mode: Mode, measure: MeasureDef) {
  switch (mode) {
    case 'index':
      return { axis: (value: number) => formatIndex(value).replace(/\.0$/, ''), full: formatIndex };
    case 'yoy':
      return { axis: (value: number) => formatChange(value).replace('.0%', '%'), full: formatChange };
    case 'share':
      return { axis: (value: number) => formatShare(value), full: formatShare };
    default:
      return {
        axis: (value: number) => formatCompact(value, measure.unit),
        full: (value: number | null) => formatWhole(value, measure.unit),
      };
  }
}
