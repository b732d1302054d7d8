import { quoteIdentifier, sqlDate, sqlLiteral } from './literals';

/** How a measure's monthly totals combine over several months: summed (GMV, orders) or averaged (monthly visitors). */
export type TimeAggregate = 'sum' | 'mean';

/** A numeric column and how it aggregates. Within a month, values are always summed across dimension members. */
export interface MeasureSpec {
  column: string;
  overTime: TimeAggregate;
}

/** Which rows of a table a query looks at: a month range and, per dimension column, the allowed values. */
export interface SliceSpec {
  table: string;
  timeColumn: string;
  /** Inclusive range of first-of-month dates, `YYYY-MM-DD`. */
  range: { from: string; to: string };
  /** Each column's allowed values. An empty list allows nothing (e.g. two selections that do not overlap); a
   *  column that is not listed is not filtered. */
  filters: ReadonlyArray<{ column: string; values: readonly string[] }>;
}

/** The WHERE clause for a slice, optionally over a different month range (e.g. the year before). */
export function buildWhere(slice: SliceSpec, range = slice.range): string {
  const conditions = [
    `${quoteIdentifier(slice.timeColumn)} BETWEEN ${sqlDate(range.from)} AND ${sqlDate(range.to)}`,
  ];
  for (const filter of slice.filters) {
    if (filter.values.length === 0) {
      conditions.push('FALSE');
      continue;
    }
    const list = filter.values.map((value) => sqlLiteral(value)).join(', ');
    conditions.push(`${quoteIdentifier(filter.column)} IN (${list})`);
  }
  return conditions.join(' AND ');
}

/**
 * Combines one member's monthly totals over the period. A summed measure adds them up. An averaged measure divides
 * the member's total by the number of months in the period that have data for the whole selection
 * (`selectionMonths`): a month without the member counts as zero, so members' values add up to the selection's and
 * shares never exceed 100%, even for a marketplace that launched mid-period.
 */
export function combineOverTime(overTime: TimeAggregate, monthlyValue: string, selectionMonths: string): string {
  return overTime === 'sum' ? `SUM(${monthlyValue})` : `SUM(${monthlyValue}) / NULLIF(${selectionMonths}, 0)`;
}

/** The first day of the `grain` period that holds the DATE expression `column` (the column itself by month). */
export function periodStartExpression(grain: 'month' | 'quarter' | 'year', column: string): string {
  return grain === 'month' ? column : `CAST(date_trunc('${grain}', ${column}) AS DATE)`;
}
