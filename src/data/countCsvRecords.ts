/**
 * Scans a CSV file (RFC 4180: quoted fields may hold delimiters, quotes and line breaks) for its data records,
 * excluding the header. Used to check that every row in a file reached its table — the CSV reader is never trusted
 * to report what it skipped — and to turn a record number into the line a person sees in an editor.
 */
export interface CsvRecordScan {
  /** Data records, not counting the header or blank lines. */
  records: number;
  /** The 1-based line on which data record `record` (1-based) starts. */
  lineOfRecord(record: number): number;
}

export function scanCsvRecords(bytes: Uint8Array): CsvRecordScan {
  const QUOTE = 0x22;
  const LF = 0x0a;
  const CR = 0x0d;
  const startLines: number[] = [];
  let line = 1;
  let recordStartLine = 1;
  let inQuotes = false;
  let lineHasContent = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === LF || byte === CR) {
      if (byte === CR && bytes[i + 1] === LF) i++;
      if (!inQuotes) {
        if (lineHasContent) startLines.push(recordStartLine);
        lineHasContent = false;
        recordStartLine = line + 1;
      }
      line++;
      continue;
    }
    if (byte === QUOTE) inQuotes = !inQuotes;
    if (!lineHasContent) recordStartLine = line;
    lineHasContent = true;
  }
  if (lineHasContent) startLines.push(recordStartLine);
  // The first record is the header.
  return {
    records: Math.max(0, startLines.length - 1),
    lineOfRecord: (record) => startLines[record] ?? record + 1,
  };
}

/** The number of data records in a CSV file, excluding the header. */
export function countCsvRecords(bytes: Uint8Array): number {
  return scanCsvRecords(bytes).records;
}
