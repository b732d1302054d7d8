import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../engine';
import { buildDatasetTablesQuery } from '../../sql/datasetTables';
import { installStorage, LimitedStorage } from '../../state/limitedStorageTestKit';
import { uploadsInMemory } from '../../../test/support/uploadsInMemory';
import type { ClickHouseClient } from '../clickhouse/clickHouseClient';
import type { ClickHouseDatasetDef } from '../clickhouse/clickHouseModel';
import { memoryUploadStore } from '../upload/storage';
import { addClickHouseDataset } from './addClickHouseDataset';
import { KEPT_CLICKHOUSE_KEY, removeClickHouseDataset } from './keptClickHouse';
import { databaseFor, findDataset, restoreUploadList } from '.';

// A ClickHouse dataset kept in this browser: its definition in localStorage, its cube loaded again when a view needs
// it (the real DuckDB-wasm; ClickHouse's answer as the proxy gives it, CSV of the pushed-down GROUP BY).
const DEF: ClickHouseDatasetDef = {
  connection: 'local',
  database: 'shop',
  table: 'orders',
  label: 'Shop orders',
  time: 'day',
  dimensions: [{ column: 'shop', label: 'Shop', display: 'text' }],
  measures: [{ column: 'orders', label: 'Orders', unit: 'count', overTime: 'sum' }],
};
const CUBE_CSV = '__month,__d0,__m0\n2024-01-01,Alpha,10\n2024-01-01,Beta,5\n2024-02-01,Alpha,7\n';

let storage: LimitedStorage;
let restoreStorage: () => void;
let engine: Engine;
const asked: string[] = [];
const client: ClickHouseClient = {
  listConnections: async () => [{ name: 'local', database: 'shop' }],
  listTables: async () => [],
  query: async (_connection, sql) => {
    asked.push(sql);
    return CUBE_CSV;
  },
};

beforeEach(async () => {
  storage = new LimitedStorage(100_000);
  restoreStorage = installStorage(storage);
  ({ engine } = await uploadsInMemory());
  asked.length = 0;
});
afterEach(() => {
  restoreStorage();
  vi.unstubAllGlobals();
});

const total = async (table: string) => (await engine.query<{ n: number }>(`SELECT sum(orders)::DOUBLE AS n FROM ${table}`))[0]!.n;

describe('a kept ClickHouse dataset', () => {
  it('keeps its definition (never credentials), comes back after a reload as stored, and loads its cube when first used', async () => {
    const entry = await addClickHouseDataset(DEF, { client, datasetId: 'u_shop_orders' });
    expect(entry).toMatchObject({ kind: 'clickhouse', status: 'ready', notKept: undefined });
    expect(entry.model).toMatchObject({ provenance: 'clickhouse', sourceLine: 'ClickHouse · local · shop.orders' });
    const kept = JSON.parse(storage.getItem(KEPT_CLICKHOUSE_KEY)!) as unknown;
    expect(kept).toEqual([{ id: 'u_shop_orders', def: DEF }]);
    expect(JSON.stringify(kept)).not.toMatch(/password|user|http/i);

    // A reload: a new engine and an empty list, then the kept datasets listed again.
    ({ engine } = await uploadsInMemory());
    expect(findDataset('u_shop_orders')).toBeUndefined();
    await restoreUploadList();
    expect(findDataset('u_shop_orders')).toMatchObject({ kind: 'clickhouse', status: 'stored', clickhouse: DEF });

    // The page's own proxy answers the cube's query when a view first needs the dataset (after saying, once per
    // connection, whether its server takes query parameters: 18.16 does not, so the values go as literals).
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      fetched.push(`${init?.method ?? 'GET'} ${url.split('?')[0]}`);
      if (url.endsWith('/features')) return Response.json({ queryParameters: false, version: '18.16.1', connection: 'local' });
      return new Response(CUBE_CSV, { status: 200 });
    });
    await databaseFor('u_shop_orders');
    expect(fetched).toEqual(['GET /clickhouse/local/features', 'POST /clickhouse/local/query']);
    expect(findDataset('u_shop_orders')?.status).toBe('ready');
    expect(await total('u_shop_orders__cube')).toBe(22);
  });

  it('is removed like an upload: its cube, its definition and its entry go', async () => {
    await addClickHouseDataset(DEF, { client, datasetId: 'u_shop_orders' });
    const other = await addClickHouseDataset({ ...DEF, label: 'Other orders' }, { client, datasetId: 'u_other_orders' });
    await removeClickHouseDataset('u_shop_orders');
    expect(findDataset('u_shop_orders')).toBeUndefined();
    expect(await engine.query(buildDatasetTablesQuery('u_shop_orders'))).toEqual([]);
    expect(JSON.parse(storage.getItem(KEPT_CLICKHOUSE_KEY)!)).toEqual([{ id: other.id, def: { ...DEF, label: 'Other orders' } }]);
    // …and does not come back after a reload.
    await uploadsInMemory(memoryUploadStore());
    await restoreUploadList();
    expect(findDataset('u_shop_orders')).toBeUndefined();
    expect(findDataset('u_other_orders')?.status).toBe('stored');
  });

  it('says when the browser refuses to keep it: for this visit only', async () => {
    storage.refuse = new DOMException('blocked', 'SecurityError');
    const entry = await addClickHouseDataset(DEF, { client, datasetId: 'u_shop_orders' });
    expect(entry.status).toBe('ready');
    expect(entry.notKept).toMatch(/refused to keep .*blocked.*this visit only/);
  });

  it('skips a kept definition that is damaged or not one the app makes, and lists the others', async () => {
    storage.setItem(
      KEPT_CLICKHOUSE_KEY,
      JSON.stringify([
        { id: 'u_good', def: DEF },
        { id: 'market', def: DEF },
        { id: 'u_bad', def: { ...DEF, measures: [] } },
        { id: 'u_twice', def: { ...DEF, time: 'orders' } },
        { id: 'u_conn', def: { ...DEF, connection: 'a/b' } },
      ]),
    );
    await restoreUploadList();
    expect(findDataset('u_good')?.kind).toBe('clickhouse');
    for (const id of ['u_bad', 'u_twice', 'u_conn']) expect(findDataset(id)).toBeUndefined();
    expect(findDataset('market')?.kind).toBe('bundled');
  });
});
