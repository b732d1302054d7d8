/** UTF-8 validation shared by the sniffer and the scanner (a leaf module: it imports nothing). */

/**
 * The length of the valid UTF-8 sequence starting at `bytes[i]` (1 for ASCII), 0 if the bytes there are not valid
 * UTF-8, or -1 if they are a valid start cut off by the end of `bytes`. Overlong forms, surrogates and code points
 * above U+10FFFF are invalid, as in TextDecoder's fatal mode.
 */
export function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  const length = SEQUENCE_LENGTH[lead]!;
  if (length === 0) return 0;
  const end = Math.min(i + length, bytes.length);
  for (let j = i + 1; j < end; j++) {
    const byte = bytes[j]!;
    // The second byte has a narrower range after some leads (E0, ED, F0, F4); the others are plain continuations.
    const low = j === i + 1 ? SECOND_LOW[lead]! : 0x80;
    const high = j === i + 1 ? SECOND_HIGH[lead]! : 0xbf;
    if (byte < low || byte > high) return 0;
  }
  return i + length > bytes.length ? -1 : length;
}

const SEQUENCE_LENGTH = new Uint8Array(256);
const SECOND_LOW = new Uint8Array(256).fill(0x80);
const SECOND_HIGH = new Uint8Array(256).fill(0xbf);
for (let b = 0xc2; b <= 0xdf; b++) SEQUENCE_LENGTH[b] = 2;
for (let b = 0xe0; b <= 0xef; b++) SEQUENCE_LENGTH[b] = 3;
for (let b = 0xf0; b <= 0xf4; b++) SEQUENCE_LENGTH[b] = 4;
SECOND_LOW[0xe0] = 0xa0; // overlong
SECOND_HIGH[0xed] = 0x9f; // UTF-16 surrogates
SECOND_LOW[0xf0] = 0x90; // overlong
SECOND_HIGH[0xf4] = 0x8f; // above U+10FFFF
