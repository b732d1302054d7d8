import { queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../engine';
import { buildEventsQuery } from '../../sql';
import { bundledEngine } from './queryTarget';

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
  }>(buildEventsQuery());
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

export const eventsKey = () => ['events'] as const;

export const eventsQuery = () =>
  queryOptions({
    queryKey: eventsKey(),
    queryFn: async () => fetchEvents(await bundledEngine()),
    staleTime: Infinity,
  });
