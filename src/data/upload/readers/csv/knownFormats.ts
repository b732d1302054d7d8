/**
 * Files that are not CSV, told by their magic number: images, PDFs, workbooks, databases, archives and compressions
 * other than gzip. Such a file is refused with advice naming what it is, rather than previewed as garbled text.
 */
import { t, type Message } from '../../../../i18n';
import { messages } from '../../messages';
import { UploadError, quoteFileName } from '../../UploadError';

/** What a known format is, as the refusal says it: a whole sentence, or the table sentence naming what it is. */
interface KnownFormat {
  message: Message;
  values?: Record<string, string>;
  compressed?: boolean;
}

/** A file that holds a table in another format: export the table as CSV. */
const table = (what: Message): KnownFormat => ({ message: messages.notCsvTable, values: { what: t(what) } });
/** An archive or a compression other than gzip. */
const compressedWith = (compression: string): KnownFormat => ({ message: messages.notCsvCompressedWith, values: { compression }, compressed: true });
const archive = (what: Message): KnownFormat => ({ message: messages.notCsvArchive, values: { what: t(what) }, compressed: true });

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
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return table(messages.whatPng);
  if (starts(0xff, 0xd8, 0xff)) return table(messages.whatJpeg);
  if (ascii('GIF87a') || ascii('GIF89a')) return table(messages.whatGif);
  if (ascii('%PDF-')) return table(messages.whatPdf);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06) || starts(0x50, 0x4b, 0x07, 0x08)) {
    return { message: messages.notCsvZip };
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    return { message: messages.notCsvXls };
  }
  // 'PAR1' followed by binary: a CSV may well start with a column named PAR1.
  if (ascii('PAR1') && bytes.length > 4 && bytes[4]! < 0x20) return table(messages.whatParquet);
  if (ascii('SQLite format 3\0')) return table(messages.whatSqlite);
  if (starts(0x1f, 0x8b)) {
    return { message: messages.notCsvGzipTwice, compressed: true };
  }
  if (ascii('BZh') && bytes[3]! >= 0x31 && bytes[3]! <= 0x39) {
    return compressedWith('bzip2');
  }
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return compressedWith('xz');
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return compressedWith('zstd');
  if (starts(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return archive(messages.what7z);
  if (ascii('Rar!\x1a\x07')) return archive(messages.whatRar);
  return null;
}

function notCsv(fileName: string, format: KnownFormat): UploadError {
  return new UploadError(fileName, 'not-csv', t(format.message, { ...format.values, file: quoteFileName(fileName) }));
}
