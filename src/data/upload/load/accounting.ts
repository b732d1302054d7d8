/**
 * The accounting step: rows in the file = rows loaded + rows rejected (+ rows skipped by a sample), always. A load
 * whose numbers do not add up is refused rather than lose rows silently.
 */
import { t } from '../../../i18n';
import { formatWhole } from '../../../lib/format';
import { messages } from '../messages';
import { quoteFileName, UploadError } from '../UploadError';

export interface RowAccounting {
  /** Rows of the loaded table the file makes: its records, or with an unpivot, records × unpivoted columns. */
  valuesInFile: number;
  rowsLoaded: number;
  /** Rows rejected, by the reader and by the conversions together. */
  rowsRejected: number;
  /** Of those, the rows whose values did not convert. */
  conversionRejected: number;
  rowsSkipped: number;
}

export interface RowCounts {
  /** Data records the reader counted. */
  records: number;
  /** Rows per record (the unpivoted columns, or 1). */
  perRecord: number;
  /** Rows the load converted, and rows whose values did not convert. */
  loaded: number;
  conversionRejected: number;
  /** Records the reader itself refused. */
  readerRejected: number;
  /** The plan's sample size, when only a sample is loaded. */
  sampleRows: number | undefined;
}

/** The accounting of one load, or an UploadError when it does not add up or nothing loaded. */
export function accountRows(fileName: string, counts: RowCounts): RowAccounting {
  const { records, perRecord, loaded, conversionRejected } = counts;
  const valuesInFile = records * perRecord;
  const rowsRejected = conversionRejected + counts.readerRejected * perRecord;
  const rowsSkipped = counts.sampleRows !== undefined ? Math.max(0, valuesInFile - loaded - rowsRejected) : 0;
  if (loaded + rowsRejected + rowsSkipped !== valuesInFile || (loaded + conversionRejected) % perRecord !== 0) {
    throw accountingError(fileName, valuesInFile, loaded, rowsRejected, perRecord > 1 ? 'values' : 'rows');
  }
  if (loaded === 0) throw nothingLoadedError(fileName, records);
  return { valuesInFile, rowsLoaded: loaded, rowsRejected, conversionRejected, rowsSkipped };
}

function accountingError(fileName: string, inFile: number, loaded: number, rejected: number, unit: 'values' | 'rows'): UploadError {
  return new UploadError(
    fileName,
    'row-accounting',
    t(messages.rowAccounting, {
      file: quoteFileName(fileName),
      inFile: formatWhole(inFile),
      unit,
      read: formatWhole(loaded + rejected),
      loaded: formatWhole(loaded),
      rejected: formatWhole(rejected),
    }),
  );
}

function nothingLoadedError(fileName: string, records: number): UploadError {
  return new UploadError(
    fileName,
    records === 0 ? 'header-only' : 'nothing-loaded',
    records === 0
      ? t(messages.headerOnly, { file: quoteFileName(fileName) })
      : t(messages.nothingLoaded, { file: quoteFileName(fileName), records: formatWhole(records) }),
  );
}
