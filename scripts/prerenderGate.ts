import { createHash } from 'node:crypto';

/**
 * The one inline script of index.html, in its <head>: the build-time overview (scripts/prerenderPlugin.ts) is the
 * default address's page, so any other address (a view, filters, a link, a dashboard, a snapshot in the fragment)
 * hides it before the first paint and shows the loading line instead. The Content-Security-Policy allows exactly this
 * script by its hash.
 */
export const PRERENDER_GATE_SCRIPT =
  "if(location.search||location.hash.indexOf('=')>=0)document.documentElement.classList.add('prerender-off')";

/** The CSP source that allows {@link PRERENDER_GATE_SCRIPT}. */
export const PRERENDER_GATE_HASH = `'sha256-${createHash('sha256').update(PRERENDER_GATE_SCRIPT).digest('base64')}'`;
