import type { Engine } from '../../engine';

/** A figure quoted in a source article, with where and when it was published. */
export interface PublishedFigure {
  figureId: string;
  subject: string;
  metric: string;
  value: number;
  unit: string;
  qualifier: string;
  country: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  publication: string;
}

export async function fetchPublishedFigures(engine: Engine): Promise<PublishedFigure[]> {
  const rows = await engine.query<{
    figure_id: string;
    subject: string;
    metric: string;
    value: number;
    unit: string;
    qualifier: string | null;
    country: string | null;
    period_start: string | null;
    period_end: string | null;
    publication: string;
  }>(
    `SELECT figure_id, subject, metric, value, unit, qualifier, country, period_start, period_end, publication
     FROM published_figures ORDER BY period_start NULLS LAST, figure_id`,
  );
  return rows.map((row) => ({
    figureId: row.figure_id,
    subject: row.subject,
    metric: row.metric,
    value: row.value,
    unit: row.unit,
    qualifier: row.qualifier ?? '',
    country: row.country,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    publication: row.publication,
  }));
}

/** A dated market event, for chart annotations. */
export interface MarketEvent {
  id: string;
  /** `YYYY-MM` of the event. */
  month: string;
  precision: 'day' | 'month' | 'year';
  derived: boolean;
  country: string | null;
  title: string;
  description: string;
}

export async function fetchEvents(engine: Engine): Promise<MarketEvent[]> {
  const rows = await engine.query<{
    event_id: string;
    date: string;
    date_precision: string;
    date_derived: boolean;
    country: string | null;
    title: string;
    description: string;
  }>('SELECT event_id, date, date_precision, date_derived, country, title, description FROM events ORDER BY date');
  return rows.map((row) => ({
    id: row.event_id,
    month: row.date.slice(0, 7),
    precision: row.date_precision === 'day' || row.date_precision === 'year' ? row.date_precision : 'month',
    derived: row.date_derived,
    country: row.country,
    title: row.title,
    description: row.description,
  }));
}
