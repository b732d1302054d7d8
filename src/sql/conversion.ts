import { quoteIdentifier } from './literals';
import { buildWhere, type SliceSpec } from './slice';

export interface ConversionSpec {
  slice: SliceSpec;
  visitorsColumn: string;
  ordersColumn: string;
  revenueColumn: string;
  dimensions: readonly [string, string];
}

/**
 * Traffic against sales per pair of dimension members, over the months where all three measures are known:
 * `first_key`, `second_key`, `months`, `visitor_months` (monthly visitors summed over months), `orders`, `revenue`.
 * Ratios (orders per 1,000 visitors, order value, revenue per visitor) are left to the caller, from these sums.
 */
export function buildConversionQuery(spec: ConversionSpec): string {
  const { slice } = spec;
  const [first, second] = spec.dimensions.map(quoteIdentifier) as [string, string];
  const visitors = quoteIdentifier(spec.visitorsColumn);
  const orders = quoteIdentifier(spec.ordersColumn);
  const revenue = quoteIdentifier(spec.revenueColumn);
  return `SELECT ${first} AS first_key, ${second} AS second_key, COUNT(DISTINCT ${quoteIdentifier(slice.timeColumn)}) AS months,
  SUM(${visitors}) AS visitor_months, SUM(${orders}) AS orders, SUM(${revenue}) AS revenue
FROM ${quoteIdentifier(slice.table)}
WHERE ${buildWhere(slice)} AND ${visitors} IS NOT NULL AND ${orders} IS NOT NULL AND ${revenue} IS NOT NULL
  AND ${first} IS NOT NULL AND ${second} IS NOT NULL
GROUP BY ALL
ORDER BY first_key, second_key`;
}
