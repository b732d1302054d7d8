import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { handOverStartupSummary } from './startupSummary';

/** A client seeded as the app seeds it, with a panel observing `key` through `queryFn`; counts what the panel sees. */
function seeded(key: readonly unknown[], shown: unknown, queryFn: () => Promise<unknown>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(key, shown);
  const observer = new QueryObserver(client, { queryKey: key, queryFn });
  const seen: { data: unknown; isFetching: boolean }[] = [];
  // Like a panel: it reads the data and whether it is fetching (aria-busy).
  const unsubscribe = observer.subscribe((result) => seen.push({ data: result.data, isFetching: result.isFetching }));
  return { client, seen, unsubscribe };
}

describe('handing the startup summary over to the engine', () => {
  const key = ['kpis', { measure: 'visitors' }];
  const shown = { total: 12, rows: [{ month: '2024-01', value: 3 }] };

  it('runs the panel’s query and, when the answer equals what is shown, leaves the panel untouched', async () => {
    let runs = 0;
    const { client, seen } = seeded(key, shown, async () => {
      runs += 1;
      return { total: 12, rows: [{ month: '2024-01', value: 3 }] };
    });
    expect(await handOverStartupSummary(client, [key])).toBe(0);
    expect(runs).toBe(1);
    // No "fetching" state, no new data: nothing for a panel to redraw.
    expect(seen).toEqual([]);
    expect(client.getQueryData(key)).toBe(shown);
  });

  it('replaces what is shown when the engine answers differently', async () => {
    const live = { total: 13, rows: [{ month: '2024-01', value: 4 }] };
    const { client, seen } = seeded(key, shown, async () => live);
    expect(await handOverStartupSummary(client, [key])).toBe(1);
    expect(client.getQueryData(key)).toEqual(live);
    expect(seen.at(-1)).toEqual({ data: live, isFetching: false });
  });

  it('leaves a failing query to TanStack Query, whose panel then shows the failure', async () => {
    const { client } = seeded(key, shown, async () => {
      throw new Error('engine failed');
    });
    expect(await handOverStartupSummary(client, [key])).toBe(0);
    expect(client.getQueryState(key)?.status).toBe('error');
  });

  it('invalidates an entry no panel has asked for, so its first reader runs it live', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    client.setQueryData(key, shown);
    expect(await handOverStartupSummary(client, [key])).toBe(0);
    expect(client.getQueryState(key)?.isInvalidated).toBe(true);
  });
});
