/**
 * Counts the data records in a CSV file (RFC 4180: quoted fields may hold delimiters, quotes and line breaks),
 * excluding the header. Used to check that every row in a file reached its table: the CSV reader is never trusted
 * to report what it skipped.
 */
export function countCsvRecords(bytes: Uint8Array): number {
  const QUOTE = 0x22;
  const LF = 0x0a;
  const CR = 0x0d;
  let records = 0;
  let inQuotes = false;
  let lineHasContent = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === QUOTE) {
      inQuotes = !inQuotes;
      lineHasContent = true;
    } else if (!inQuotes && (byte === LF || byte === CR)) {
      if (byte === CR && bytes[i + 1] === LF) i++;
      if (lineHasContent) records++;
      lineHasContent = false;
    } else {
      lineHasContent = true;
    }
  }
  if (lineHasContent) records++;
  return Math.max(0, records - 1);
}
