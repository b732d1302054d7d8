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
    expect(screen.getByText('month').closest('li')!.textContent).toContain('time');
    expect(screen.getByText('country').closest('li')!.textContent).toContain('dimension');
    expect(screen.getByText('visitors').closest('li')!.textContent).toContain('measure');
    fireEvent.click(screen.getByRole('button', { name: 'Ignore country' }));
    expect(screen.getByText('country').closest('li')!.textContent).toContain('ignored');
    fireEvent.click(screen.getByRole('button', { name: 'Load traffic as a dataset' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('ClickHouse connection "local"');
    expect(alert.textContent).toContain('Start the stopped ClickHouse server');
    expect(queries.at(-1)).toMatch(/GROUP BY/);
    expect(queries.at(-1)).not.toMatch(/country/);
    expect(datasetRegistry.get().length).toBe(before);
  });
});
