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
