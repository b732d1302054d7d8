import { formatWhole } from '../../lib/format';
import type { Cell } from './resultRows';

const small = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** A cell for people: numbers grouped (1,234,567; 12.35; 0.000123), booleans as words, null as a dash. */
export function formatCell(value: Cell): string {
  if (value === null) return '–';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return formatWhole(value, 'count');
  if (Math.abs(value) < 0.01) return small.format(value);
  return formatWhole(value, 'number');
}
