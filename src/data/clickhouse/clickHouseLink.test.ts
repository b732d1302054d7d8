import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../engine';
import { newDashboard, parseDashboard, serializeDashboard } from '../../state/dashboards';
import { installStorage, LimitedStorage } from '../../state/limitedStorageTestKit';
import { configureUploads, datasetRegistry, findDataset } from '../datasets';
import { KEPT_CLICKHOUSE_KEY, storedClickHouseEntry } from '../datasets/keptClickHouse';
import { putEntry } from '../datasets/registry';
import { neededDatasetParam } from '../neededDataset';
import { memoryUploadStore } from '../upload/storage';
import type { ClickHouseClient } from './clickHouseClient';
import { readClickHouseNeed, restoreClickHouseFromLink, restoreClickHouseFromViews } from './clickHouseLink';
import type { ClickHouseDatasetDef } from './clickHouseModel';
import { t } from '../../i18n';
import { withClickHouseNeed } from './clickHouseNeed';

// A ClickHouse dataset in a share link and in a dashboard: what the link carries, and how the recipient's page brings
// it back (or says why it cannot).
const DEF: ClickHouseDatasetDef = {
  connection: 'local',
  database: 'marketscope',
  table: 'traffic',
  label: 'Traffic (cluster)',
  time: 'month',
  dimensions: [
    { column: 'marketplace', label: 'Marketplace', display: 'text' },
    { column: 'country', label: 'Country', display: 'country' },
  ],
  measures: [{ column: 'visitors', label: 'Visitors', unit: 'count', overTime: 'mean' }],
};
const VIEW = 'v=1&dataset=u_traffic_ch&measure=visitors&from=2014-07&to=2014-12&country=RU';

const serverOffering = (...names: string[]): ClickHouseClient => ({
  listConnections: async () => names.map((name) => ({ name, database: 'marketscope' })),
  listTables: async () => [],
  query: async () => {
    throw new Error('a link never queries ClickHouse by itself');
  },
});

let storage: LimitedStorage;
let restoreStorage: () => void;

/** Another browser: nothing listed, nothing kept. */
function freshBrowser() {
  storage = new LimitedStorage(100_000);
  restoreStorage?.();
  restoreStorage = installStorage(storage);
  configureUploads({ store: async () => memoryUploadStore(), engine: async () => ({}) as Engine });
}

beforeEach(freshBrowser);
afterEach(() => restoreStorage());

async function linkParam(): Promise<string> {
  putEntry('u_traffic_ch', storedClickHouseEntry('u_traffic_ch', DEF));
  const param = await neededDatasetParam('u_traffic_ch', VIEW);
  expect(param).not.toBeNull();
  return param!;
}

describe('a share link to a view over a ClickHouse table', () => {
  it('names the connection, the table and the roles, and brings them back on the recipient’s side', async () => {
    const param = await linkParam();
    expect(param).toMatch(/^ch\.[A-Za-z0-9_-]+$/);
    expect(readClickHouseNeed(param)).toEqual({ id: 'u_traffic_ch', def: DEF });

    freshBrowser();
    expect(findDataset('u_traffic_ch')).toBeUndefined();
    expect(await restoreClickHouseFromLink(param, serverOffering('local'))).toEqual({ datasetId: 'u_traffic_ch' });
    expect(findDataset('u_traffic_ch')).toMatchObject({ kind: 'clickhouse', status: 'stored', clickhouse: DEF });
    // Kept there too, like a dataset connected by hand.
    expect(JSON.parse(storage.getItem(KEPT_CLICKHOUSE_KEY)!)).toEqual([{ id: 'u_traffic_ch', def: DEF }]);
    // Opening it again changes nothing.
    expect(await restoreClickHouseFromLink(param, serverOffering('local'))).toEqual({ datasetId: 'u_traffic_ch' });
    expect(datasetRegistry.get().filter((entry) => entry.kind === 'clickhouse')).toHaveLength(1);
  });

  it('says which connection this server lacks and what to do, and lists nothing', async () => {
    const param = await linkParam();
    freshBrowser();
    const before = datasetRegistry.get();
    const result = await restoreClickHouseFromLink(param, serverOffering('warehouse'));
    expect('error' in result && t(result.error)).toMatch(/marketscope\.traffic on the connection "local", which this server does not offer \(it offers "warehouse"\)/);
    expect('error' in result && t(result.error)).toMatch(/add a connection named "local" \(MARKETSCOPE_CLICKHOUSE or marketscope\.connections\.json/);
    expect(datasetRegistry.get()).toEqual(before);
    expect(storage.getItem(KEPT_CLICKHOUSE_KEY)).toBeNull();
    const none = await restoreClickHouseFromLink(param, serverOffering());
    expect('error' in none && t(none.error)).toMatch(/it offers no ClickHouse connection/);
  });

  it('keeps a dataset of this browser that has the link’s id, and lists the link’s under a new one', async () => {
    const param = await linkParam();
    freshBrowser();
    putEntry('u_traffic_ch', storedClickHouseEntry('u_traffic_ch', { ...DEF, table: 'sales' }));
    const result = await restoreClickHouseFromLink(param, serverOffering('local'));
    if (!('datasetId' in result)) throw new Error(t(result.error));
    expect(result.datasetId).not.toBe('u_traffic_ch');
    expect(findDataset('u_traffic_ch')?.clickhouse?.table).toBe('sales');
    expect(findDataset(result.datasetId)?.clickhouse).toEqual({ ...DEF, label: DEF.label });
  });

  it('refuses a damaged or forged parameter, and drops fields a definition does not have', () => {
    const pack = (value: unknown) => `ch.${Buffer.from(JSON.stringify(value)).toString('base64url')}`;
    const refusal = (param: string) => {
      const read = readClickHouseNeed(param);
      return 'error' in read ? t(read.error) : null;
    };
    expect(refusal('ch.***')).toMatch(/damaged/);
    expect(refusal(pack({ id: 'market', def: DEF }))).toMatch(/damaged/);
    expect(refusal(pack({ id: 'u_x', def: { ...DEF, connection: '../admin' } }))).toMatch(/connection/);
    const read = readClickHouseNeed(pack({ id: 'u_x', def: { ...DEF, password: 'secret', url: 'http://evil' } }));
    expect(read).toEqual({ id: 'u_x', def: DEF });
  });
});

describe('a dashboard with a panel over a ClickHouse table', () => {
  it('carries the definition in the panel’s view, through a file, and brings it back before the panels ask', async () => {
    putEntry('u_traffic_ch', storedClickHouseEntry('u_traffic_ch', DEF));
    const view = withClickHouseNeed(VIEW);
    expect(view.startsWith(`${VIEW}&need=ch.`)).toBe(true);
    // Bundled data needs nothing.
    expect(withClickHouseNeed('v=1&measure=visitors')).toBe('v=1&measure=visitors');
    const dashboard = { ...newDashboard('Cluster'), panels: [{ id: 'p1', title: 'Russia', notes: '', view }] };
    const file = serializeDashboard(dashboard);
    expect(file).not.toMatch(/password/i);

    freshBrowser();
    const read = parseDashboard(file);
    if (!('dashboard' in read)) throw new Error(read.error);
    expect(await restoreClickHouseFromViews(read.dashboard.panels.map((panel) => panel.view), serverOffering('local'))).toEqual([]);
    expect(findDataset('u_traffic_ch')?.clickhouse).toEqual(DEF);

    freshBrowser();
    const problems = await restoreClickHouseFromViews([view, view], serverOffering());
    expect(problems).toHaveLength(1);
    expect(t(problems[0]!)).toMatch(/connection "local", which this server does not offer/);
    expect(findDataset('u_traffic_ch')).toBeUndefined();
  });
});
