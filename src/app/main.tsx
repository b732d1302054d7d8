import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { expandSearch } from '../state/shareLink';
import { snapshotInHash } from '../state/snapshotParams';
import { showingPrerender } from '../lib/prerendered';
import { startEngineEarly } from './startupHandover';
import { I18nProvider, initialLocale, LANG_PARAM, switchLocale } from '../i18n';
import './styles.css';

performance.mark('app:start');
// Before the first render, which holds the main thread for a few hundred milliseconds (see startEngineEarly).
const engineStarting = startEngineEarly();
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
      // The link's language stands beside its compressed part (src/i18n/startup.ts's linkWithLanguage).
      const lang = new URLSearchParams(location.search).get(LANG_PARAM);
      if (expanded && 'search' in expanded) {
        const search = lang === null ? expanded.search : `${expanded.search}&${LANG_PARAM}=${encodeURIComponent(lang)}`;
        history.replaceState(history.state, '', `${location.pathname}?${search}${location.hash}`);
      }
    })
    .catch(() => {})
    .finally(start);
} else {
  start();
}

/**
 * Renders in the page's language (src/i18n/locales.ts says which): English at once, another after its chunk of
 * messages has loaded (26–31 kB gzip, from this origin), so that no English flashes first.
 */
function start(): void {
  const { locale } = initialLocale();
  // The engine's worker starts only while the main thread is free: the render (over the drawn overview, already
  // painted) waits for it, briefly.
  const ready = [engineStarting, locale === 'en' ? null : switchLocale(locale).catch(() => {})].filter((step) => step);
  if (ready.length === 0) render();
  else void Promise.all(ready).then(render, render);
}

function render(): void {
  const root = createRoot(document.getElementById('root')!);
  const app = (
    <StrictMode>
      <I18nProvider>
        <App />
      </I18nProvider>
    </StrictMode>
  );
  // Over the overview index.html drew at build time, the first render replaces it at once, in this task: the same
  // DOM, now live, before the page's load event.
  if (showingPrerender()) flushSync(() => root.render(app));
  else root.render(app);
}
