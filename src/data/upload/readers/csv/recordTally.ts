/**
 * What the CSV scan notes about records as they end: the field count they must have (the header's, or the first
 * record's), the ragged ones, and the lines where the records asked for start.
 */

/** A record with a field count different from the header's: record number (1-based), line, count. */
export interface RaggedRecord {
  record: number;
  line: number;
  fields: number;
}

/** Ragged records listed; the rest are only counted. */
const MAX_RAGGED = 100;

export class RecordTally {
  /** Lines (1-based) where the data records asked for start; null when none were asked for. */
  readonly recordLines: Map<number, number> | null;
  readonly ragged: RaggedRecord[] = [];
  raggedCount = 0;
  private readonly hasHeader: boolean;
  private readonly wanted: Set<number> | null;
  /** Fields per record; -1 until known (from the header or the first record). */
  private expected: number;

  constructor(hasHeader: boolean, expectedFields: number | undefined, recordLines: readonly number[] | undefined) {
    this.hasHeader = hasHeader;
    this.expected = expectedFields ?? -1;
    this.wanted = recordLines ? new Set(recordLines) : null;
    this.recordLines = recordLines ? new Map() : null;
  }

  /**
   * The field count of a record {@link record} need not see: the expected one. -1 (no count) sends the header or first
   * record there; -2 (never a count) sends every record when their lines are wanted.
   */
  get unremarkable(): number {
    return this.wanted ? -2 : this.expected;
  }

  /** A record ended: `records` counts the records so far, the header and this one included. */
  record(records: number, fields: number, line: number): void {
    if (this.hasHeader && records === 1) {
      if (this.expected === -1) this.expected = fields;
      return;
    }
    const record = this.hasHeader ? records - 1 : records;
    if (this.expected === -1) this.expected = fields;
    if (fields !== this.expected) {
      this.raggedCount++;
      if (this.ragged.length < MAX_RAGGED) this.ragged.push({ record, line, fields });
    }
    if (this.wanted?.has(record)) this.recordLines!.set(record, line);
  }
}
