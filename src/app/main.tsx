import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { expandSearch } from '../state/shareLink';
import { snapshotInHash } from '../state/snapshotParams';
import './styles.css';

if (location.hash === '#bench') void import('./benchHooks').then((module) => module.installBenchHooks());

// A snapshot travels in the fragment, and opening another fragment of the same page does not load it again: a page
// becomes, stops being or changes snapshot only by loading afresh (it decides at start whether to compute at all).
addEventListener('hashchange', (event) => {
  const fragment = (url: string) => snapshotInHash(new URL(url).hash);
  if (fragment(event.oldURL) !== fragment(event.newURL)) location.reload();
});

// A compressed share link (`?v=1&z=…`) is expanded into its plain query string before anything reads the URL.
// Plain links, the usual case, start at once.
if (new URLSearchParams(location.search).has('z')) {
  void expandSearch(location.search)
    .then((expanded) => {
      if (expanded && 'search' in expanded) history.replaceState(history.state, '', `${location.pathname}?${expanded.search}${location.hash}`);
    })
    .catch(() => {})
    .finally(render);
} else {
  render();
}

function render(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
