import { describe, expect, it } from 'vitest';
import { readerEntry } from '../../data/upload/readers';
import { ACCEPTED_KINDS, acceptAttribute, acceptedFilesInWords, chooseFilesLabel, type AcceptedKind } from './acceptedFiles';

const parquet: AcceptedKind = { format: 'parquet', name: 'Parquet', described: '.parquet', extensions: ['.parquet'], mediaTypes: ['application/vnd.apache.parquet'] };
const excel: AcceptedKind = { format: 'xlsx', name: 'Excel', described: '.xlsx', extensions: ['.xlsx'], mediaTypes: [] };

describe('accepted files', () => {
  it('derives what the screen says and accepts from the CSV, Parquet and Excel entries', () => {
    expect(acceptAttribute()).toBe('.csv,.tsv,.txt,.gz,.parquet,.xlsx,text/csv,text/tab-separated-values,text/plain,application/gzip,application/vnd.apache.parquet,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(acceptedFilesInWords()).toBe('CSV files (.csv, .tsv, .txt or .csv.gz), Parquet files (.parquet) or Excel files (.xlsx)');
    expect(chooseFilesLabel()).toBe('Choose CSV, Parquet or Excel files…');
  });

  it('lists several kinds in words, suffixes before media types', () => {
    const csv: AcceptedKind = { format: 'csv', name: 'CSV', described: '.csv', extensions: ['.csv'], mediaTypes: ['text/csv'] };
    expect(acceptAttribute([csv, parquet, excel])).toBe('.csv,.parquet,.xlsx,text/csv,application/vnd.apache.parquet');
    expect(chooseFilesLabel([csv, parquet, excel])).toBe('Choose CSV, Parquet or Excel files…');
    expect(acceptedFilesInWords([csv, parquet])).toBe('CSV files (.csv) or Parquet files (.parquet)');
  });

  it('offers only kinds the data layer has a reader for, with suffixes that reader knows', () => {
    for (const kind of ACCEPTED_KINDS) {
      const known = readerEntry(kind.format).extensions;
      for (const extension of kind.extensions) expect(known, `${kind.name} ${extension}`).toContain(extension);
    }
  });
});
