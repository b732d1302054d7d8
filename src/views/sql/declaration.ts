import { z } from 'zod/mini';
import { choiceSetting, optionalSetting, type Setting } from '../../state/viewState';
import { localText } from '../../i18n';
import { messages } from '../messages';
import { list, MAX_TEXT, number, text } from '../../state/resultSchemas';
import { defineView } from '../declaration';

/** The longest statement a link may carry (the `sql` setting; "Show SQL" writes it). */
export const MAX_SQL_TEXT = 20_000;
/** How a result is drawn: the suggested chart, one of the three the user can pick, or the table alone. */
export const SQL_CHARTS = ['auto', 'line', 'bar', 'scatter', 'table'] as const;
export type SqlChart = (typeof SQL_CHARTS)[number];
/** A column name in a link (`sqlX`, `sqlY`). */
export const MAX_COLUMN_NAME = 200;
/**
 * The most cells of a result a snapshot (and a dashboard's query cache) keeps: the first rows up to this many cells,
 * at most {@link SNAPSHOT_MAX_ROWS} rows. Said on screen when the result had more.
 */
export const SNAPSHOT_MAX_CELLS = 20_000;
export const SNAPSHOT_MAX_ROWS = 1_000;
export const COLUMN_KINDS = ['number', 'date', 'timestamp', 'text', 'boolean', 'other'] as const;

const statementSchema = z.string().check(z.maxLength(MAX_SQL_TEXT));
const sqlSetting: Setting<string> = {
  schema: statementSchema,
  read: statementSchema,
  // Its number is formatted when the notice is shown, in the language of the moment.
  expected: localText(messages.expectedSql, { max: MAX_SQL_TEXT }),
  default: '',
};
const columnSetting = optionalSetting(
  z.string().check(z.minLength(1), z.maxLength(MAX_COLUMN_NAME)),
  localText(messages.expectedColumn, { max: MAX_COLUMN_NAME }),
);

const cell = z.union([z.number(), text(), z.boolean(), z.null()]);

/** The SQL workspace: any read-only statement over the app's tables, its result as a table or a chart. */
export const sql = defineView({
  id: 'sql',
  label: 'SQL',
  settings: {
    /** The statement whose result is shown; empty = nothing run yet (the editor offers an example). */
    sql: sqlSetting,
    sqlChart: choiceSetting(SQL_CHARTS, 'table'),
    sqlX: columnSetting,
    sqlY: columnSetting,
  },
  snapshot: {
    // Under the key ['sqlResult', statement in pieces of at most MAX_TEXT characters] (see sqlResultQuery.ts).
    sqlResult: z.object({
      sql: text(MAX_SQL_TEXT),
      columns: list(z.object({ name: text(MAX_TEXT), type: text(200), kind: z.enum(COLUMN_KINDS) }), 1_000),
      rows: list(list(cell, 1_000), SNAPSHOT_MAX_ROWS),
      rowCount: number,
      truncated: z.boolean(),
      elapsedMs: number,
    }),
  },
});
