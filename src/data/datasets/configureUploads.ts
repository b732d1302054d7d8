import { forgetEveryLoad } from './lazyLoad';
import { resetRegistry } from './registry';
import { setUploadDependencies, type UploadDependencies } from './uploadDependencies';

/**
 * Where uploads are kept and which engine loads them: the browser's store and the shared engine unless given (a test
 * gives an in-memory store and a Node engine). Starts over: the registry holds the bundled dataset alone until the
 * new store's uploads are listed, and no engine is taken to hold any upload.
 */
export function configureUploads(dependencies: Partial<UploadDependencies>): void {
  setUploadDependencies(dependencies);
  forgetEveryLoad();
  resetRegistry();
}
