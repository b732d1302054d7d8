import { formatWhole } from '../../lib/format';
import { EXACT_NUMBER, type Cell } from './resultRows';
import type { WorkspaceColumnKind } from './workspaceApi';

const small = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/**
 * A cell for people: numbers grouped (1,234,567; 12.35; 0.000123), booleans as words, null as a dash. In a number
 * column, exact digits (a BIGINT beyond 2^53) are grouped too, every digit kept: 9,007,199,254,740,993.
 */
export function formatCell(value: Cell, kind?: WorkspaceColumnKind): string {
  if (value === null) return '–';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return kind === 'number' && EXACT_NUMBER.test(value) ? groupDigits(value) : value;
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return formatWhole(value, 'count');
  if (Math.abs(value) < 0.01) return small.format(value);
  return formatWhole(value, 'number');
}

/** Exact digits with thousands separators: "-12345678901234567.89" → "-12,345,678,901,234,567.89". */
function groupDigits(text: string): string {
  const [whole, fraction] = text.split('.');
  const sign = whole!.startsWith('-') ? '-' : '';
  const digits = whole!.slice(sign.length);
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}
