import { getEngine, type Engine } from '../../engine';
import type { UploadStore } from '../upload/storage';

/**
 * What the uploads need from outside: where the files are kept and which engine loads them. The app uses the
 * browser's best store and the shared engine; a test, or another host of the app, passes its own (configureUploads).
 */
export interface UploadDependencies {
  store: () => Promise<UploadStore>;
  engine: () => Promise<Engine>;
}

const BROWSER: UploadDependencies = {
  // Storage code loads after the first screen, with the list of kept uploads.
  store: () => import('../upload/storage').then((module) => module.openUploadStore()),
  engine: getEngine,
};

let dependencies: UploadDependencies = BROWSER;
let openedStore: Promise<UploadStore> | null = null;

/** Uses these dependencies from now on (a store or engine not given stays as it was); the store is opened again. */
export function setUploadDependencies(given: Partial<UploadDependencies>): void {
  dependencies = {
    store: given.store ?? dependencies.store,
    engine: given.engine ?? dependencies.engine,
  };
  openedStore = null;
}

/** The store, opened once. */
export function uploadStore(): Promise<UploadStore> {
  openedStore ??= dependencies.store();
  return openedStore;
}

export function uploadEngine(): Promise<Engine> {
  return dependencies.engine();
}
