import type { Dialect, UploadPlan } from '../../data/uploads';
import { sourceOf } from '../../data/upload/readers/sourceFormat';

/**
 * The choices a person can make about how a file is read, as `prepareUpload` takes them: a CSV file's dialect, or
 * an Excel workbook's sheet.
 */
export type ReadOptions = Partial<Dialect> & { sheet?: string };

/** The options split the way `prepareUpload` takes them: dialect overrides, then the sheet. */
export function prepareArguments(options: ReadOptions): [Partial<Dialect>, { sheet?: string }] {
  const { sheet, ...dialect } = options;
  return [dialect, sheet === undefined ? {} : { sheet }];
}

/** The reading choices a dialect was made with (what the person could have chosen, not what was detected about it). */
export function readOptionsOf(dialect: Dialect): ReadOptions {
  const { encoding, delimiter, quote, escape, header } = dialect;
  return { encoding, delimiter, quote, escape, header };
}

/** The reading choices a loaded plan was made with: its dialect, and for a workbook the sheet it was loaded from. */
export function readOptionsOfPlan(plan: UploadPlan): ReadOptions {
  const source = sourceOf(plan);
  return source.format === 'xlsx' ? { ...readOptionsOf(plan.dialect), sheet: source.sheet } : readOptionsOf(plan.dialect);
}
