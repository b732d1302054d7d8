import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboards, DashboardsNotSavedError, newDashboard } from './dashboards';
import { fillStorage, installStorage, LimitedStorage } from './limitedStorageTestKit';

const KEY = 'marketscope-dashboards';

let storage: LimitedStorage;
let restore: () => void;

beforeEach(() => {
  storage = new LimitedStorage(100_000);
  restore = installStorage(storage);
  dashboards.reload();
});
afterEach(() => {
  restore();
  dashboards.reload();
});

describe('dashboards when the browser refuses to keep them', () => {
  it('pinning, editing, removing and creating on a full storage throw, say so, and change nothing', () => {
    const kept = dashboards.pin({ title: 'Visitors', notes: 'Kept before', view: 'v=1&measure=visitors' });
    dashboards.save(newDashboard('Second'));
    fillStorage(storage);
    const stored = storage.getItem(KEY);
    const inMemory = dashboards.get();
    let notified = 0;
    const unsubscribe = dashboards.subscribe(() => (notified += 1));
    const changes = [
      () => dashboards.pin({ title: 'GMV', notes: '', view: 'v=1&measure=gmv' }),
      () => dashboards.save({ ...kept, name: 'Renamed to something longer than before' }),
      () => dashboards.save({ ...kept, panels: kept.panels.map((panel) => ({ ...panel, notes: `${panel.notes} and more` })) }),
      () => dashboards.save(newDashboard('Third')),
    ];
    for (const change of changes) {
      expect(change).toThrow(DashboardsNotSavedError);
      expect(change).toThrow(/no room left for this site’s dashboards, so your dashboards were left as they were\. Delete a dashboard/);
    }
    unsubscribe();
    expect(storage.getItem(KEY)).toBe(stored);
    expect(dashboards.get()).toBe(inMemory);
    dashboards.reload();
    expect(dashboards.get()).toEqual(inMemory);
    expect(notified).toBe(0);
    // Deleting makes room (a smaller value replaces the larger one), and then pinning works again.
    storage.removeItem('other-data');
    expect(dashboards.pin({ title: 'GMV', notes: '', view: 'v=1&measure=gmv' }).panels.map((panel) => panel.title)).toEqual(['Visitors', 'GMV']);
  });

  it('storage turned off (SecurityError): says the browser does not let the app keep dashboards, and changes nothing', () => {
    dashboards.save(newDashboard('Kept'));
    const stored = storage.getItem(KEY);
    storage.refuse = new DOMException('The operation is insecure.', 'SecurityError');
    expect(() => dashboards.remove(dashboards.get()[0]!.id)).toThrow(/does not let the app keep dashboards \(SecurityError: The operation is insecure\.\).*Allow this site to store data/);
    expect(storage.getItem(KEY)).toBe(stored);
    expect(dashboards.get().map((dashboard) => dashboard.name)).toEqual(['Kept']);
  });
});
