/**
 * Whether the page shows the build-time overview index.html carries (scripts/prerenderPlugin.ts): the default
 * address, before the app's first render replaces it. That render must then draw all of it at once, or the page would
 * lose part of what it showed for a frame.
 */
export function showingPrerender(): boolean {
  return (
    typeof document !== 'undefined' &&
    !document.documentElement.classList.contains('prerender-off') &&
    document.querySelector('#root > [data-prerendered]') !== null
  );
}

/**
 * A path's coordinates to 3 decimals, as d3-shape writes them in the browser (its default `digits`); the copy of it
 * Node loads for Recharts writes every digit.
 */
export function roundPath(d: string): string {
  return d.replace(/-?\d+\.\d{4,}/g, (number) => String(Math.round(Number(number) * 1000) / 1000));
}
