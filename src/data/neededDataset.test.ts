import { afterEach, describe, expect, it } from 'vitest';
import { localText, t } from '../i18n';
import { messages } from './messages';
import { datasetRegistry, type DatasetEntry } from './datasets';
import { MARKET_MODEL } from './marketModel';
import { holdsNeededDataset, missingDatasetNotice, noticesStillTrue, type NeededDataset } from './neededDataset';
import type { UploadManifest } from './upload/storage';

describe('the notice of a dataset that is not in this browser', () => {
  it('goes once the dataset is there, and only that one', () => {
    const other = localText(messages.unknownFilter, { selected: 'false', dimension: 'shop' });
    const notices = [missingDatasetNotice('u_shops_k3f9'), other, missingDatasetNotice('u_other_a1b2')];
    expect(noticesStillTrue(notices, ['market'])).toEqual(notices);
    expect(noticesStillTrue(notices, ['market', 'u_shops_k3f9'])).toEqual([other, missingDatasetNotice('u_other_a1b2')]);
    expect(t(missingDatasetNotice('u_shops_k3f9'))).toMatch(/^This link shows a dataset \("u_shops_k3f9"\) that is not in this browser/);
  });
});

describe('holdsNeededDataset', () => {
  const needed = { id: 'u_shops_k3f9', hash: 'a'.repeat(64), bytes: 120 } as NeededDataset;
  const uploaded = (id: string, fingerprint?: { bytes: number; hash: string }): DatasetEntry => ({
    id,
    model: { ...MARKET_MODEL, id },
    kind: 'uploaded',
    status: 'stored',
    manifest: { fingerprint } as UploadManifest,
  });
  afterEach(() => datasetRegistry.set(datasetRegistry.get().filter((entry) => entry.kind === 'bundled')));

  it("is true only for an upload under the link's id with the link's fingerprint", () => {
    expect(holdsNeededDataset(needed)).toBe(false);
    datasetRegistry.set([...datasetRegistry.get(), uploaded('u_shops_k3f9', { bytes: 120, hash: 'a'.repeat(64) })]);
    expect(holdsNeededDataset(needed)).toBe(true);
    expect(holdsNeededDataset({ ...needed, hash: 'b'.repeat(64) })).toBe(false);
    expect(holdsNeededDataset({ ...needed, bytes: 121 })).toBe(false);
    expect(holdsNeededDataset({ ...needed, id: 'u_other_a1b2' })).toBe(false);
  });

  it('is false for an upload kept without a fingerprint', () => {
    datasetRegistry.set([...datasetRegistry.get(), uploaded('u_shops_k3f9')]);
    expect(holdsNeededDataset(needed)).toBe(false);
  });
});
