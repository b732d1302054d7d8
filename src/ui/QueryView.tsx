import type { ReactNode } from 'react';
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

/** Loading, error (with retry), empty and data states of one query, the same way in every panel. */
export function QueryView<T>({ query, height, isEmpty, empty, children }: QueryViewProps<T>) {
  if (query.isPending) return <Skeleton height={height} />;
  if (query.isError) {
    return <ErrorMessage title="The data could not be loaded" error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (isEmpty?.(query.data)) return <EmptyState>{empty ?? 'No data for this selection.'}</EmptyState>;
  return (
    <div className={query.isPlaceholderData ? 'is-updating' : undefined} aria-busy={query.isFetching}>
      {children(query.data)}
    </div>
  );
}
