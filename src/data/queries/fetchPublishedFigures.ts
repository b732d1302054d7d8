import { queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../engine';
import { buildPublishedFiguresQuery } from '../../sql';
import { bundledEngine } from './queryTarget';

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
  }>(buildPublishedFiguresQuery());
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

export const publishedFiguresKey = () => ['published-figures'] as const;

export const publishedFiguresQuery = () =>
  queryOptions({
    queryKey: publishedFiguresKey(),
    queryFn: async () => fetchPublishedFigures(await bundledEngine()),
    staleTime: Infinity,
  });
