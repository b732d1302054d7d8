import { quoteIdentifier } from './literals';

/**
 * The table the market model queries: traffic and sales side by side per month, marketplace and country. A full
 * outer join, so a month with traffic but no sales (or the reverse) keeps its row, with nulls where it has none.
 */
export function buildMarketMonthlyStatement(): string {
  return `CREATE OR REPLACE TABLE market_monthly AS
SELECT month, marketplace, country, traffic.visitors, sales.gmv_usd, sales.orders, sales.active_sellers
FROM traffic FULL OUTER JOIN sales USING (month, marketplace, country)
ORDER BY month, marketplace, country`;
}

/** `n`: the rows of a table, to compare with the records counted in the file it was loaded from. */
export function buildRowCountQuery(table: string): string {
  return `SELECT COUNT(*) AS n FROM ${quoteIdentifier(table)}`;
}
