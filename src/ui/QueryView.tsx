import { createContext, useContext, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { EmptyState, ErrorMessage, Skeleton } from './Panel';
import { useT } from '../i18n';
import { messages } from './messages';

export interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  /** What the panel shows while loading, in pixels, so the layout does not jump. */
  height?: number;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * Whether a panel's result has SQL behind it, and how it opens that SQL in the SQL workspace. Provided once near the
 * root (src/app/App.tsx wires the data layer's recorded statements and a navigation to the SQL view); without it,
 * panels show no "Show SQL" control.
 */
export interface ShowSqlLink {
  /** Whether the statements that produced `data` are known (cheap: checked on every new result). */
  available(data: unknown): boolean;
  /** Opens the SQL workspace with the statement behind `data`, its parameters written in as literals. */
  open(data: unknown): void;
}

export const ShowSqlContext = createContext<ShowSqlLink | null>(null);

/**
 * Loading, error (with retry), empty and data states of one query, the same way in every panel.
 *
 * While the next result is on its way (placeholder data), the panel keeps showing exactly what it drew for the
 * previous one, faded: re-drawing old numbers with the new view's settings would both mislabel them (visitors
 * formatted as dollars) and cost a full chart render for nothing.
 */
export function QueryView<T>({ query, height, isEmpty, empty, children }: QueryViewProps<T>) {
  const drawn = useRef<ReactNode>(null);
  const showSql = useContext(ShowSqlContext);
  const data = query.data;
  const hasSql = useMemo(() => (showSql && data !== undefined ? showSql.available(data) : false), [showSql, data]);
  const tr = useT();
  if (query.isPending) return <Skeleton height={height} />;
  if (query.isError) {
    return <ErrorMessage title={tr(messages.dataNotLoaded)} error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.isPlaceholderData && drawn.current !== null) {
    return (
      <div className="is-updating" aria-busy="true">
        {drawn.current}
      </div>
    );
  }
  const content = isEmpty?.(query.data) ? <EmptyState>{empty ?? tr(messages.noData)}</EmptyState> : children(query.data);
  drawn.current = content;
  return (
    <div className={query.isPlaceholderData ? 'is-updating' : undefined} aria-busy={query.isFetching}>
      {content}
      {hasSql && showSql ? <ShowSqlButton showSql={showSql} data={query.data} /> : null}
    </div>
  );
}

/**
 * A panel's Show SQL button. It is a component of its own because its label follows the panel's title, which it
 * reads from the page after rendering: when a change renames the panel (another measure), only this button renders
 * again, not the panel's chart beside it (a full chart render, measured at about 50 ms a change).
 */
function ShowSqlButton({ showSql, data }: { showSql: ShowSqlLink; data: unknown }) {
  const tr = useT();
  const ref = useRef<HTMLButtonElement>(null);
  const title = usePanelTitle(ref, data);
  return (
    <div className="panel-show-sql">
      <button
        ref={ref}
        type="button"
        className="button button-quiet"
        aria-label={title ? tr(messages.showSqlOf, { title }) : undefined}
        onClick={() => showSql.open(data)}
        title={tr(messages.showSqlHint)}
      >
        {tr(messages.showSql)}
      </button>
    </div>
  );
}

/**
 * The title of the panel a Show SQL button sits in (the name of its section: its heading, or its aria-label), so that a list of
 * buttons reads "Show SQL: Monthly visitors by marketplace" rather than nine times "Show SQL". Read from the page
 * because panels pass their title to Panel, not to QueryView; re-read with each result, as titles follow the settings that changed it.
 */
function usePanelTitle(ref: RefObject<HTMLButtonElement | null>, data: unknown): string | null {
  const [text, setText] = useState<string | null>(null);
  useLayoutEffect(() => {
    if (!ref.current) return;
    const section = ref.current.parentElement?.closest('section[aria-labelledby], section[aria-label]');
    const headingId = section?.getAttribute('aria-labelledby')?.split(/\s+/)[0];
    const heading = headingId ? ref.current.ownerDocument.getElementById(headingId) : null;
    const next = (heading?.textContent ?? section?.getAttribute('aria-label'))?.replace(/\s+/g, ' ').trim() || null;
    if (next !== text) setText(next);
  }, [ref, data, text]);
  return text;
}
