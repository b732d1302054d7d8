/**
 * Test support for the view tests in this folder (never imported by the app): a small bundled-market fixture
 * (catalog, resolved view and options), the props a view receives with spy callbacks, and rendering a view with its
 * query results already in the cache, so a test reads the view's output without running DuckDB.
 */
import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import { vi } from 'vitest';
import { MARKET_MODEL, type DatasetCatalog, type ResolvedOptions, type QuerySlice } from '../../data';
import type { ViewProps } from './viewProps';
import { VIEWS } from '../registry';
import { DEFAULT_VIEW_STATE, type ResolvedSettings, type ViewState } from '../viewState';

/** Two years of monthly data; only the map reads the catalog (its members, for the marketplace picker). */
export const TEST_CATALOG: DatasetCatalog = Object.freeze({
  firstMonth: '2013-01',
  lastMonth: '2014-12',
  rowCount: 1000,
  members: { marketplace: ['AliExpress', 'Ozon', 'eBay'], country: ['RU', 'BR', 'DE', 'KZ'] },
});

/** Visitors over Jul–Dec 2014, unfiltered, with the given fields replaced. */
export function testView(overrides: Partial<QuerySlice> = {}): QuerySlice {
  return { datasetId: 'market', measureId: 'visitors', from: '2014-07', to: '2014-12', filters: {}, ...overrides };
}

/** Every option at its default (index base at the view's first month), with the given fields replaced. */
export function testOptions(overrides: Partial<ResolvedOptions> = {}): ResolvedOptions {
  return {
    // Every declared view's settings at their defaults, so that a new view's settings need nothing here.
    ...(Object.fromEntries(VIEWS.flatMap((view) => Object.keys(view.settings)).map((name) => [name, DEFAULT_VIEW_STATE[name as keyof ViewState]])) as unknown as ResolvedSettings),
    tab: 'overview',
    mode: 'absolute',
    base: '2014-07',
    grain: 'month',
    by: 'marketplace',
    chart: 'line',
    target: null,
    top: null,
    stack: 'stacked',
    level: 'country',
    mapMetric: 'value',
    mapMember: null,
    cell: 'value',
    sorts: {},
    selections: {},
    ...overrides,
  };
}

/**
 * The props of a view on the bundled market model, with `update` and `onSelect` as fresh spies. Unless given, the
 * measure is the one the view names, so the two always agree.
 */
export function testViewProps(overrides: Partial<ViewProps> = {}): ViewProps {
  const model = overrides.model ?? MARKET_MODEL;
  const view = overrides.view ?? testView();
  const measure = model.measures.find((candidate) => candidate.id === view.measureId);
  if (!measure) throw new Error(`the test model has no measure ${view.measureId}`);
  return {
    model,
    view,
    filters: view.filters,
    options: testOptions(),
    measure,
    catalog: TEST_CATALOG,
    update: vi.fn(),
    selected: {},
    onSelect: vi.fn(),
    viewOf: () => view,
    onSelectIn: () => vi.fn(),
    colorFor: () => '#4e79a7',
    ...overrides,
  };
}

/**
 * Renders `element` under a fresh QueryClient (no retries, nothing ever stale) whose cache already holds each
 * `[queryKey, data]` seed, so the queries the element makes resolve at once from the cache.
 */
export function renderWithQueryData(element: ReactElement, seeds: readonly (readonly [QueryKey, unknown])[] = []): RenderResult {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  for (const [queryKey, data] of seeds) client.setQueryData(queryKey, data);
  return render(<QueryClientProvider client={client}>{element}</QueryClientProvider>);
}

/** ResponsiveContainer observes its size and jsdom has no ResizeObserver: stub one that does nothing. Call in beforeAll. */
export function installResizeObserverStub(): void {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
}
