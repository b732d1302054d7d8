/**
 * The encoding of a CSV sample, and its text: a byte order mark, UTF-16 told by its zero bytes, valid UTF-8, then
 * damaged UTF-8 or a Western single-byte encoding (Windows-1252). UTF-32, Shift-JIS and binary files are refused.
 */
import { t } from '../../../../i18n';
import { messages } from '../../messages';
import type { Encoding, SniffWarning } from '../../dialect';
import { UploadError, quoteFileName } from '../../UploadError';
import { utf8SequenceAt } from '../../utf8';
import { convertedEncodingWarning, invalidUtf8Warning } from './sniffWarnings';
import { repairWindows1252 } from './transcode';

export interface Decoded {
  encoding: Encoding;
  bom: boolean;
  /** Without the BOM. */
  text: string;
}

/** The sample's encoding and text; `override` is the encoding the person chose, if any. */
export function decodeSample(
  sample: Uint8Array,
  fileName: string,
  truncated: boolean,
  override: Encoding | undefined,
  warnings: SniffWarning[],
): Decoded {
  const name = quoteFileName(fileName);
  const bom = byteOrderMark(sample, fileName);
  const encoding = override ?? bom ?? utf16ByNulPattern(sample);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    try {
      return { encoding, bom: bom === encoding, text: decode(sample, encoding, truncated, true) };
    } catch {
      throw new UploadError(
        fileName,
        'invalid-utf16',
        t(messages.invalidUtf16, { file: name }),
      );
    }
  }
  if (looksBinary(sample)) {
    throw new UploadError(
      fileName,
      'binary',
      t(messages.binary, { file: name }),
    );
  }
  if (encoding === 'windows-1252') return { encoding, bom: false, text: decode(sample, encoding, truncated, false) };
  if (encoding === 'utf-8' && override) {
    warnInvalidUtf8(sample, name, warnings);
    return { encoding, bom: bom === 'utf-8', text: decode(sample, 'utf-8', truncated, false) };
  }
  return utf8OrWestern(sample, fileName, bom === 'utf-8', truncated, warnings);
}

/** The encoding a byte order mark names, or null without one. A UTF-32 one is refused. */
function byteOrderMark(sample: Uint8Array, fileName: string): Encoding | null {
  const starts = (...prefix: number[]) => prefix.every((b, i) => sample[i] === b);
  if (starts(0xff, 0xfe, 0x00, 0x00) || starts(0x00, 0x00, 0xfe, 0xff)) {
    const name = quoteFileName(fileName);
    throw new UploadError(
      fileName,
      'unsupported-encoding',
      t(messages.utf32, { file: name }),
    );
  }
  if (starts(0xef, 0xbb, 0xbf)) return 'utf-8';
  if (starts(0xff, 0xfe)) return 'utf-16le';
  if (starts(0xfe, 0xff)) return 'utf-16be';
  return null;
}

/** Text with no encoding chosen and no sign of UTF-16: UTF-8, else Shift-JIS (refused), damaged UTF-8 or Western. */
function utf8OrWestern(
  sample: Uint8Array,
  fileName: string,
  utf8Bom: boolean,
  truncated: boolean,
  warnings: SniffWarning[],
): Decoded {
  const name = quoteFileName(fileName);
  try {
    return { encoding: 'utf-8', bom: utf8Bom, text: decode(sample, 'utf-8', truncated, true) };
  } catch {
    // Not valid UTF-8: Shift-JIS (refused), damaged UTF-8, or a Western single-byte encoding.
  }
  if (looksLikeShiftJis(sample)) {
    throw new UploadError(
      fileName,
      'unsupported-encoding',
      t(messages.shiftJis, { file: name }),
    );
  }
  if (utf8Bom || countUtf8(sample).valid > 0) {
    // Real UTF-8 characters next to invalid bytes: a damaged UTF-8 file rather than another encoding.
    warnInvalidUtf8(sample, name, warnings);
    return { encoding: 'utf-8', bom: utf8Bom, text: decode(sample, 'utf-8', truncated, false) };
  }
  warnings.push(convertedEncodingWarning(name));
  return { encoding: 'windows-1252', bom: false, text: decode(sample, 'windows-1252', truncated, false) };
}

/** Decodes without the BOM. `stream` keeps a character cut at the end of a truncated sample from counting as invalid. */
function decode(bytes: Uint8Array, encoding: Encoding, truncated: boolean, fatal: boolean): string {
  const text = new TextDecoder(encoding, { fatal }).decode(bytes, { stream: truncated });
  return encoding === 'windows-1252' ? repairWindows1252(text) : text;
}

/** UTF-16 without a BOM: ASCII characters then have a zero byte on one side, always the same side. */
function utf16ByNulPattern(sample: Uint8Array): Encoding {
  const n = Math.min(sample.length, 1024) & ~1;
  if (n < 4) return 'utf-8';
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return 'utf-8';
}

/** More than 10% control bytes in the first KB: not text. A single NUL in a value is a warning, not this. */
function looksBinary(sample: Uint8Array): boolean {
  const n = Math.min(sample.length, 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = sample[i]!;
    // Tab, LF, FF, CR and ESC occur in text files.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) control++;
  }
  return control > n * 0.1;
}

function countUtf8(bytes: Uint8Array): { valid: number; firstInvalid: number } {
  let valid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    const length = utf8SequenceAt(bytes, i);
    if (length > 0) {
      valid++;
      i += length - 1;
    } else if (length === 0 && firstInvalid < 0) firstInvalid = i;
  }
  return { valid, firstInvalid };
}

function warnInvalidUtf8(sample: Uint8Array, name: string, warnings: SniffWarning[]): void {
  const { firstInvalid } = countUtf8(sample);
  if (firstInvalid < 0) return;
  let line = 1;
  for (let i = 0; i < firstInvalid; i++) {
    if (sample[i] === 0x0a || (sample[i] === 0x0d && sample[i + 1] !== 0x0a)) line++;
  }
  warnings.push(invalidUtf8Warning(name, line));
}

/**
 * Shift-JIS: two-byte characters whose lead byte is 0x81–0x9F or 0xE0–0xEF, mostly the former (kana, common kanji).
 * In Windows-1252 text those bytes are rare punctuation, so many such pairs explaining nearly every non-ASCII byte,
 * and a clean Shift-JIS decode, are a strong sign.
 */
function looksLikeShiftJis(bytes: Uint8Array): boolean {
  let pairs = 0;
  let lowLeads = 0;
  let high = 0;
  let unexplained = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    high++;
    const next = bytes[i + 1];
    const lead = (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xef);
    if (lead && next !== undefined && next >= 0x40 && next <= 0xfc && next !== 0x7f) {
      pairs++;
      if (b <= 0x9f) lowLeads++;
      if (next >= 0x80) high++;
      i++;
    } else if (!(b >= 0xa1 && b <= 0xdf) && next !== undefined) unexplained++; // half-width katakana are single bytes
  }
  if (pairs < 2 || lowLeads * 2 < pairs || unexplained > high * 0.05) return false;
  try {
    const text = new TextDecoder('shift_jis').decode(bytes, { stream: true });
    const replaced = text.split('\uFFFD').length - 1;
    return replaced <= pairs * 0.02;
  } catch {
    return true; // no Shift-JIS decoder here (a JS engine without full ICU): trust the byte pattern
  }
}
