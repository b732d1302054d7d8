import type { SourceFormat } from '../../data/upload/readers/sourceFormat';
import { t } from '../../i18n';
import { messages } from './messages';

/**
 * The kinds of file the upload screen takes, in one place: the picker's `accept` list, the lead text and the
 * picker's label are derived from this list. A new reader (Parquet, Excel) adds its entry here, beside its entry in
 * the data layer's reader registry (a test checks that every kind offered here has a reader there).
 */
export interface AcceptedKind {
  /** The reader that reads it (src/data/upload/readers). */
  format: SourceFormat;
  /** What a person calls the kind, as in "Choose CSV files…". */
  name: string;
  /** The file names it takes, as the lead text lists them (a list is joined with "or" in the active language). */
  described: string | readonly string[];
  /** Suffixes and media types for the file picker's `accept` attribute. */
  extensions: readonly string[];
  mediaTypes: readonly string[];
}

export const ACCEPTED_KINDS: readonly AcceptedKind[] = [
  {
    format: 'csv',
    name: 'CSV',
    described: ['.csv', '.tsv', '.txt', '.csv.gz'],
    extensions: ['.csv', '.tsv', '.txt', '.gz'],
    mediaTypes: ['text/csv', 'text/tab-separated-values', 'text/plain', 'application/gzip'],
  },
  {
    format: 'parquet',
    name: 'Parquet',
    described: '.parquet',
    extensions: ['.parquet'],
    mediaTypes: ['application/vnd.apache.parquet'],
  },
  {
    format: 'xlsx',
    name: 'Excel',
    described: '.xlsx',
    extensions: ['.xlsx'],
    mediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  },
];

/** The file picker's `accept` attribute: every suffix, then every media type. */
export function acceptAttribute(kinds: readonly AcceptedKind[] = ACCEPTED_KINDS): string {
  return [...kinds.flatMap((kind) => kind.extensions), ...kinds.flatMap((kind) => kind.mediaTypes)].join(',');
}

/** "CSV files (.csv, .tsv, .txt or .csv.gz)"; with several kinds, each in turn, joined by commas and "or". */
export function acceptedFilesInWords(kinds: readonly AcceptedKind[] = ACCEPTED_KINDS): string {
  return inWords(
    kinds.map((kind) =>
      t(messages.kindFiles, { kind: kind.name, suffixes: typeof kind.described === 'string' ? kind.described : inWords(kind.described) }),
    ),
  );
}

/** The picker's label: "Choose CSV files…", or "Choose CSV or Parquet files…". */
export function chooseFilesLabel(kinds: readonly AcceptedKind[] = ACCEPTED_KINDS): string {
  return t(messages.chooseFiles, { kinds: inWords(kinds.map((kind) => kind.name)) });
}

function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return t(messages.listOr, { first: items.slice(0, -1).join(', '), last: items.at(-1) });
}
