import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import { configureUploads } from '../../src/data/datasets';
import { memoryUploadStore, type UploadStore } from '../../src/data/upload/storage';

/**
 * A page of the app as the datasets' tests see it: uploads kept in `store` (a new one in memory unless given, to
 * reopen the same storage) and loaded by a fresh Node engine, injected through configureUploads.
 */
export async function uploadsInMemory(store: UploadStore = memoryUploadStore()): Promise<{ engine: Engine; store: UploadStore }> {
  const engine = await createNodeEngine();
  configureUploads({ engine: async () => engine, store: async () => store });
  return { engine, store };
}
