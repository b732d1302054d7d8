// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../engine';
import { ClickHouseError, type ClickHouseClient } from '../../data/clickhouse/clickHouseClient';
import { datasetRegistry } from '../../data/datasets/registry';
import { setUploadDependencies } from '../../data/datasets/uploadDependencies';
import { ConnectPanel } from './ConnectPanel';

afterEach(cleanup);

const queries: string[] = [];
const client: ClickHouseClient = {
  listConnections: async () => [{ name: 'local', database: 'marketscope' }],
  listTables: async (_connection, database) => [
    {
      database,
      name: 'traffic',
      engine: 'Distributed',
      columns: [
        { name: 'month', type: 'Date' },
        { name: 'marketplace', type: 'String' },
        { name: 'country', type: 'LowCardinality(String)' },
        { name: 'visitors', type: 'UInt64' },
      ],
    },
  ],
  query: async (connection, sql) => {
    queries.push(sql);
    throw new ClickHouseError(`ClickHouse connection "${connection}": a shard or replica is not answering`, { connection, hint: 'Start the stopped ClickHouse server, then retry.' });
  },
};

describe('ConnectPanel', () => {
  it('lists connections and tables, suggests roles, and shows a load error naming the connection with what to do', async () => {
    setUploadDependencies({ engine: async () => ({ query: async () => [] }) as unknown as Engine });
    const before = datasetRegistry.get().length;
    render(<ConnectPanel onOpen={() => { throw new Error('must not open'); }} client={client} />);
    const connection = (await screen.findByLabelText('Connection')) as HTMLSelectElement;
    expect(connection.value).toBe('local');
    const table = (await screen.findByLabelText('Table')) as HTMLSelectElement;
    fireEvent.change(table, { target: { value: 'traffic' } });
    expect(await screen.findByText('Roles of the columns of traffic')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Role of month' }) as HTMLSelectElement).value).toBe('time');
    expect((screen.getByRole('combobox', { name: 'Role of marketplace' }) as HTMLSelectElement).value).toBe('dimension');
    expect((screen.getByRole('combobox', { name: 'Role of visitors' }) as HTMLSelectElement).value).toBe('measure');
    expect((screen.getByRole('combobox', { name: 'How visitors combines over months' }) as HTMLSelectElement).value).toBe('mean');
    const role = screen.getByRole('combobox', { name: 'Role of country' }) as HTMLSelectElement;
    expect(role.value).toBe('dimension');
    fireEvent.change(role, { target: { value: 'ignored' } });
    expect(role.value).toBe('ignored');
    // The only measure and the time column cannot be set aside: a dataset needs both.
    const visitors = screen.getByRole('combobox', { name: 'Role of visitors' }) as HTMLSelectElement;
    fireEvent.change(visitors, { target: { value: 'ignored' } });
    expect(visitors.value).toBe('measure');
    fireEvent.click(screen.getByRole('button', { name: 'Load traffic as a dataset' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('ClickHouse connection "local"');
    expect(alert.textContent).toContain('Start the stopped ClickHouse server');
    expect(queries.at(-1)).toMatch(/GROUP BY/);
    expect(queries.at(-1)).not.toMatch(/country/);
    expect(datasetRegistry.get().length).toBe(before);
  });

  it('suggests visitors, orders and revenue when a table has them, and keeps only a whole choice', async () => {
    const market: ClickHouseClient = {
      ...client,
      listTables: async (_connection, database) => [
        {
          database,
          name: 'market',
          engine: 'Distributed',
          columns: [
            { name: 'month', type: 'Date' },
            { name: 'country', type: 'String' },
            { name: 'visitors', type: 'UInt64' },
            { name: 'gmv_usd', type: 'Float64' },
            { name: 'orders', type: 'UInt64' },
            { name: 'refunds', type: 'UInt64' },
          ],
        },
      ],
    };
    render(<ConnectPanel onOpen={() => {}} client={market} />);
    fireEvent.change(await screen.findByLabelText('Table'), { target: { value: 'market' } });
    expect(await screen.findByText('Traffic × sales (optional)')).toBeTruthy();
    const select = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;
    expect([select('Visitors').value, select('Orders').value, select('Revenue').value]).toEqual(['visitors', 'orders', 'gmv_usd']);
    expect(select('How orders combines over months').value).toBe('sum');
    expect(select('How visitors combines over months').value).toBe('mean');
    expect(screen.queryByTestId('connect-ratio-incomplete')).toBeNull();
    // Two roles on one measure: said, and not kept.
    fireEvent.change(select('Orders'), { target: { value: 'visitors' } });
    expect(screen.getByTestId('connect-ratio-incomplete').textContent).toContain('Choose three different measures');
    fireEvent.change(select('Orders'), { target: { value: 'refunds' } });
    expect(screen.queryByTestId('connect-ratio-incomplete')).toBeNull();
    // A measure set aside leaves the choice (and its menu).
    fireEvent.change(select('Role of refunds'), { target: { value: 'ignored' } });
    expect(select('Orders').value).toBe('');
    expect([...select('Revenue').options].map((o) => o.value)).toEqual(['', 'visitors', 'gmv_usd', 'orders']);
    expect(screen.getByTestId('connect-ratio-incomplete')).toBeTruthy();
  });

  it('says when the server offers no connection, and how to add one', async () => {
    const none: ClickHouseClient = { ...client, listConnections: async () => [] };
    render(<ConnectPanel onOpen={() => {}} client={none} />);
    const empty = await screen.findByTestId('connect-none');
    expect(empty.textContent).toContain('This server offers no ClickHouse connection');
    expect(empty.textContent).toContain('MARKETSCOPE_CLICKHOUSE');
    expect(empty.textContent).toContain('marketscope.connections.json');
    expect(screen.queryByLabelText('Connection')).toBeNull();
  });

  it('names the connection and says what to do when the tables cannot be listed', async () => {
    const refusing: ClickHouseClient = {
      ...client,
      listTables: async (connection) => {
        throw new ClickHouseError(`ClickHouse connection "${connection}" refused the credentials`, { connection, hint: 'Check the user and password of this connection on the server.' });
      },
    };
    render(<ConnectPanel onOpen={() => {}} client={refusing} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('ClickHouse connection "local" refused the credentials');
    expect(alert.textContent).toContain('Check the user and password');
  });
});
