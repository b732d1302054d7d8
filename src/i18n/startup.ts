import { chooseLocale, LANG_PARAM, LOCALE_STORAGE_KEY, type AnyLocale, type LocaleSource } from './locales';
import { activeLocale, switchLocale } from './runtime';

/** The language this page opens in (see chooseLocale): the user's choice, the link's, the browser's, English. */
export function initialLocale(): { locale: AnyLocale; source: LocaleSource } {
  let chosen: string | null = null;
  try {
    chosen = localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // Storage refused (a sandboxed frame, strict privacy settings): nothing was chosen here.
  }
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
  return chooseLocale({ chosen, link: new URLSearchParams(location.search).get(LANG_PARAM), browser });
}

/** The user picked a language: kept in this browser (it then wins over links), loaded and shown. */
export async function chooseLanguage(locale: AnyLocale): Promise<void> {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not kept: it still applies to this page.
  }
  await switchLocale(locale);
  // An address that carries a link's language now carries the chosen one (a reload keeps it).
  const params = new URLSearchParams(location.search);
  if (params.has(LANG_PARAM)) {
    params.set(LANG_PARAM, locale);
    history.replaceState(history.state, '', `${location.pathname}?${params.toString()}${location.hash}`);
  }
}

/** The query string of a link to share, with the active language (a recipient who chose none opens it in this one). */
export function withLanguage(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(LANG_PARAM);
  params.set(LANG_PARAM, activeLocale());
  return params.toString();
}

/**
 * A link made by shareUrl with the active language added after any compression (`?v=1&z=…&lang=ru-RU`): the language
 * never counts toward the length that decides compression, and stays readable in the link.
 */
export function linkWithLanguage(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${LANG_PARAM}=${encodeURIComponent(activeLocale())}`;
}
