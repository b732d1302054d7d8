import { describe, expect, it } from 'vitest';
import { countCsvRecords, scanCsvRecords } from './countCsvRecords';

const count = (text: string) => countCsvRecords(new TextEncoder().encode(text));

describe('countCsvRecords', () => {
  it('counts data rows after the header, with or without a final newline', () => {
    expect(count('a,b\n1,2\n3,4\n')).toBe(2);
    expect(count('a,b\n1,2\n3,4')).toBe(2);
    expect(count('a,b\r\n1,2\r\n')).toBe(1);
    expect(count('a,b\r1,2\r3,4\r')).toBe(2);
  });
  it('does not count line breaks inside quotes, or blank lines', () => {
    expect(count('a,b\n"line\nbreak, and ""quotes""",2\n\n3,4\n')).toBe(2);
  });
  it('handles empty and header-only files', () => {
    expect(count('')).toBe(0);
    expect(count('a,b\n')).toBe(0);
  });
});

describe('scanCsvRecords', () => {
  it('maps records to the lines they start on, across quoted line breaks and blank lines', () => {
    const scan = scanCsvRecords(new TextEncoder().encode('a,b\n1,"x\ny"\n\n2,z\r\n3,w'));
    expect(scan.records).toBe(3);
    expect([1, 2, 3].map((record) => scan.lineOfRecord(record))).toEqual([2, 5, 6]);
  });
});
