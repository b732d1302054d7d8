import { describe, expect, it } from 'vitest';
import { ratioMeasures } from '../ratios';
import type { ClickHouseTable } from './clickHouseClient';
import { parseClickHouseDef } from './clickHouseDefSchema';
import { clickHouseModel, suggestClickHouseDataset, suggestRoles, type ClickHouseDatasetDef } from './clickHouseModel';
import { clickHouseNeedParam } from './clickHouseNeed';
import { readClickHouseNeed } from './clickHouseLink';

// Visitors, orders and revenue on a ClickHouse dataset: suggested from the column names, kept in the definition (and
// so in links, dashboards and this browser's storage), checked when read back, and named in the model the
// conversion view and the traffic-to-sales ratios read.

const MARKET: ClickHouseTable = {
  database: 'marketscope',
  name: 'market',
  engine: 'Distributed',
  columns: [
    { name: 'month', type: 'Date' },
    { name: 'marketplace', type: 'String' },
    { name: 'country', type: 'String' },
    { name: 'visitors', type: 'UInt64' },
    { name: 'gmv_usd', type: 'Float64' },
    { name: 'orders', type: 'UInt64' },
    { name: 'active_sellers', type: 'UInt64' },
  ],
};

describe('traffic-to-sales roles of a ClickHouse dataset', () => {
  it('suggests them from the column names only when all three are found in three columns', () => {
    expect(suggestRoles(['visitors', 'gmv_usd', 'orders', 'active_sellers'])).toEqual({ visitors: 'visitors', orders: 'orders', revenue: 'gmv_usd' });
    expect(suggestRoles(['unique_visitors', 'purchases', 'revenue'])).toEqual({ visitors: 'unique_visitors', orders: 'purchases', revenue: 'revenue' });
    // An exact name wins over a looser one, whatever the column order.
    expect(suggestRoles(['order_lines', 'orders', 'visits', 'net_revenue'])).toEqual({ visitors: 'visits', orders: 'orders', revenue: 'net_revenue' });
    expect(suggestRoles(['visitors'])).toBeUndefined();
    expect(suggestRoles(['gmv_usd', 'orders', 'active_sellers'])).toBeUndefined();
    expect(suggestRoles(['visitors', 'orders'])).toBeUndefined();
  });

  it('suggests the roles for a table that has them, with orders and revenue summed over months', () => {
    const def = suggestClickHouseDataset('local', MARKET)!;
    expect(def.roles).toEqual({ visitors: 'visitors', orders: 'orders', revenue: 'gmv_usd' });
    expect(Object.fromEntries(def.measures.map((m) => [m.column, m.overTime]))).toEqual({ visitors: 'mean', gmv_usd: 'sum', orders: 'sum', active_sellers: 'mean' });
    const traffic = suggestClickHouseDataset('local', { ...MARKET, name: 'traffic', columns: MARKET.columns.slice(0, 4) })!;
    expect(traffic.roles).toBeUndefined();
    expect(traffic.measures.map((m) => m.overTime)).toEqual(['mean']);
  });

  it('names the roles by measure id in the model, so the ratios read the right columns', () => {
    const def = suggestClickHouseDataset('local', MARKET)!;
    // A column whose name a link uses for itself gets another id: the roles follow it.
    const renamed: ClickHouseDatasetDef = {
      ...def,
      measures: def.measures.map((m) => (m.column === 'orders' ? { ...m, column: 'from' } : m)),
      roles: { ...def.roles!, orders: 'from' },
    };
    const { model } = clickHouseModel('u_market', renamed);
    const orders = model.measures.find((m) => m.column === 'from')!;
    expect(orders.id).not.toBe('from');
    expect(model.roles).toEqual({ visitors: 'visitors', orders: orders.id, revenue: 'gmv_usd' });
    const ratios = ratioMeasures(model);
    expect(ratios.map((r) => [r.id, r.numerator.column, r.denominator.column, r.scale])).toEqual([
      ['conversion', 'from', 'visitors', 1000],
      ['order_value', 'gmv_usd', 'from', 1],
      ['revenue_per_visitor', 'gmv_usd', 'visitors', 1],
    ]);
    // Without roles, no ratio.
    const plain = { ...def };
    delete plain.roles;
    expect(clickHouseModel('u_plain', plain).model.roles).toBeUndefined();
    expect(ratioMeasures(clickHouseModel('u_plain', plain).model)).toEqual([]);
  });

  it('keeps the roles through a link and refuses roles that are not three different measures', () => {
    const def = suggestClickHouseDataset('local', MARKET)!;
    const read = readClickHouseNeed(clickHouseNeedParam('u_market_1', def));
    expect('def' in read && read.def.roles).toEqual({ visitors: 'visitors', orders: 'orders', revenue: 'gmv_usd' });
    expect(parseClickHouseDef(def)).toEqual({ def });
    const twice = parseClickHouseDef({ ...def, roles: { visitors: 'visitors', orders: 'visitors', revenue: 'gmv_usd' } });
    expect(twice).toEqual({ error: 'visitors, orders and revenue must be three different measures of the table' });
    const notMeasured = parseClickHouseDef({ ...def, roles: { visitors: 'country', orders: 'orders', revenue: 'gmv_usd' } });
    expect('error' in notMeasured).toBe(true);
    const partial = parseClickHouseDef({ ...def, roles: { visitors: 'visitors', orders: 'orders' } });
    expect('error' in partial && partial.error).toMatch(/^roles\.revenue/);
  });
});
