// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboards } from '../../state/dashboards';
import { installStorage, LimitedStorage } from '../../state/limitedStorageTestKit';
import { PinButton } from './PinButton';

let restore: () => void;
beforeEach(() => {
  restore = installStorage(new LimitedStorage(200_000));
  dashboards.reload();
});
afterEach(() => {
  cleanup();
  restore();
  dashboards.reload();
  window.history.replaceState(null, '', '/');
});

const pinnedTitles = () => dashboards.get()[0]?.panels.map((panel) => panel.title) ?? [];

describe('the pin button', () => {
  it("titles a pinned SQL panel by its statement's start, without its comments, and other views as told", async () => {
    const statement = '-- visits by month\n/* draft */\nSELECT month, sum(visitors) AS visitors, sum(orders) AS orders FROM market_monthly GROUP BY month';
    window.history.replaceState(null, '', `/?${new URLSearchParams({ v: '1', tab: 'sql', sql: statement, sqlChart: 'auto' }).toString()}`);
    render(<PinButton title="SQL: Visitors" />);
    fireEvent.click(screen.getByTestId('pin-view'));
    await waitFor(() => expect(screen.getByTestId('pin-status').textContent).toMatch(/^Pinned to /));
    expect(pinnedTitles()).toEqual(['SELECT month, sum(visitors) AS visitors, sum(orders) AS…']);
    // The panel is the link as it was: the statement and its chart.
    const view = new URLSearchParams(dashboards.get()[0]!.panels[0]!.view);
    expect([view.get('sql'), view.get('sqlChart')]).toEqual([statement, 'auto']);

    // Not the SQL view, or no statement yet: the title given.
    window.history.replaceState(null, '', '/?v=1&tab=sql');
    fireEvent.click(screen.getByTestId('pin-view'));
    window.history.replaceState(null, '', `/?v=1&tab=trend&sql=${encodeURIComponent('SELECT 1')}`);
    fireEvent.click(screen.getByTestId('pin-view'));
    expect(pinnedTitles()).toEqual(['SELECT month, sum(visitors) AS visitors, sum(orders) AS…', 'SQL: Visitors', 'SQL: Visitors']);
  });
});
