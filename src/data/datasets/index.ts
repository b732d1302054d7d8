/**
 * The datasets the app can show, and the uploads kept in this browser: one module per job, every name that
 * src/data/datasets.ts exported before it was split.
 */
export { datasetRegistry, findDataset, type DatasetEntry } from './registry';
export { DATASET_ID_PATTERN, newDatasetId } from './datasetIds';
export { configureUploads } from './configureUploads';
export type { UploadDependencies } from './uploadDependencies';
export { checkStoredManifest, unreadableUploads, type UnreadableUpload } from './storedManifests';
export { datasetsChangedElsewhere } from './crossTabSync';
export { databaseFor } from './lazyLoad';
export { addUpload, type AddUploadOptions, type UploadResult } from './addUpload';
export {
  readKeptUpload,
  removeUnreadableUpload,
  removeUpload,
  renameUpload,
  restoreUploadList,
  storageSummary,
  uploadsListed,
} from './keptUploads';
