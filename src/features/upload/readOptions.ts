import type { Dialect } from '../../data/uploads';

/**
 * The choices a person can make about how a file is read, as `prepareUpload` takes them. Today a CSV dialect; a
 * second kind of source (an Excel workbook's sheet) would widen this type and bring its own chooser.
 */
export type ReadOptions = Partial<Dialect>;

/** The reading choices a dialect was made with (what the person could have chosen, not what was detected about it). */
export function readOptionsOf(dialect: Dialect): ReadOptions {
  const { encoding, delimiter, quote, escape, header } = dialect;
  return { encoding, delimiter, quote, escape, header };
}
