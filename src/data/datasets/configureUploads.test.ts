import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../engine';
import { MARKET_MODEL } from '../marketModel';
import { prepareUpload } from '../upload/prepare';
import { memoryUploadStore, type UploadStore } from '../upload/storage';
import { uploadsInMemory } from '../../../test/support/uploadsInMemory';
import { addUpload, configureUploads, databaseFor, datasetRegistry, restoreUploadList } from '.';

async function keepTeams(): Promise<string> {
  const prepared = await prepareUpload(new File(['month,team,points\n2020-01,x,1\n'], 'teams.csv'), 'teams.csv');
  return (await addUpload(prepared.file, 'teams.csv', prepared.plan)).entry.id;
}

describe('configureUploads', () => {
  it('uses the store and engine it is given, and starts over from the bundled dataset', async () => {
    const { engine, store } = await uploadsInMemory();
    const id = await keepTeams();
    expect((await store.list()).map((manifest) => manifest.id)).toEqual([id]);
    expect(await databaseFor(id)).toBe(engine);

    const other: UploadStore = memoryUploadStore();
    configureUploads({ store: async () => other });
    expect(datasetRegistry.get().map((entry) => entry.id)).toEqual([MARKET_MODEL.id]);
    await restoreUploadList();
    expect(datasetRegistry.get().map((entry) => entry.id)).toEqual([MARKET_MODEL.id]);
    // The engine not given stays the one given before.
    const secondId = await keepTeams();
    expect(await databaseFor(secondId)).toBe(engine);
    expect((await other.list()).map((manifest) => manifest.id)).toEqual([secondId]);
  });

  it('a new engine holds no upload: the first use loads it from the store', async () => {
    const { store } = await uploadsInMemory();
    const id = await keepTeams();
    const { engine: fresh } = await uploadsInMemory(store);
    const queried: string[] = [];
    const watched: Engine = { ...fresh, query: (sql, params) => (queried.push(sql), fresh.query(sql, params)) };
    configureUploads({ engine: async () => watched });
    await restoreUploadList();
    expect(await databaseFor(id)).toBe(watched);
    expect(queried.length).toBeGreaterThan(0);
    expect(datasetRegistry.get().find((entry) => entry.id === id)?.status).toBe('ready');
  });
});

describe('src/data/datasets', () => {
  it('has one job per module: none imports another that imports it back', () => {
    const folder = __dirname;
    const modules = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    const importsOf = (name: string) =>
      [...readFileSync(join(folder, name), 'utf8').matchAll(/from '\.\/(\w+)'/g)].map((match) => `${match[1]}.ts`);
    const reaches = (from: string, target: string, seen = new Set<string>()): boolean =>
      importsOf(from).some((next) => next === target || (!seen.has(next) && (seen.add(next), reaches(next, target, seen))));
    expect(modules.length).toBeGreaterThan(5);
    expect(modules.filter((name) => reaches(name, name))).toEqual([]);
  });
});
