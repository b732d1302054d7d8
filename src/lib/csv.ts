/**
 * CSV for people's spreadsheets (RFC 4180, `\n` line ends). Numbers are written in full, never rounded or grouped.
 *
 * Text cells are neutralised the way OWASP describes ("CSV Injection"): a text cell that a spreadsheet could run as a
 * formula gets a leading `'` and is always quoted. Only cells the app writes as numbers (`typeof value === 'number'`)
 * stay numbers; a text cell that merely looks like one (`"-12.5"` from a rejected row) is text from a file, and is
 * neutralised like any other, so what a spreadsheet shows is exactly the text the file held.
 */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * A formula trigger, possibly after characters a spreadsheet skips or trims before it: whitespace of any kind (space,
 * tab, no-break space U+00A0, the U+2000 spaces, U+3000…), control characters (NUL, CR, LF…) and invisible format
 * characters (zero-width space, BOM, direction marks). Triggers are `= + - @`, their fullwidth forms
 * `＝ ＋ － ＠` (U+FF1D, U+FF0B, U+FF0D, U+FF20) and small forms (U+FE66, U+FE62, U+FE63, U+FE6B), which some
 * spreadsheets fold to ASCII. A tab or carriage return at the very start is a trigger on its own (OWASP).
 */
const FORMULA_START = /^(?:[\t\r]|[\p{White_Space}\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B])/u;

/** One CSV field: the only function through which the app writes a cell of any CSV it offers. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  if (FORMULA_START.test(text)) return `"'${text.replaceAll('"', '""')}"`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV file: a header line and one line per row, every cell through {@link csvCell}. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** Offers `content` as a file download named `fileName`. */
export function downloadFile(fileName: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a title: "Visitors over time" → "visitors-over-time". */
export function fileNameOf(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'chart'
  );
}
