/**
 * The rejects step: the rows that were not loaded, where they are and why, in file order — those the reader
 * refused and those whose values did not convert, merged into one list with the locations people see.
 */
import { t } from '../../../i18n';
import { messages } from '../messages';
import type { Engine } from '../../../engine';
import { buildConversionRejectsQuery } from '../../../sql';
import type { PlannedColumn, UploadPlan } from '../plan';
import type { OpenedSource, ReadPass } from '../readers/sourceReader';

/** One rejected row, for the report and the download: where it is, which column, what it held, and why. */
export interface RejectedRow {
  /** Where people find it: the physical line (1-based, as an editor shows it), or a sheet's row number. */
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}

export const MAX_REPORTED_REJECTS = 10_000;

/** Where the rows that did not convert are, and the column numbering them among the accepted rows (else rowid). */
export interface ConversionRejectsSource {
  table: string;
  positionColumn?: string;
}

export interface RejectsRequest {
  engine: Engine;
  source: OpenedSource;
  /** The pass whose reader rejects stand, and the records the reader refused in it. */
  pass: ReadPass;
  readerRejected: readonly number[];
  plan: UploadPlan;
  used: readonly PlannedColumn[];
  /** Where to find the rows that did not convert; null when every row converted. */
  converted: ConversionRejectsSource | null;
}

interface RejectEntry {
  record: number;
  column: string | null;
  value: string | null;
  reason: string;
}

export async function collectRejects(request: RejectsRequest): Promise<RejectedRow[]> {
  const { engine, source, converted } = request;
  const readerRejects = await source.readerRejects(request.pass, MAX_REPORTED_REJECTS);
  const conversionRejects = converted
    ? await engine.query<{ position: number; column_index: number; value: string | null }>(
        buildConversionRejectsQuery(converted.table, MAX_REPORTED_REJECTS, { positionColumn: converted.positionColumn }),
      )
    : [];
  if (readerRejects.length === 0 && conversionRejects.length === 0) return [];
  const entries = [...readerRejects, ...conversionRejects.map((row) => conversionEntry(request, row))]
    .sort((a, b) => a.record - b.record)
    // A bad value outside the unpivoted columns is reported once per record, not once per unpivoted column.
    .filter((entry, index, all) => index === 0 || !(entry.record === all[index - 1]!.record && entry.column === all[index - 1]!.column));
  const locations = await source.locateRecords(entries.map((entry) => entry.record));
  return entries.slice(0, MAX_REPORTED_REJECTS).map((entry) => ({
    line: locations.get(entry.record) ?? entry.record,
    column: entry.column,
    value: entry.value,
    reason: entry.reason,
  }));
}

/** A row that did not convert, placed on its record: rows are numbered among those the reader accepted. */
function conversionEntry(
  { plan, used, readerRejected }: RejectsRequest,
  row: { position: number; column_index: number; value: string | null },
): RejectEntry {
  const perRecord = plan.unpivot ? plan.unpivot.columns.length : 1;
  const column = used[row.column_index];
  const unpivoted = plan.unpivot && (column === plan.unpivot.value || column === plan.unpivot.name);
  // With an unpivot, rows come perRecord to a record, in the order of the unpivoted columns.
  const unpivotedHeader = () =>
    plan.columns.find((candidate) => candidate.index === plan.unpivot!.columns[row.position % perRecord])?.header;
  return {
    record: recordOfPosition(Math.floor(row.position / perRecord), readerRejected),
    column: (unpivoted ? unpivotedHeader() : column?.header) ?? null,
    value: row.value,
    reason: column ? conversionReason(column, row.value) : t(messages.notConverted),
  };
}

/** Accepted row `position` (0-based) is the position-th data record the reader did not refuse. */
function recordOfPosition(position: number, readerRejected: readonly number[]): number {
  let record = position + 1;
  for (const rejected of readerRejected) {
    if (rejected <= record) record++;
    else break;
  }
  return record;
}

function conversionReason(column: PlannedColumn, value: string | null): string {
  if (value === null || value.trim() === '') return t(messages.emptyTime, { column: column.header });
  switch (column.format.kind) {
    case 'number':
      return t(column.format.percent ? messages.notPercentage : messages.notNumber);
    case 'date':
    case 'timestamp':
    case 'month':
      return t(messages.notDate, { pattern: column.format.format });
    case 'year':
      return t(messages.notYear);
    case 'duration':
      return t(messages.notDuration, { example: '00:01:11' });
    case 'country':
      return t(messages.notCountry);
    case 'boolean':
      return t(messages.notBoolean);
    case 'text':
      return t(messages.notRead);
  }
}
