import { describe, expect, it } from 'vitest';
import { missingDatasetNotice, noticesStillTrue } from './neededDataset';

describe('the notice of a dataset that is not in this browser', () => {
  it('goes once the dataset is there, and only that one', () => {
    const other = 'The filter "shop" names members that are not in this dataset.';
    const notices = [missingDatasetNotice('u_shops_k3f9'), other, missingDatasetNotice('u_other_a1b2')];
    expect(noticesStillTrue(notices, ['market'])).toEqual(notices);
    expect(noticesStillTrue(notices, ['market', 'u_shops_k3f9'])).toEqual([other, missingDatasetNotice('u_other_a1b2')]);
    expect(missingDatasetNotice('u_shops_k3f9')).toMatch(/^This link shows a dataset \("u_shops_k3f9"\) that is not in this browser/);
  });
});
