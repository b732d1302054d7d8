/**
 * The records of a sample's text, parsed with papaparse, and the field count most of them have. The sniffer parses
 * the sample once per delimiter candidate, then once more with the dialect it chose, for the preview.
 */
import Papa from 'papaparse';

export interface ParsedRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
}

export interface Parsed {
  records: ParsedRecord[];
  /** The parse went through the whole text (rather than stopping after `limit` records). */
  reachedEnd: boolean;
  unterminatedQuoteLine: number | null;
}

/**
 * Parses up to `limit` records of text whose lines end with '\n'. Only empty lines are skipped — not papaparse's
 * 'greedy' rule — because DuckDB loads a line of spaces or of delimiters as a record, and the preview must show
 * what will be loaded.
 */
export function parseRecords(text: string, dialect: { delimiter: string; quote: string; escape: string }, limit: number): Parsed {
  const records: ParsedRecord[] = [];
  let start = 0;
  let line = 1;
  let reachedEnd = true;
  let unterminatedQuoteLine: number | null = null;
  Papa.parse<string[]>(text, {
    delimiter: dialect.delimiter,
    quoteChar: dialect.quote,
    escapeChar: dialect.escape,
    newline: '\n',
    header: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      // `cursor` is where the next record starts: just past this one's line break.
      const end = result.meta.cursor;
      const raw = text.slice(start, end);
      if (raw !== '' && raw !== '\n') {
        records.push({ fields: result.data, line });
        if (result.errors.some((e) => e.code === 'MissingQuotes')) unterminatedQuoteLine ??= line;
      }
      for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) line++;
      start = end;
      if (records.length >= limit && end < text.length) {
        reachedEnd = false;
        parser.abort();
      }
    },
  });
  return { records, reachedEnd, unterminatedQuoteLine };
}

/** The records of a parse, without the last when the sample was cut and the parse reached its end there. */
export function completeRecords(parsed: Parsed, truncated: boolean): ParsedRecord[] {
  const records = parsed.records;
  // The last record of a cut sample may be cut too — unless it is all there is.
  if (truncated && parsed.reachedEnd && records.length > 1) records.pop();
  return records;
}

/** The most frequent field count (the larger one on ties); 0 for no records. */
export function commonFieldCount(records: readonly ParsedRecord[]): number {
  return modeOf(records.map((record) => record.fields.length));
}

/** The most frequent value (the larger one on ties); 0 for none. */
function modeOf(values: number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount || (c === bestCount && v > best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}
