import type { MeasureDef } from '../../data';
import { formatCompact, formatWhole } from '../../lib/format';

/** Formatters for one measure: compact on axes and cards, full precision in tooltips and tables. */
export function measureFormatters(measure: MeasureDef) {
  return {
    compact: (value: number | null) => formatCompact(value, measure.unit),
    full: (value: number | null) => formatWhole(value, measure.unit),
  };
}
