/** Every figure quoted in a source article (the bundled `published_figures` table), oldest period first. */
export function buildPublishedFiguresQuery(): string {
  return `SELECT figure_id, subject, metric, value, unit, qualifier, country, period_start, period_end, publication
FROM published_figures
ORDER BY period_start NULLS LAST, figure_id`;
}
