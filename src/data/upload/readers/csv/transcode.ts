/**
 * Streams a file to UTF-8, for the files DuckDB cannot read as they are: UTF-16, Windows-1252, CR-only or mixed
 * line endings. Characters and CRLF pairs split across chunks are handled: the decoder keeps partial characters
 * (and a UTF-16 lead surrogate) for the next chunk, and a CR at the end of a chunk waits to see whether an LF follows.
 *
 * Bytes that are invalid in `from` become U+FFFD (the scan reports invalid UTF-8 with its line before this runs).
 * Line breaks inside quoted values are normalised too: a value's CRLF becomes LF.
 */
import type { Encoding } from '../../dialect';

export interface TranscodeOptions {
  /** CRLF and lone CR → LF. */
  normaliseLineEndings: boolean;
  /** Drop a leading byte-order mark of `from` (otherwise it is kept, as the UTF-8 BOM). */
  stripBom: boolean;
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (€, smart quotes, dashes, ™, Š, Ž …), where Latin-1 has control
 * characters. Node 20's TextDecoder('windows-1252') decodes those bytes as Latin-1 (U+0080–U+009F);
 * browsers follow the WHATWG table. Repairing the decoded text gives the same result everywhere.
 */
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function repairWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
}

export async function* transcodeChunks(
  chunks: AsyncIterable<Uint8Array>,
  from: Encoding,
  options: TranscodeOptions,
): AsyncIterable<Uint8Array> {
  const decoder = new TextDecoder(from, { ignoreBOM: !options.stripBom });
  const encoder = new TextEncoder();
  let pendingCr = false;

  const convert = (decoded: string): Uint8Array | null => {
    let text = from === 'windows-1252' ? repairWindows1252(decoded) : decoded;
    if (options.normaliseLineEndings) {
      if (pendingCr) text = '\r' + text;
      // A CR at the very end may be the first half of a CRLF: keep it until the next chunk says.
      pendingCr = text.endsWith('\r');
      if (pendingCr) text = text.slice(0, -1);
      text = text.replace(/\r\n?/g, '\n');
    }
    return text === '' ? null : encoder.encode(text);
  };

  for await (const chunk of chunks) {
    const out = convert(decoder.decode(chunk, { stream: true }));
    if (out) yield out;
  }
  const last = convert(decoder.decode());
  if (last) yield last;
  if (pendingCr) yield encoder.encode('\n');
}
