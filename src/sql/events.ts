/** Every dated market event (the bundled `events` table), in date order, for chart annotations. */
export function buildEventsQuery(): string {
  return 'SELECT event_id, date, date_precision, date_derived, country, title, description FROM events ORDER BY date';
}
