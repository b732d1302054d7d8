import { showingPrerender } from '../lib/prerendered';

/** Whether the browser asks pages to save data (`navigator.connection.saveData`). */
export function savingData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
}

/**
 * Whether the engine starts as the page loads: over the overview index.html drew (the charts are painted already),
 * unless the browser asks to save data. Elsewhere (a view, a link, a snapshot) the app decides once it runs.
 */
export function startsEngineEarly(): boolean {
  return showingPrerender() && !savingData();
}
