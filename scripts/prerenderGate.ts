import { createHash } from 'node:crypto';

/**
 * The one inline script of index.html, in its <head>: the build-time overview (scripts/prerenderPlugin.ts) is the
 * default address's page, so any other address (a view, filters, a link, a dashboard, a snapshot in the fragment)
 * hides it before the first paint and shows the loading line instead; so does a page in another language than English. The Content-Security-Policy allows exactly this
 * script by its hash.
 */
export const PRERENDER_GATE_SCRIPT =
  "(function(){var off=location.search||location.hash.indexOf('=')>=0,kept=null;" +
  // The overview is drawn in English: a page that opens in another language (src/i18n/locales.ts's chooseLocale: a
  // language chosen and kept here, else the first of the browser's that Marketscope speaks) shows the loading line.
  "try{kept=localStorage.getItem('marketscope-locale')}catch(e){}" +
  "if(kept)off=off||kept!=='en';" +
  "else{var tags=navigator.languages||[navigator.language];for(var i=0;i<tags.length;i++){var m=/^(en|ru|es)\\b/i.exec(tags[i]||'');if(m){off=off||m[1].toLowerCase()!=='en';break}}}" +
  "if(off)document.documentElement.classList.add('prerender-off')})()";

/** The CSP source that allows {@link PRERENDER_GATE_SCRIPT}. */
export const PRERENDER_GATE_HASH = `'sha256-${createHash('sha256').update(PRERENDER_GATE_SCRIPT).digest('base64')}'`;
