import type { MeasureDef } from '../../data';
import { formatChange, formatCompact, formatIndex, formatShare, formatWhole } from '../../lib/format';
import type { Mode } from './declaration';
import type { Message } from '../../i18n';
import { modeMessages } from './messages';

/** The comparison modes' names, as the controls show them: `tr(MODE_LABELS.index)`. */
export const MODE_LABELS: Record<Mode, Message> = modeMessages;

/** How values of a mode read on an axis and in a tooltip or table. */
export function modeFormatters(mode: Mode, measure: MeasureDef) {
  switch (mode) {
    case 'index':
      return { axis: (value: number) => formatIndex(value).replace(/[.,]0$/, ''), full: formatIndex };
    case 'yoy':
      return { axis: (value: number) => formatChange(value).replace(/[.,]0(?=\s*%)/, ''), full: formatChange };
    case 'share':
      return { axis: (value: number) => formatShare(value), full: formatShare };
    default:
      return {
        axis: (value: number) => formatCompact(value, measure.unit),
        full: (value: number | null) => formatWhole(value, measure.unit),
      };
  }
}
