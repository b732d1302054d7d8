import { z } from 'zod/mini';
import {
  COUNTRY_CODES,
  CSV_COMPRESSIONS,
  CSV_DELIMITERS,
  CSV_ESCAPES,
  CSV_QUOTES,
  MAX_CSV_COLUMNS,
  MAX_ROW_LIMIT,
  NUMBER_DECIMALS,
  NUMBER_THOUSANDS,
  parseDateFormat,
} from '../../sql';
import { CURRENCY_UNITS } from '../../lib/format';
import type { UploadPlan } from './plan';
import { MAX_SHEET_NAME_LENGTH } from './readers/sourceFormat';
import { t } from '../../i18n';
import { messages } from './messages';

/**
 * The one schema of an upload plan (how a file is read and what each column is), for every place a plan enters:
 * a shared link's `need`, a dashboard file's panels (which carry such links), a stored manifest, and the upload form.
 * A plan from outside is data: every option is an enumeration, a boolean, a bounded integer or a bounded text, and a
 * plan that is anything else is refused as a whole, with the place that is wrong.
 */

const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
const LINE_ENDINGS = ['lf', 'crlf', 'cr', 'mixed', 'none'] as const;
const ROLES = ['time', 'dimension', 'measure', 'ignore'] as const;
const UNITS = ['count', 'number', 'percent', 'seconds', ...CURRENCY_UNITS] as const;

/** Header texts are cut to 256 characters when a file is read (sniff.ts); a label is a short name. */
export const MAX_HEADER_LENGTH = 300;
export const MAX_LABEL_LENGTH = 200;
export const MAX_NULL_TOKENS = 50;
export const MAX_NULL_TOKEN_LENGTH = 100;
const MAX_DATE_FORMAT_LENGTH = 32;

/** Literal characters between the specifiers of the date formats the app detects ('%d.%m.%Y', '%YM%m', '%b %d, %Y'). */
const DATE_LITERAL = /^[ \-/.,:TZM]+$/;
/** A currency as formats.ts detects it: a symbol, a symbol after one or two capitals ('R$', 'US$'), or a three-letter code. */
const CURRENCY = /^(?:[A-Z]{3}|[A-Z]{0,2}[$€£¥₽₹₩₺])$/;

/**
 * The schema's own checks name their problem by a key (the schema is made once, the page's language may change):
 * describeIssue says it in the active language.
 */
const REFINEMENT = { nul: 'plan-issue:nul', dateFormat: 'plan-issue:date-format', currency: 'plan-issue:currency' } as const;

const text = (max: number) =>
  z.string().check(
    z.maxLength(max),
    z.refine((value) => !value.includes('\0'), REFINEMENT.nul),
  );

function isKnownDateFormat(format: string): boolean {
  try {
    const parts = parseDateFormat(format);
    return parts.some((part) => 'specifier' in part) && parts.every((part) => 'specifier' in part || DATE_LITERAL.test(part.literal));
  } catch {
    return false;
  }
}

const dateFormat = z.string().check(
  z.maxLength(MAX_DATE_FORMAT_LENGTH),
  z.refine(isKnownDateFormat, REFINEMENT.dateFormat),
);

const formatSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text') }),
  z.strictObject({
    kind: z.literal('number'),
    decimal: z.enum(NUMBER_DECIMALS),
    thousands: z.nullable(z.enum(NUMBER_THOUSANDS)),
    percent: z.boolean(),
    currency: z.nullable(z.string().check(z.regex(CURRENCY, REFINEMENT.currency))),
    integer: z.boolean(),
  }),
  z.strictObject({ kind: z.literal('duration') }),
  z.strictObject({ kind: z.literal('date'), format: dateFormat }),
  z.strictObject({ kind: z.literal('timestamp'), format: dateFormat }),
  z.strictObject({ kind: z.literal('month'), format: dateFormat }),
  z.strictObject({ kind: z.literal('year') }),
  z.strictObject({ kind: z.literal('boolean') }),
  z.strictObject({ kind: z.literal('country'), codes: z.enum(COUNTRY_CODES) }),
]);

// Unpivoted plans place their two new columns right after the file's: up to two indexes past the last column.
const columnIndex = z.int().check(z.gte(0), z.lt(MAX_CSV_COLUMNS + 2));

const columnSchema = z.strictObject({
  index: columnIndex,
  header: text(MAX_HEADER_LENGTH),
  role: z.enum(ROLES),
  format: formatSchema,
  nullTokens: z.array(text(MAX_NULL_TOKEN_LENGTH)).check(z.maxLength(MAX_NULL_TOKENS)),
  unit: z.enum(UNITS),
  overTime: z.enum(['sum', 'mean']),
});

/** Absent in a CSV plan (and in every plan stored before other formats), so those parse as they always did. */
const sourceSchema = z.discriminatedUnion('format', [
  z.strictObject({ format: z.literal('csv') }),
  z.strictObject({ format: z.literal('parquet') }),
  z.strictObject({ format: z.literal('xlsx'), sheet: text(MAX_SHEET_NAME_LENGTH).check(z.minLength(1)) }),
]);

const planSchema = z.strictObject({
  datasetLabel: text(MAX_LABEL_LENGTH),
  source: z.optional(sourceSchema),
  dialect: z.strictObject({
    encoding: z.enum(ENCODINGS),
    delimiter: z.enum(CSV_DELIMITERS),
    quote: z.enum(CSV_QUOTES),
    escape: z.enum(CSV_ESCAPES),
    header: z.boolean(),
    compression: z.enum(CSV_COMPRESSIONS),
  }),
  lineEnding: z.enum(LINE_ENDINGS),
  columns: z.array(columnSchema).check(z.minLength(1), z.maxLength(MAX_CSV_COLUMNS)),
  sampleRows: z.optional(z.int().check(z.gte(1), z.lte(MAX_ROW_LIMIT))),
  unpivot: z.optional(
    z.strictObject({
      columns: z.array(columnIndex).check(z.minLength(2), z.maxLength(MAX_CSV_COLUMNS)),
      name: columnSchema,
      value: columnSchema,
    }),
  ),
});

/** Where a problem is, in the words of the plan's fields: `columns[3].format.decimal`. */
function where(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}${text ? '.' : ''}${String(key)}`), '');
}

/** An issue in words, in the active language (zod/mini carries no messages of its own: "Invalid input" for all). */
function describeIssue(issue: z.core.$ZodIssue): string {
  const quoted = (values: readonly unknown[]) => values.map((item) => JSON.stringify(item)).join(', ');
  switch (issue.code) {
    case 'unrecognized_keys':
      return t(messages.planUnknownFields, { fields: quoted(issue.keys) });
    case 'invalid_type':
      return issue.input === undefined ? t(messages.planMissing, { type: issue.expected }) : t(messages.planWrongType, { type: issue.expected });
    case 'invalid_value':
      return t(messages.planOneOf, { values: quoted(issue.values) });
    case 'invalid_union':
      return t(messages.planUnknownFormat);
    case 'too_big':
      return issue.origin === 'number' || issue.origin === 'int'
        ? t(messages.planBelow, { maximum: String(issue.maximum) })
        : t(messages.planTooLong, { maximum: String(issue.maximum) });
    case 'too_small':
      return issue.origin === 'number' || issue.origin === 'int'
        ? t(messages.planAtLeast, { minimum: String(issue.minimum) })
        : t(messages.planTooShort, { minimum: String(issue.minimum) });
    default:
      switch (issue.message) {
        case REFINEMENT.nul:
          return t(messages.planNul);
        case REFINEMENT.dateFormat:
          return t(messages.planDateFormat);
        case REFINEMENT.currency:
          return t(messages.planCurrency);
        default:
          return t(messages.planInvalidValue);
      }
  }
}

/** Relations between fields that a shape alone does not say; the first one broken, or null. */
function relationProblem(plan: UploadPlan, fileColumnCount: number | undefined): string | null {
  const { dialect } = plan;
  if (dialect.escape !== dialect.quote && dialect.escape !== '\\') return t(messages.planEscape);
  const misplaced = plan.columns.findIndex((column, position) => column.index !== position);
  if (misplaced >= 0) return t(messages.planColumnOrder, { position: String(misplaced) });
  if (fileColumnCount !== undefined && plan.columns.length > fileColumnCount) {
    return t(messages.planTooManyColumns, { columns: String(plan.columns.length), fileColumns: String(fileColumnCount) });
  }
  const unpivot = plan.unpivot;
  if (unpivot) {
    const count = plan.columns.length;
    if (new Set(unpivot.columns).size !== unpivot.columns.length) return t(messages.planUnpivotTwice);
    const outside = unpivot.columns.find((index) => index >= count);
    if (outside !== undefined) return t(messages.planUnpivotOutside, { column: String(outside), last: String(count - 1) });
    if (unpivot.name.index !== count) return t(messages.planUnpivotName, { index: String(count) });
    if (unpivot.value.index !== count + 1) return t(messages.planUnpivotValue, { index: String(count + 1) });
  }
  return null;
}

/**
 * Reads an upload plan from anything (parsed JSON from a link, a dashboard file or storage; the form's state):
 * the plan, rebuilt from its checked fields only, or the first thing wrong with it, naming the field. With
 * `fileColumnCount` (the columns the file has), no column may lie beyond the file's.
 */
export function parseUploadPlan(value: unknown, fileColumnCount?: number): { plan: UploadPlan } | { error: string } {
  const parsed = planSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) return { error: t(messages.planNotPlan) };
    const at = where(issue.path);
    return { error: `${at ? `${at}: ` : ''}${describeIssue(issue)}` };
  }
  const plan: UploadPlan = parsed.data;
  const problem = relationProblem(plan, fileColumnCount);
  return problem ? { error: problem } : { plan };
}
