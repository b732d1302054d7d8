declare module 'virtual:startup-summary' {
  /** The default overview's query results, computed at build time (scripts/startupSummaryPlugin.ts). */
  const summary: import('./data/startupSummary').StartupSummary;
  export default summary;
}

declare module 'virtual:bundled-data' {
  /** The bundled CSVs' tables as Arrow IPC streams made at build time, with their URLs (scripts/bundledDataPlugin.ts). */
  const files: readonly (import('./data/loadBundledArrow').BundledArrowFile & { url: string })[];
  export default files;
}
