/**
 * UTF-8 validation of a file read in chunks, for the CSV byte scanner: finds the line of the first invalid sequence,
 * including one cut by the end of a chunk (finished with the next) or of the file.
 */
import { utf8SequenceAt } from '../../utf8';

export class Utf8Validation {
  /** The line of the first invalid sequence; 0 while there is none. */
  invalidLine = 0;
  /** The start of a UTF-8 sequence cut by the end of the previous chunk. */
  private readonly carry = new Uint8Array(4);
  private carryLength = 0;

  /** Whether the previous chunk ended inside a sequence, which {@link resume} must finish. */
  get cut(): boolean {
    return this.carryLength > 0;
  }

  /**
   * A non-ASCII byte at `chunk[i]`, on line `line`: validates its sequence; returns the index of its last byte in
   * `chunk` (the chunk's length when the chunk ends inside it).
   */
  sequence(chunk: Uint8Array, i: number, line: number): number {
    const length = utf8SequenceAt(chunk, i);
    if (length > 0) return i + length - 1; // continuation bytes are never structural
    if (length === 0) {
      if (this.invalidLine === 0) this.invalidLine = line;
      return i;
    }
    // Cut by the end of the chunk: finish it with the next one.
    this.carry.set(chunk.subarray(i));
    this.carryLength = chunk.length - i;
    return chunk.length;
  }

  /** Completes a UTF-8 sequence begun in an earlier chunk; returns where the scan should resume in `chunk`. */
  resume(chunk: Uint8Array, line: number): number {
    const had = this.carryLength;
    const take = Math.min(4 - had, chunk.length);
    const joined = new Uint8Array(had + take);
    joined.set(this.carry.subarray(0, had));
    joined.set(chunk.subarray(0, take), had);
    const length = utf8SequenceAt(joined, 0);
    if (length === -1) {
      // Still incomplete (tiny chunks): every byte so far is a valid continuation.
      this.carry.set(chunk.subarray(0, take), had);
      this.carryLength = had + take;
      return chunk.length;
    }
    this.carryLength = 0;
    if (length > 0) return length - had;
    // Invalid: report it and read the new chunk from its start, which may well be a line break.
    if (this.invalidLine === 0) this.invalidLine = line;
    return 0;
  }

  /** At the end of the file, on line `line`: a sequence still cut is invalid. */
  finish(line: number): void {
    if (this.carryLength > 0 && this.invalidLine === 0) this.invalidLine = line;
  }
}
