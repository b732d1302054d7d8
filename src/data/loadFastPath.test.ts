import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import { readDatasetFile } from '../../test/support/loadBundledIntoNode';
import { BUNDLED_FILES } from './bundledFiles';
import { loadBundledDatasets } from './loadBundledDatasets';

// The browser loads the bundled files without the field-by-field staging (they are checked at build time); both
// paths must produce the same tables, value for value.
describe('loading the bundled datasets without the field checks', () => {
  it('gives the same tables as the checked path', async () => {
    const checked = await createNodeEngine();
    const fast = await createNodeEngine();
    await loadBundledDatasets(checked, readDatasetFile);
    await loadBundledDatasets(fast, readDatasetFile, undefined, undefined, { checkFields: false });
    for (const file of BUNDLED_FILES) {
      const fingerprint = `SELECT COUNT(*) AS n, SUM(hash(t))::DOUBLE AS h FROM "${file.table}" t`;
      const [a] = await checked.query(fingerprint);
      const [b] = await fast.query(fingerprint);
      expect(b, file.table).toEqual(a);
      const types = `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${file.table}' ORDER BY ordinal_position`;
      expect(await fast.query(types)).toEqual(await checked.query(types));
    }
  });
});
