import { formatLocale, formatWhole } from '../../lib/format';
import { EXACT_NUMBER, type Cell } from './resultRows';
import type { WorkspaceColumnKind } from './workspaceApi';

/** Small numbers to three significant digits, and the group and decimal marks, in the active locale. */
const smallFormats = new Map<string, Intl.NumberFormat>();
function small(): Intl.NumberFormat {
  const locale = formatLocale();
  let found = smallFormats.get(locale);
  if (!found) smallFormats.set(locale, (found = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 })));
  return found;
}
function marks(): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(formatLocale()).formatToParts(12345.6);
  return { group: parts.find((part) => part.type === 'group')?.value ?? ',', decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.' };
}

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
  if (Math.abs(value) < 0.01) return small().format(value);
  return formatWhole(value, 'number');
}

/** Exact digits with thousands separators: "-12345678901234567.89" → "-12,345,678,901,234,567.89". */
function groupDigits(text: string): string {
  const [whole, fraction] = text.split('.');
  const sign = whole!.startsWith('-') ? '-' : '';
  const digits = whole!.slice(sign.length);
  const { group, decimal } = marks();
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, group)}${fraction === undefined ? '' : `${decimal}${fraction}`}`;
}
