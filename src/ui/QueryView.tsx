import { createContext, useContext, useMemo, useRef, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { EmptyState, ErrorMessage, Skeleton } from './Panel';

export interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  /** What the panel shows while loading, in pixels, so the layout does not jump. */
  height?: number;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * Where a panel finds the SQL behind its result, and how it opens it in the SQL workspace. Provided once near the
 * root (the app wires the data layer's `sqlForResult` and a navigation to the SQL view); without it, panels show no
 * "Show SQL" control.
 */
export interface ShowSqlLink {
  /** The statement(s) that produced `data`, parameters written in as literals; null when unknown. */
  statementFor(data: unknown): string | null;
  /** Opens the SQL workspace with `sql` in its editor. */
  open(sql: string): void;
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
  const sql = useMemo(() => (showSql && data !== undefined ? showSql.statementFor(data) : null), [showSql, data]);
  if (query.isPending) return <Skeleton height={height} />;
  if (query.isError) {
    return <ErrorMessage title="The data could not be loaded" error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.isPlaceholderData && drawn.current !== null) {
    return (
      <div className="is-updating" aria-busy="true">
        {drawn.current}
      </div>
    );
  }
  const content = isEmpty?.(query.data) ? <EmptyState>{empty ?? 'No data for this selection.'}</EmptyState> : children(query.data);
  drawn.current = content;
  return (
    <div className={query.isPlaceholderData ? 'is-updating' : undefined} aria-busy={query.isFetching}>
      {content}
      {sql !== null && showSql ? (
        <div className="panel-show-sql">
          <button type="button" className="button button-quiet" onClick={() => showSql.open(sql)} title="Open the statement behind this panel in the SQL workspace">
            Show SQL
          </button>
        </div>
      ) : null}
    </div>
  );
}
