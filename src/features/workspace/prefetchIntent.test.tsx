// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { hashKey, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { loadViewComponent, type ViewProps } from '../../views/components';
import { installResizeObserverStub, testOptions, testView, testViewProps } from '../../views/shared/viewTestKit';
import { discoverQueries } from './prefetchIntent';

beforeAll(installResizeObserverStub);
afterEach(cleanup);

/** The keys of the queries a view builds when it is really shown (whether they then succeed does not matter here). */
async function keysWhenShown(props: ViewProps & { tab: string }): Promise<string[]> {
  const View = (await loadViewComponent(props.tab as never))!;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  render(
    <QueryClientProvider client={client}>
      <View {...props} />
    </QueryClientProvider>,
  );
  // Panels drawn a moment later (a deferred value) build theirs in the next render.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return client.getQueryCache().getAll().map((query) => query.queryHash).sort();
}

describe('finding the queries a view would run', () => {
  for (const tab of ['overview', 'countries', 'trend', 'leaderboard', 'map'] as const) {
    it(`names exactly the queries the ${tab} view builds when shown`, async () => {
      const view = testView({ filters: { country: ['RU'] } });
      const props = { ...testViewProps({ view, options: testOptions({ tab }), viewOf: () => view }), tab };
      const View = (await loadViewComponent(tab))!;
      const found = await discoverQueries(View, props);
      for (const query of found) expect(typeof query.queryFn).toBe('function');
      const shown = await keysWhenShown(props);
      expect(shown.length).toBeGreaterThan(0);
      expect(found.map((query) => hashKey(query.queryKey)).sort()).toEqual(shown);
      // Another filter names other queries (those over the filtered data; the events list is the same for all).
      const mexico = testView({ filters: { country: ['MX'] } });
      const other = await discoverQueries(View, { ...props, view: mexico, filters: mexico.filters, viewOf: () => mexico });
      const otherHashes = other.map((query) => hashKey(query.queryKey));
      expect(otherHashes.filter((hash) => shown.includes(hash) && hash.includes('"country"'))).toEqual([]);
      expect(otherHashes.some((hash) => hash.includes('"MX"'))).toBe(true);
    });
  }
});
