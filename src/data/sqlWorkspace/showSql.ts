import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { inlineParameters } from '../../sql/inlineParameters';
import { statementsFor, type RecordedStatement } from './recordedStatements';

// "Show SQL": the statement behind a panel as a person can run it. Loaded when the button is first clicked, so the
// first screen does not carry the SQL writer.

/**
 * Where a query that runs several statements gets the rows its panel draws, by the key's first element; the others
 * choose what it reads or are combined with it in the page. Any other query: its last statement.
 */
const SHOWN_STATEMENT: Readonly<Record<string, { index: 'first' | 'last'; note: string }>> = {
  // fetchMapValues: the values by area come first; a second statement gives each country's area (regions), the total
  // of every member (shares) or the comparison period (growth), and the page divides.
  map: {
    index: 'first',
    note: 'The map computes its colours in the page from this statement and the one below: a share divides by the total of all members, a growth by the comparison period, and a region map colours each country by its region.',
  },
  // fetchCohorts: the first lists the pairs to pick from; the last reads the chosen pairs' months since entry.
  cohorts: {
    index: 'last',
    note: 'The statement below listed the pairs to choose from; this one gives the chart its figures. The page lines each pair up by months since its entry and leaves months without a row empty.',
  },
};

/**
 * Queries whose page divides the statement's totals in TypeScript: Show SQL does the same divisions around the
 * statement, so that the workspace shows the panel's own figures, not only what they are computed from.
 */
const PAGE_ARITHMETIC: Readonly<Record<string, (sql: string) => string>> = {
  // fetchConversion: averages a month and the three ratios, with the page's rule that a ratio over zero is empty.
  conversion: (sql) =>
    [
      '-- The page divides the totals of the statement inside; this does the same divisions.',
      'SELECT *,',
      '  visitor_months / months AS avg_monthly_visitors,',
      '  revenue / months AS avg_monthly_revenue,',
      '  CASE WHEN visitor_months > 0 THEN (orders / visitor_months) * 1000 END AS orders_per_thousand_visitors,',
      '  CASE WHEN orders > 0 THEN revenue / orders END AS average_order_value,',
      '  CASE WHEN visitor_months > 0 THEN revenue / visitor_months END AS revenue_per_visitor',
      'FROM (',
      sql.replace(/;\s*$/, ''),
      ') AS totals',
    ].join('\n'),
};

/**
 * What the page computes on top of a one-statement result, by the key's first element, so that Show SQL does not
 * claim numbers it does not give.
 */
const PAGE_NOTE: Readonly<Record<string, string>> = {
  // The trend view fits its forecast in a worker from this series (src/views/trend/forecastModel.ts).
  series: 'When the trend shows a forecast, the forecast is fitted in the page from this series; this statement gives the series only.',
};

/**
 * The SQL behind a query's result as a person can run it in the workspace: one statement, with its parameters
 * written in as literals (the workspace runs one statement at a time). When the query ran several, the one that gave
 * the panel its rows, with a comment saying how the others are used and the others written out as comments; null
 * when none was recorded.
 */
export function inlinedStatements(statements: readonly RecordedStatement[] | undefined, queryKey: QueryKey = []): string | null {
  if (!statements || statements.length === 0) return null;
  const written = statements.map((statement) => inlineParameters(statement.sql, statement.params).trim());
  const comment = (text: string) => text.split('\n').map((line) => `-- ${line}`.trimEnd()).join('\n');
  if (written.length === 1) {
    const arithmetic = PAGE_ARITHMETIC[String(queryKey[0])];
    if (arithmetic) return arithmetic(written[0]!);
    const pageNote = PAGE_NOTE[String(queryKey[0])];
    return pageNote ? `${comment(pageNote)}\n${written[0]!}` : written[0]!;
  }
  const shown = SHOWN_STATEMENT[String(queryKey[0])];
  const index = shown?.index === 'first' ? 0 : written.length - 1;
  const others = written.filter((_, position) => position !== index).map((text, position) => `-- (${position + 1})\n${comment(text)}`);
  const note = shown?.note ?? `This panel ran ${written.length} statements; this is the last, which gave its figures. The others are below.`;
  return [comment(note), written[index]!, '', '-- The other statement(s) of this panel, for reference:', ...others].join('\n');
}

/**
 * The SQL behind the result `data` that a panel shows: the query in `client`'s cache that holds exactly this result,
 * and the statements recorded when it ran. Null when the result did not come from a recorded query (a snapshot's
 * figures, a seeded first paint).
 */
export function sqlForResult(client: QueryClient, data: unknown): string | null {
  if (data === undefined || data === null) return null;
  for (const query of client.getQueryCache().getAll()) {
    if (query.state.data === data) {
      const sql = inlinedStatements(statementsFor(query.queryKey), query.queryKey);
      if (sql !== null) return sql;
    }
  }
  return null;
}
