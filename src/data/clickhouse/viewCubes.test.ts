import { describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../engine';
import type { QuerySlice } from '../querySlice';
import type { ClickHouseClient } from './clickHouseClient';
import { clickHouseModel, type ClickHouseDatasetDef } from './clickHouseModel';
import { viewCubeLoads } from './viewCubeProgress';
import { acquireViewCube, pushedFilters } from './viewCubes';

// The view cubes of a ClickHouse table too big to load whole (viewCubes.ts), without a server: what is pushed down,
// and when the ClickHouse query is cancelled. test/clickhouse/app-view-cubes.test.ts runs them on the real cluster.
const def: ClickHouseDatasetDef = {
  connection: 'local',
  database: 'db',
  table: 'big',
  label: 'Big',
  time: 'month',
  dimensions: [
    { column: 'shop', label: 'Shop', display: 'text' },
    { column: 'country', label: 'Country', display: 'country' },
  ],
  measures: [{ column: 'visitors', label: 'Visitors', unit: 'count', overTime: 'mean' }],
};
const { model } = clickHouseModel('u_big', def);
const view = (filters: Record<string, string[]>): QuerySlice => ({ datasetId: 'u_big', measureId: 'visitors', from: '2021-01', to: '2021-06', filters });

/** A client whose queries never answer; they fail once their signal aborts (as the real one does). */
function hangingClient() {
  const signals: AbortSignal[] = [];
  const client: ClickHouseClient = {
    listConnections: async () => [],
    listTables: async () => [],
    query: (_connection, _sql, options) =>
      new Promise<string>((_, reject) => {
        const signal = options!.signal!;
        signals.push(signal);
        signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      }),
  };
  return { client, signals };
}
// Never reached: no query answers.
const engine = {} as Engine;

describe('view cubes', () => {
  it("push down the view's filters, sorted, except those the query reads past", () => {
    const slice = view({ country: ['RU', 'AE'], shop: ['b', 'a'], nothing: ['x'] });
    expect(pushedFilters(model, slice)).toEqual([
      { column: 'shop', values: ['a', 'b'] },
      { column: 'country', values: ['AE', 'RU'] },
    ]);
    expect(pushedFilters(model, slice, ['shop'])).toEqual([{ column: 'country', values: ['AE', 'RU'] }]);
  });

  it('cancel the ClickHouse query once no query waits for the cube, not before, and load it again when asked', async () => {
    const { client, signals } = hangingClient();
    const first = new AbortController();
    const second = new AbortController();
    const slice = view({ country: ['RU'] });
    const a = acquireViewCube(engine, client, def, model, slice, { signal: first.signal });
    const b = acquireViewCube(engine, client, def, model, slice, { signal: second.signal });
    // One ClickHouse query for both, counted as loading.
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    expect(viewCubeLoads.get().u_big).toBe(1);

    first.abort();
    await expect(a).rejects.toThrow(/abort/i);
    expect(signals[0]!.aborted).toBe(false);

    second.abort();
    await expect(b).rejects.toThrow(/abort/i);
    expect(signals[0]!.aborted).toBe(true);
    await vi.waitFor(() => expect(viewCubeLoads.get().u_big).toBeUndefined());

    // The cancelled cube is not kept: the same view asks ClickHouse again.
    const third = new AbortController();
    const c = acquireViewCube(engine, client, def, model, slice, { signal: third.signal });
    await vi.waitFor(() => expect(signals).toHaveLength(2));
    third.abort();
    await expect(c).rejects.toThrow(/abort/i);
  });
});
