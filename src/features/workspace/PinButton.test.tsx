// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dashboards } from '../../state/dashboards';
import { installStorage, LimitedStorage } from '../../state/limitedStorageTestKit';
import { installResizeObserverStub, renderWithQueryData, testOptions, testViewProps } from '../../views/shared/viewTestKit';
import { SqlView } from '../../views/sql/SqlView';
import { PinButton } from './PinButton';

let restore: () => void;
beforeAll(installResizeObserverStub);
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
  it("titles a pinned SQL workspace by its statement's start, without its comments; other views as told", () => {
    const statement = '-- visits by month\n/* draft */\nSELECT month, sum(visitors) AS visitors, sum(orders) AS orders FROM market_monthly GROUP BY month';
    const search = new URLSearchParams({ v: '1', tab: 'sql', sql: statement, sqlChart: 'auto' }).toString();
    window.history.replaceState(null, '', `/?${search}`);
    const { unmount } = renderWithQueryData(
      <>
        <SqlView {...testViewProps({ options: testOptions({ tab: 'sql', sql: statement, sqlChart: 'auto' }) })} />
        <PinButton title="SQL: Visitors" />
      </>,
      [],
    );
    fireEvent.click(screen.getByTestId('pin-view'));
    expect(screen.getByTestId('pin-status').textContent).toMatch(/^Pinned to /);
    expect(pinnedTitles()).toEqual(['SELECT month, sum(visitors) AS visitors, sum(orders) AS…']);
    // The panel is the link as it was: the statement and its chart.
    const view = new URLSearchParams(dashboards.get()[0]!.panels[0]!.view);
    expect([view.get('sql'), view.get('sqlChart')]).toEqual([statement, 'auto']);
    unmount();

    // The workspace before anything ran, and any other view: the title given.
    renderWithQueryData(
      <>
        <SqlView {...testViewProps({ options: testOptions({ tab: 'sql', sql: '' }) })} />
        <PinButton title="SQL: Visitors" />
      </>,
      [],
    );
    fireEvent.click(screen.getByTestId('pin-view'));
    cleanup();
    renderWithQueryData(<PinButton title="Trend: Visitors" />, []);
    fireEvent.click(screen.getByTestId('pin-view'));
    expect(pinnedTitles()).toEqual(['SELECT month, sum(visitors) AS visitors, sum(orders) AS…', 'SQL: Visitors', 'Trend: Visitors']);
  });
});
