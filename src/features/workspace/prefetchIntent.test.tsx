// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/react';
import { hashKey, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { loadViewComponent, type ViewProps } from '../../views/components';
import { installResizeObserverStub, testOptions, testView, testViewProps } from '../../views/shared/viewTestKit';
import { discoverQueries } from './prefetchIntent';

beforeAll(installResizeObserverStub);
afterEach(cleanup);

/**
 * The keys of the queries a view builds when it is really shown (whether they then succeed does not matter here),
 * once they are `expected`: panels drawn a moment later (a deferred value) build theirs in a later render, sooner or
 * later on a loaded machine. Whatever the view has built by the deadline is returned, to be compared.
 */
async function keysWhenShown(props: ViewProps & { tab: string }, expected: readonly string[]): Promise<string[]> {
  const View = (await loadViewComponent(props.tab as never))!;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  render(
    <QueryClientProvider client={client}>
      <View {...props} />
    </QueryClientProvider>,
  );
  const keys = () => client.getQueryCache().getAll().map((query) => query.queryHash).sort();
  await waitFor(() => expect(keys()).toEqual(expected), { timeout: 5_000 }).catch(() => {});
  // And nothing more a moment later.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return keys();
}

describe('finding the queries a view would run', () => {
  for (const tab of ['overview', 'countries', 'trend', 'leaderboard', 'map'] as const) {
    it(`names exactly the queries the ${tab} view builds when shown`, async () => {
      const view = testView({ filters: { country: ['RU'] } });
      const props = { ...testViewProps({ view, options: testOptions({ tab }), viewOf: () => view }), tab };
      const View = (await loadViewComponent(tab))!;
      const found = await discoverQueries(View, props);
      for (const query of found) expect(typeof query.queryFn).toBe('function');
      const expected = found.map((query) => hashKey(query.queryKey)).sort();
      const shown = await keysWhenShown(props, expected);
      expect(shown.length).toBeGreaterThan(0);
      expect(expected).toEqual(shown);
      // Another filter names other queries (those over the filtered data; the events list is the same for all).
      const mexico = testView({ filters: { country: ['MX'] } });
      const other = await discoverQueries(View, { ...props, view: mexico, filters: mexico.filters, viewOf: () => mexico });
      const otherHashes = other.map((query) => hashKey(query.queryKey));
      expect(otherHashes.filter((hash) => shown.includes(hash) && hash.includes('"country"'))).toEqual([]);
      expect(otherHashes.some((hash) => hash.includes('"MX"'))).toBe(true);
    });
  }
});
