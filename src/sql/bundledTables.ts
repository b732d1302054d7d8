import { quoteIdentifier, sqlLiteral } from './literals';
import { UNKNOWN_GROUP, UNKNOWN_REGION, UNKNOWN_SUBREGION } from './regions';

/**
 * The table the market model queries: traffic and sales side by side per month, marketplace and country. A full
 * outer join, so a month with traffic but no sales (or the reverse) keeps its row, with nulls where it has none.
 * Each row also carries the levels its keys roll up to: the country's UN M49 region and sub-region (from `regions`)
 * and the marketplace's group, its parent company (from `marketplaces`). Both are LEFT JOINs on a code that is unique
 * in its file, so the rows are exactly those of the outer join; a key neither file knows gets an "Unknown …" member.
 */
export function buildMarketMonthlyStatement(): string {
  return `CREATE OR REPLACE TABLE market_monthly AS
WITH keyed AS (
  SELECT month, marketplace, country, traffic.visitors, sales.gmv_usd, sales.orders, sales.active_sellers
  FROM traffic FULL OUTER JOIN sales USING (month, marketplace, country)
)
SELECT keyed.month, keyed.marketplace, keyed.country,
  COALESCE(regions.region, ${sqlLiteral(UNKNOWN_REGION)}) AS region,
  COALESCE(regions.subregion, ${sqlLiteral(UNKNOWN_SUBREGION)}) AS subregion,
  COALESCE(marketplaces.parent_company, ${sqlLiteral(UNKNOWN_GROUP)}) AS ${quoteIdentifier('group')},
  keyed.visitors, keyed.gmv_usd, keyed.orders, keyed.active_sellers
FROM keyed
LEFT JOIN regions ON regions.code = keyed.country
LEFT JOIN marketplaces ON marketplaces.marketplace = keyed.marketplace
ORDER BY keyed.month, keyed.marketplace, keyed.country`;
}

/** `n`: the rows of a table, to compare with the records counted in the file it was loaded from. */
export function buildRowCountQuery(table: string): string {
  return `SELECT COUNT(*) AS n FROM ${quoteIdentifier(table)}`;
}
