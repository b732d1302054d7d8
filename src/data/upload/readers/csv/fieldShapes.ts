/**
 * Plain value shapes the scan checks for chosen fields, byte by byte, while it counts records. The loader lets
 * DuckDB's reader type a field of its shape itself (see ingest.ts): for these shapes its reading is exactly the app's
 * own conversion.
 */
import type { PlainShape } from '../../../../sql';

/**
 * A field is of its shape when every data record holds, unquoted, either nothing or exactly
 * - 'integer': `-?[0-9]{1,18}` (fits a BIGINT),
 * - 'decimal': `-?[0-9]{1,15}(\.[0-9]{1,15})?`,
 * - 'isoDate': `[0-9]{4}-[0-9]{2}-[0-9]{2}`.
 */
export type FieldShape = PlainShape;

const SHAPE_CODES: Record<FieldShape, number> = { integer: 1, decimal: 2, isoDate: 3 };
/** Longer than any value of a shape: a field this long is not one. */
const MAX_SHAPED_BYTES = 40;

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

/** Whether `bytes[from, to)` is empty or one value of the shape coded `shape` (see {@link FieldShape}). */
export function hasShape(bytes: Uint8Array, shape: number, from = 0, to = bytes.length): boolean {
  const n = to - from;
  if (n === 0) return true;
  if (shape === 3) {
    if (n !== 10 || bytes[from + 4] !== 0x2d || bytes[from + 7] !== 0x2d) return false;
    for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7 && !isDigit(bytes[from + i]!)) return false;
    return true;
  }
  let i = bytes[from] === 0x2d ? from + 1 : from;
  const wholeStart = i;
  while (i < to && isDigit(bytes[i]!)) i++;
  const whole = i - wholeStart;
  if (shape === 1) return i === to && whole >= 1 && whole <= 18;
  if (whole < 1 || whole > 15) return false;
  if (i === to) return true;
  if (bytes[i] !== 0x2e) return false;
  const fractionStart = ++i;
  while (i < to && isDigit(bytes[i]!)) i++;
  return i === to && i - fractionStart >= 1 && i - fractionStart <= 15;
}

/**
 * The shape check of one scan: which fields are checked, which failed, and the start of a checked field cut by the
 * end of a chunk. Offsets are in the whole file; `base` is the offset of the chunk's first byte.
 */
export class ShapeCheck {
  /** Per field index: 0, or the shape its values must have (SHAPE_CODES). The scanner's loop reads it directly. */
  readonly shapeOf: Uint8Array;
  readonly unshaped = new Set<number>();
  /** 1 for the fields in `unshaped` (a typed array: the check runs for millions of fields). */
  private readonly failed: Uint8Array;
  /** The start of a checked field cut by the end of the previous chunk. */
  private fieldCarry = new Uint8Array(0);

  constructor(shapes: ReadonlyMap<number, FieldShape> | undefined) {
    const widest = shapes && shapes.size > 0 ? Math.max(...shapes.keys()) + 1 : 0;
    this.shapeOf = new Uint8Array(widest);
    this.failed = new Uint8Array(widest);
    for (const [field, shape] of shapes ?? []) this.shapeOf[field] = SHAPE_CODES[shape];
  }

  /** Whether `field` (0-based) is checked at all. */
  checks(field: number): boolean {
    return field < this.shapeOf.length && this.shapeOf[field] !== 0;
  }

  /** Checks the field `field` that ends at `end` of `chunk` (it began at file offset `start`). */
  check(field: number, chunk: Uint8Array, base: number, start: number, end: number): void {
    if (this.failed[field] === 1) return;
    let plain: boolean;
    if (start >= base) plain = hasShape(chunk, this.shapeOf[field]!, start - base, end);
    else {
      // Begun in an earlier chunk: its start was kept.
      const bytes = new Uint8Array(this.fieldCarry.length + end);
      bytes.set(this.fieldCarry);
      bytes.set(chunk.subarray(0, end), this.fieldCarry.length);
      plain = hasShape(bytes, this.shapeOf[field]!);
    }
    if (!plain) this.markUnshaped(field);
  }

  markUnshaped(field: number): void {
    this.failed[field] = 1;
    this.unshaped.add(field);
  }

  /** At the end of `chunk`: keeps the start of the checked field `field` that runs on into the next chunk. */
  carryOver(field: number, chunk: Uint8Array, base: number, start: number): void {
    if (this.failed[field] !== 0) return;
    // A plain value is short: one that long already fails.
    const from = Math.max(start - base, 0);
    const kept = start < base ? this.fieldCarry.length : 0;
    if (kept + chunk.length - from > MAX_SHAPED_BYTES) this.markUnshaped(field);
    else {
      const carry = new Uint8Array(kept + chunk.length - from);
      carry.set(this.fieldCarry.subarray(0, kept));
      carry.set(chunk.subarray(from), kept);
      this.fieldCarry = carry;
    }
  }

  /** The fields that failed, in order. */
  failedFields(): number[] {
    return [...this.unshaped].sort((a, b) => a - b);
  }
}
