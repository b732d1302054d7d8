// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { clickHouseModel, type ClickHouseDatasetDef } from '../../data/clickhouse/clickHouseModel';
import { countViewCubeLoad } from '../../data/clickhouse/viewCubeProgress';
import type { DatasetEntry } from '../../data/datasets/registry';
import { ViewCubeStatus } from './ViewCubeStatus';

afterEach(cleanup);

const def: ClickHouseDatasetDef = {
  connection: 'local',
  database: 'db',
  table: 'big',
  label: 'Big',
  time: 'month',
  dimensions: [{ column: 'country', label: 'Country', display: 'country' }],
  measures: [{ column: 'visitors', label: 'Visitors', unit: 'count', overTime: 'mean' }],
};
const entry = (viewScope: boolean): DatasetEntry => ({
  id: 'u_big',
  model: clickHouseModel('u_big', def).model,
  kind: 'clickhouse',
  clickhouse: def,
  status: 'ready',
  ...(viewScope ? { viewScope: { catalog: { firstMonth: '2020-01', lastMonth: '2020-12', rowCount: 0, members: {} } } } : {}),
});

describe('ViewCubeStatus', () => {
  it('says a table is shown view by view, and when a view cube is loading', () => {
    render(<ViewCubeStatus entry={entry(true)} />);
    const status = screen.getByTestId('view-cube-status');
    expect(status.textContent).toBe('This table is too big to load whole: each view loads its own filters from ClickHouse.');
    expect(status.getAttribute('aria-busy')).toBe('false');
    act(() => countViewCubeLoad('u_big', 1));
    expect(status.textContent).toBe("Loading this view's data from ClickHouse (local)…");
    expect(status.getAttribute('aria-busy')).toBe('true');
    act(() => countViewCubeLoad('u_big', -1));
    expect(status.getAttribute('aria-busy')).toBe('false');
  });

  it('says nothing for a table loaded whole', () => {
    render(<ViewCubeStatus entry={entry(false)} />);
    expect(screen.queryByTestId('view-cube-status')).toBeNull();
  });
});
