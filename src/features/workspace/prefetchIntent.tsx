import { createContext, Suspense, useContext, useEffect, useRef, type ComponentType, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ErrorBoundary } from 'react-error-boundary';
import type { PrefetchQuery } from '../../data';
import type { ViewState } from '../../views';
import type { ViewProps } from '../../views/components';

/**
 * A query client that lets a view build its queries but never fetch them: rendered with it, a view names the queries
 * (keys and functions) it would run, and nothing runs. It remembers whether the view itself would have enabled each.
 */
function createDiscoveryClient(): { client: QueryClient; enabledInView: Map<string, unknown> } {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const enabledInView = new Map<string, unknown>();
  const defaults = client.defaultQueryOptions.bind(client);
  client.defaultQueryOptions = ((options: Parameters<typeof defaults>[0]) => {
    const defaulted = defaults(options);
    if (!enabledInView.has(defaulted.queryHash)) enabledInView.set(defaulted.queryHash, options.enabled);
    return { ...defaulted, enabled: false };
  }) as typeof client.defaultQueryOptions;
  return { client, enabledInView };
}

function Rendered({ onRendered }: { onRendered: () => void }) {
  useEffect(onRendered, [onRendered]);
  return null;
}

/**
 * The queries `View` would run with `props`, found by rendering it out of the page with a client that fetches
 * nothing: the same query option factories, so the same keys and functions as when the view is shown. Queries the view
 * would leave disabled (waiting for another result) are left out.
 */
export function discoverQueries(View: ComponentType<ViewProps>, props: ViewProps): Promise<PrefetchQuery[]> {
  const { client, enabledInView } = createDiscoveryClient();
  const root = createRoot(document.createElement('div'));
  return new Promise<PrefetchQuery[]>((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      // Panels drawn a moment after the first (a deferred value) build their queries in a render that follows: wait
      // until two checks in a row find no new query (a few short waits at most).
      let seen = -1;
      let checks = 0;
      const check = () => {
        const count = client.getQueryCache().getAll().length;
        if (count !== seen && ++checks < 20) {
          seen = count;
          setTimeout(check, 10);
          return;
        }
        const found = client
          .getQueryCache()
          .getAll()
          .filter((query) => enabledInView.get(query.queryHash) !== false && typeof query.options.queryFn === 'function')
          .map((query): PrefetchQuery => ({ queryKey: query.queryKey, queryFn: query.options.queryFn as PrefetchQuery['queryFn'] }));
        root.unmount();
        client.clear();
        resolve(found);
      };
      setTimeout(check, 0);
    };
    root.render(
      <QueryClientProvider client={client}>
        <ErrorBoundary fallback={null} onError={finish}>
          <Suspense fallback={null}>
            <View {...props} />
            <Rendered onRendered={finish} />
          </Suspense>
        </ErrorBoundary>
      </QueryClientProvider>,
    );
  });
}

/**
 * Starts fetching ahead what a change of the view state would show; returns the function that withdraws the interest.
 * Provided by the workspace (which can resolve a state and render its view); without it, controls fetch nothing ahead.
 */
export type IntendChange = (change: Partial<ViewState>) => () => void;

export const PrefetchIntentContext = createContext<IntendChange | null>(null);

export function PrefetchIntentProvider({ intend, children }: { intend: IntendChange; children: ReactNode }) {
  return <PrefetchIntentContext.Provider value={intend}>{children}</PrefetchIntentContext.Provider>;
}

/**
 * Pointer and focus handlers for a control whose activation makes `change`: resting on it or focusing it fetches
 * ahead (after the scheduler's intent delay, in idle time); leaving or blurring withdraws. Null: nothing to fetch.
 */
export function useChangeIntent(change: Partial<ViewState> | null) {
  const intend = useContext(PrefetchIntentContext);
  const withdraw = useRef<(() => void) | null>(null);
  const latest = useRef(change);
  latest.current = change;
  useEffect(() => () => withdraw.current?.(), []);
  const start = () => {
    withdraw.current?.();
    withdraw.current = intend && latest.current ? intend(latest.current) : null;
  };
  const stop = () => {
    withdraw.current?.();
    withdraw.current = null;
  };
  return { onPointerEnter: start, onPointerLeave: stop, onFocus: start, onBlur: stop };
}
