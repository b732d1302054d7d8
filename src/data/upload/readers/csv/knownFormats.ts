/**
 * Files that are not CSV, told by their magic number: images, PDFs, workbooks, databases, archives and compressions
 * other than gzip. Such a file is refused with advice naming what it is, rather than previewed as garbled text.
 */
import { UploadError, quoteFileName } from '../../UploadError';

interface KnownFormat {
  what: string;
  advice: string;
  compressed?: boolean;
}

const SAVE_AS_CSV = 'save it as CSV (UTF-8) first';
const TABLE_ONLY = 'this app reads CSV files; export the table as CSV first';
const DECOMPRESS = 'only gzip (.gz) compression is read directly; decompress it and choose the CSV inside';

/**
 * 'gzip' when the bytes start with gzip's magic number. The name is not trusted (a .gz may have been decompressed
 * by the browser already, a .csv may be gzip); other compressions are refused here, naming the file.
 */
export function detectCompression(firstBytes: Uint8Array, fileName: string): 'none' | 'gzip' {
  if (firstBytes[0] === 0x1f && firstBytes[1] === 0x8b) return 'gzip';
  const format = knownFormat(firstBytes);
  if (format?.compressed) throw notCsv(fileName, format);
  return 'none';
}

/** Throws, naming the file and what it is, when `firstBytes` are those of a known format that is not CSV text. */
export function refuseKnownFormat(firstBytes: Uint8Array, fileName: string): void {
  const format = knownFormat(firstBytes);
  if (format) throw notCsv(fileName, format);
}

function knownFormat(bytes: Uint8Array): KnownFormat | null {
  const starts = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  const ascii = (prefix: string) => starts(...Array.from(prefix, (c) => c.charCodeAt(0)));
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { what: 'a PNG image', advice: TABLE_ONLY };
  if (starts(0xff, 0xd8, 0xff)) return { what: 'a JPEG image', advice: TABLE_ONLY };
  if (ascii('GIF87a') || ascii('GIF89a')) return { what: 'a GIF image', advice: TABLE_ONLY };
  if (ascii('%PDF-')) return { what: 'a PDF document', advice: TABLE_ONLY };
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06) || starts(0x50, 0x4b, 0x07, 0x08)) {
    return {
      what: 'a ZIP archive (or an Excel .xlsx file)',
      advice: `${SAVE_AS_CSV} (in Excel: File › Save As › CSV UTF-8), or unzip it and choose the CSV inside`,
    };
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    return { what: 'an old Excel .xls workbook (or another old Office file)', advice: SAVE_AS_CSV };
  }
  // 'PAR1' followed by binary: a CSV may well start with a column named PAR1.
  if (ascii('PAR1') && bytes.length > 4 && bytes[4]! < 0x20) return { what: 'a Parquet file', advice: TABLE_ONLY };
  if (ascii('SQLite format 3\0')) return { what: 'an SQLite database', advice: TABLE_ONLY };
  if (starts(0x1f, 0x8b)) {
    return { what: 'still gzip-compressed (perhaps compressed twice)', advice: DECOMPRESS, compressed: true };
  }
  if (ascii('BZh') && bytes[3]! >= 0x31 && bytes[3]! <= 0x39) {
    return { what: 'compressed with bzip2', advice: DECOMPRESS, compressed: true };
  }
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return { what: 'compressed with xz', advice: DECOMPRESS, compressed: true };
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return { what: 'compressed with zstd', advice: DECOMPRESS, compressed: true };
  if (starts(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return { what: 'a 7-Zip archive', advice: DECOMPRESS, compressed: true };
  if (ascii('Rar!\x1a\x07')) return { what: 'a RAR archive', advice: DECOMPRESS, compressed: true };
  return null;
}

function notCsv(fileName: string, format: KnownFormat): UploadError {
  const sentence = format.what.startsWith('a') ? `is ${format.what}, not a CSV file` : `is ${format.what}`;
  return new UploadError(fileName, 'not-csv', `${quoteFileName(fileName)} ${sentence}: ${format.advice}.`);
}
