/**
 * Whether a CSV sample's first row is a header, by the kind of value each cell looks like (number, date, text) in the
 * first row and in the rows below it.
 */

type ValueKind = 'empty' | 'number' | 'date' | 'text';

const NUMBER = /^[-+]?[$€£¥]?\s?(?:\d+|\d{1,3}(?:[,. '\u00a0]\d{3})+)(?:[.,]\d+)?(?:[eE][-+]?\d+)?\s?(?:%|[$€£¥])?$/;
const DECIMAL_ONLY = /^[-+]?[.,]\d+$/;
const DATE = [
  /^\d{4}-\d{1,2}(?:-\d{1,2})?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?: \d{1,2}:\d{2}(?::\d{2})?)?$/,
];

function kindOf(value: string): ValueKind {
  const v = value.trim();
  if (v === '') return 'empty';
  if (NUMBER.test(v) || DECIMAL_ONLY.test(v)) return 'number';
  if (DATE.some((re) => re.test(v))) return 'date';
  return 'text';
}

/** A year-like name ('1960', '2021-03') heads a column in wide tables: never evidence of a data row. */
const YEAR_NAME = /^(?:1[89]|20)\d{2}(?:-\d{2})?$/;

/**
 * Header unless the first row looks like data:
 * - a text name above a column of (mostly) numbers or dates → header;
 * - otherwise a number or date above a column of them (`1` over `4`, `6`), or a text repeated in its column below
 *   (`TEST9` over `TEST9`) → data;
 * - otherwise → header (names are made unique and non-empty anyway).
 */
export function looksLikeHeader(rows: string[][]): boolean {
  const first = rows[0];
  if (!first) return true;
  const below = rows.slice(1);
  const kinds = first.map(kindOf);
  const mostlyTyped = (column: number) => {
    const values = below.map((r) => kindOf(r[column] ?? '')).filter((k) => k !== 'empty');
    return values.length > 0 && values.filter((k) => k !== 'text').length >= values.length * 0.8;
  };
  if (kinds.some((kind, column) => kind === 'text' && mostlyTyped(column))) return true;
  if (below.length === 0) return kinds.some((kind) => kind === 'text');
  const dataLike = kinds.some((kind, column) => {
    if (kind === 'number' || kind === 'date') return !YEAR_NAME.test(first[column]!.trim()) && mostlyTyped(column);
    return kind === 'text' && below.some((r) => r[column] === first[column]);
  });
  return !dataLike;
}
