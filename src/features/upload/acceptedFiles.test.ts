import { describe, expect, it } from 'vitest';
import { acceptAttribute, acceptedFilesInWords, chooseFilesLabel, type AcceptedKind } from './acceptedFiles';

const parquet: AcceptedKind = { name: 'Parquet', described: '.parquet', extensions: ['.parquet'], mediaTypes: ['application/vnd.apache.parquet'] };
const excel: AcceptedKind = { name: 'Excel', described: '.xlsx', extensions: ['.xlsx'], mediaTypes: [] };

describe('accepted files', () => {
  it('derives what the screen says and accepts today from the CSV entry', () => {
    expect(acceptAttribute()).toBe('.csv,.tsv,.txt,.gz,text/csv,text/tab-separated-values,text/plain,application/gzip');
    expect(acceptedFilesInWords()).toBe('CSV files (.csv, .tsv, .txt or .csv.gz)');
    expect(chooseFilesLabel()).toBe('Choose CSV files…');
  });

  it('lists several kinds in words, suffixes before media types', () => {
    const csv: AcceptedKind = { name: 'CSV', described: '.csv', extensions: ['.csv'], mediaTypes: ['text/csv'] };
    expect(acceptAttribute([csv, parquet, excel])).toBe('.csv,.parquet,.xlsx,text/csv,application/vnd.apache.parquet');
    expect(chooseFilesLabel([csv, parquet, excel])).toBe('Choose CSV, Parquet or Excel files…');
    expect(acceptedFilesInWords([csv, parquet])).toBe('CSV files (.csv) or Parquet files (.parquet)');
  });
});
