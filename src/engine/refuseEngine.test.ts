import { afterEach, describe, expect, it, vi } from 'vitest';

// Each test file has its own module instances, so refusing here leaves every other test's engine alone.
describe('a page that must not compute (a snapshot)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('refuses the engine and the bundled datasets with the reason given, and downloads nothing', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network in this test')));
    vi.stubGlobal('fetch', fetch);
    const { engineRefusal, getEngine, refuseEngine } = await import('./index');
    const { getMarketDatabase } = await import('../data/marketDatabase');
    expect(engineRefusal()).toBeNull();
    refuseEngine('This is a snapshot: nothing is computed here.');
    await expect(getEngine()).rejects.toThrow('This is a snapshot: nothing is computed here.');
    await expect(getMarketDatabase()).rejects.toThrow('This is a snapshot: nothing is computed here.');
    expect(fetch).not.toHaveBeenCalled();
  });
});
