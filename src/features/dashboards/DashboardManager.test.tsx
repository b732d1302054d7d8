// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboards, newDashboard, serializeDashboard, type Dashboard } from '../../state/dashboards';
import { fillStorage, installStorage, LimitedStorage } from '../../state/limitedStorageTestKit';
import { PinButton } from '../workspace/PinButton';
import { DashboardManager } from './DashboardManager';

const KEY = 'marketscope-dashboards';
const kept: Dashboard = {
  ...newDashboard('Russia, H2 2014'),
  panels: [
    { id: 'a1', title: 'Visitors', notes: 'AliExpress leads.', view: 'v=1&measure=visitors' },
    { id: 'b2', title: 'Trend', notes: '', view: 'v=1&tab=trend' },
  ],
};

let storage: LimitedStorage;
let restore: () => void;
beforeEach(() => {
  storage = new LimitedStorage(200_000);
  restore = installStorage(storage);
  dashboards.reload();
  dashboards.save(kept);
});
afterEach(() => {
  cleanup();
  restore();
  dashboards.reload();
});

const FULL = /no room left for this site’s dashboards, so your dashboards were left as they were\. Delete a dashboard/;

describe('the dashboards screen when the browser has no room left', () => {
  it('every change says it was not saved, why and what to do, and the stored and shown dashboards stay as they were', async () => {
    render(<DashboardManager />);
    fillStorage(storage);
    const stored = storage.getItem(KEY);
    const editor = screen.getByTestId('dashboard-editor');

    fireEvent.change(within(editor).getByTestId('dashboard-name'), { target: { value: 'Russia, H2 2014 and more' } });
    const alert = within(editor).getByTestId('dashboard-not-saved');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toMatch(/^Not saved\. /);
    expect(alert.textContent).toMatch(FULL);
    expect(within(editor).getByTestId('dashboard-name')).toHaveProperty('value', 'Russia, H2 2014');

    fireEvent.change(within(editor).getAllByLabelText('Notes')[0]!, { target: { value: 'AliExpress leads, by far.' } });
    expect(within(editor).getAllByLabelText('Notes')[0]).toHaveProperty('value', 'AliExpress leads.');
    fireEvent.click(screen.getByTestId('dashboard-new'));
    expect(screen.getByTestId('dashboards-message').textContent).toMatch(/^No dashboard was made\. /);
    const file = new File([serializeDashboard({ ...kept, name: 'Imported one' })], 'imported.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('dashboard-import'), { target: { files: [file] } });
    await screen.findByText(/^imported\.json was not imported\. /);
    expect(screen.getByTestId('dashboards-message').textContent).toMatch(FULL);
    expect(screen.getAllByTestId('dashboard-editor')).toHaveLength(1);
    expect(storage.getItem(KEY)).toBe(stored);

    // Reordering takes no more room and removing takes less: both are kept even now, and clear the notice.
    fireEvent.click(within(editor).getByRole('button', { name: 'Move Trend up' }));
    expect(within(editor).queryByTestId('dashboard-not-saved')).toBeNull();
    fireEvent.click(within(editor).getByRole('button', { name: 'Remove Visitors' }));
    expect(JSON.parse(storage.getItem(KEY)!)[0].panels.map((panel: { title: string }) => panel.title)).toEqual(['Trend']);

    // With room again, the next change is kept and the notice goes.
    storage.removeItem('other-data');
    fireEvent.change(within(editor).getByTestId('dashboard-name'), { target: { value: 'Russia, H2 2014 and more' } });
    expect(within(editor).queryByTestId('dashboard-not-saved')).toBeNull();
    expect(JSON.parse(storage.getItem(KEY)!)[0].name).toBe('Russia, H2 2014 and more');
  });

  it('the pin button says the view was not pinned, and the dashboards stay as they were', () => {
    render(<PinButton title="Overview: Visitors" />);
    fillStorage(storage);
    const stored = storage.getItem(KEY);
    fireEvent.click(screen.getByTestId('pin-view'));
    const status = screen.getByTestId('pin-status');
    expect(status.getAttribute('role')).toBe('alert');
    expect(status.textContent).toMatch(/^Not pinned\. /);
    expect(status.textContent).toMatch(FULL);
    expect(storage.getItem(KEY)).toBe(stored);
    expect(dashboards.get()[0]!.panels).toHaveLength(2);

    storage.removeItem('other-data');
    fireEvent.click(screen.getByTestId('pin-view'));
    expect(screen.getByTestId('pin-status').textContent).toBe('Pinned to “Russia, H2 2014” (3 panels).');
  });
});
