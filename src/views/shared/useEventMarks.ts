import { useQuery } from '@tanstack/react-query';
import { eventsQuery, type QuerySlice } from '../../data';
import { periodStart } from '../../lib/months';
import type { Grain } from '../trend/declaration';
import { useT } from '../../i18n';
import { messages } from './messages';

/**
 * The market events to mark on a chart over time: those of the countries in view (or worldwide), placed on the
 * period of the grain that holds them, and labelled as derived when their date came from relative wording.
 */
export function useEventMarks(view: QuerySlice, grain: Grain = 'month'): { period: string; label: string }[] {
  const events = useQuery(eventsQuery());
  const tr = useT();
  const countries = view.filters.country;
  return (events.data ?? [])
    .filter((event) => !countries || event.country === null || countries.includes(event.country))
    .map((event) => ({
      period: periodStart(event.month, grain),
      label: event.derived ? tr(messages.dateDerived, { event: event.title }) : event.title,
    }));
}
