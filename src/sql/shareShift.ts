import { quoteIdentifier } from './literals';
import { periodMonths, periodValue, twoPeriodRows, type MonthRange, type SegmentStatus } from './explain';
import type { MeasureSpec, SliceSpec } from './slice';
import { measureSource, measureValue } from './perInternetUser';

export interface ShareShiftSpec {
  /** The selection (its filters say which countries); its range is the current period (B). */
  slice: SliceSpec;
  /** The comparison period (A). It may overlap the current one. */
  baseRange: MonthRange;
  measure: MeasureSpec;
  /** Whose shares shift, e.g. marketplace. */
  memberColumn: string;
}

/** One member's row of {@link buildShareShiftQuery}. */
export type ShareShiftRow = {
  member: string;
  /** The member's value in each period, combined over time; null when it has no data there. */
  base_value: number | null;
  current_value: number | null;
  /** Its share of the selection's total (0 when absent); null when that period's total is 0 or it has no data. */
  base_share: number | null;
  current_share: number | null;
  /** 100 × (current_share − base_share): percentage points, summing to 0 over the members. */
  share_change_pp: number | null;
  /** current − base, a period without data counting as 0. */
  change: number;
  /** base_share × (current_total − base_total): what the member would have gained had it kept its share. */
  market_effect: number | null;
  /** (current_share − base_share) × current_total: what its change of share gained or lost. */
  share_effect: number | null;
  status: SegmentStatus;
  /** The selection's totals (null when it has no data in the period) and months with data, on every row. */
  base_total: number | null;
  current_total: number | null;
  base_months: number;
  current_months: number;
};

/**
 * Each member's share of the selection in the base period (A) and the current one (B, the slice's range), and how
 * its change splits into the part the market's growth explains and the part its change of share explains:
 *
 *     change = market_effect + share_effect = s0·(T1 − T0) + (s1 − s0)·T1 = s1·T1 − s0·T0
 *
 * (T the selection's total, s the member's share), exactly up to floating-point rounding; the share changes sum to
 * 0 over the members. Values are combined over time as {@link combineOverTime} says (an averaged measure divides by
 * the months with data for the whole selection, so members add up to the total). These are net figures: they say
 * nothing about who took visitors from whom. A new member has base share 0, so no market effect; a gone one, current
 * share 0. When a period's total is 0 or missing, shares there are null and so are the share changes and effects.
 * Rows with a NULL measure or member are left out. Largest share gain first. Run with `sliceParams(slice)`.
 */
export function buildShareShiftQuery(spec: ShareShiftSpec): string {
  const { slice, measure } = spec;
  const value = measureValue(measure, slice);
  const member = quoteIdentifier(spec.memberColumn);
  const rows = twoPeriodRows(slice, spec.baseRange, [[member, 'm'], [`CAST(${value} AS DOUBLE)`, 'value']], [value, member], measureSource(measure, slice));
  return `WITH tagged AS (
  ${rows}
), months AS (
  ${periodMonths('tagged')}
), members AS (
  SELECT m AS member, ${periodValue(measure, 'base')} AS base_value, ${periodValue(measure, 'current')} AS current_value
  FROM tagged GROUP BY m
), totals AS (
  SELECT SUM(base_value) AS base_total, SUM(current_value) AS current_total FROM members
), shares AS (
  SELECT members.*, totals.*,
    COALESCE(base_value, 0) / NULLIF(base_total, 0) AS base_share,
    COALESCE(current_value, 0) / NULLIF(current_total, 0) AS current_share
  FROM members CROSS JOIN totals
)
SELECT member, base_value, current_value, base_share, current_share,
  100 * (current_share - base_share) AS share_change_pp,
  COALESCE(current_value, 0) - COALESCE(base_value, 0) AS change,
  base_share * (current_total - base_total) AS market_effect,
  (current_share - base_share) * current_total AS share_effect,
  CASE WHEN base_value IS NULL THEN 'new' WHEN current_value IS NULL THEN 'gone' ELSE 'both' END AS status,
  base_total, current_total, months.base_months, months.current_months
FROM shares CROSS JOIN months
ORDER BY share_change_pp DESC NULLS LAST, change DESC, member`;
}
