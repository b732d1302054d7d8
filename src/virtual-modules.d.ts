declare module 'virtual:startup-summary' {
  /** The default overview's query results, computed at build time (scripts/startupSummaryPlugin.ts). */
  const summary: import('./data/startupSummary').StartupSummary;
  export default summary;
}
