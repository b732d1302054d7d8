/**
 * The upload screen's part of the data layer: sniffing, suggestions and the plan. Kept out of `./index` so that the
 * first screen's bundle does not carry papaparse and the country names.
 */
export type { IngestReport, IngestProgress, RejectedRow } from './upload/ingest';
export type { UploadPlan, PlannedColumn, ColumnRole, UnpivotPlan } from './upload/plan';
export { estimateLoadBytes, MEMORY_BUDGET_BYTES, planProblems } from './upload/plan';
export { prepareUpload, type PreparedUpload } from './upload/prepare';
export type { ColumnSuggestion } from './upload/suggest';
export type { Dialect, SniffResult, Encoding } from './upload/dialect';
export { UploadError } from './upload/UploadError';
export type { ValueFormat } from '../sql';
