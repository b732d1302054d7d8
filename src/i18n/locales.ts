/**
 * The languages Marketscope speaks. English is the source language: its strings are the `defaultMessage`s of the
 * `messages.ts` beside each feature; Russian and Mexican Spanish are catalogs beside them (`messages.ru-RU.json`,
 * `messages.es-MX.json`), one chunk per locale, loaded only when chosen. `en-XA` is a pseudo-locale for developers:
 * every English string accented and made about 40% longer, to find truncation, overflow and strings that bypass the
 * catalog (anything still plain English on screen).
 */
export const LOCALES = ['en', 'ru-RU', 'es-MX'] as const;
export type AppLocale = (typeof LOCALES)[number];
export const PSEUDO_LOCALE = 'en-XA';
export type AnyLocale = AppLocale | typeof PSEUDO_LOCALE;

/** Each language's own name for itself, as the language picker lists them (with `lang` set on each). */
export const LOCALE_NAMES: Readonly<Record<AnyLocale, string>> = {
  en: 'English',
  'ru-RU': 'Русский',
  'es-MX': 'Español (México)',
  'en-XA': 'Ƥşḗŭḓǿ (en-XA)',
};

/** The locale numbers and dates are formatted in (src/lib/format.ts): English as en-US, like the sources print. */
export function formatLocaleOf(locale: AnyLocale): 'en-US' | 'ru-RU' | 'es-MX' {
  return locale === 'en' || locale === PSEUDO_LOCALE ? 'en-US' : locale;
}

export function isAnyLocale(text: string): text is AnyLocale {
  return (LOCALES as readonly string[]).includes(text) || text === PSEUDO_LOCALE;
}

/**
 * The app locale for a BCP 47 tag from a browser, a link or storage: `ru`, `ru-RU`, `ru-UA` → `ru-RU`; any Spanish
 * → `es-MX` (the one Spanish we have); any English → `en`; `en-XA` exactly → the pseudo-locale; anything else → null.
 */
export function matchLocale(tag: string | null | undefined): AnyLocale | null {
  if (!tag) return null;
  const trimmed = tag.trim();
  if (trimmed.toLowerCase() === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
  const language = trimmed.toLowerCase().split(/[-_]/)[0];
  if (language === 'ru') return 'ru-RU';
  if (language === 'es') return 'es-MX';
  if (language === 'en') return 'en';
  return null;
}

/** Where the active locale came from. */
export type LocaleSource = 'chosen' | 'link' | 'browser' | 'default';

/**
 * Which language a page opens in. The recipient's own choice (made in the language picker, kept in this browser)
 * wins; then the language of the link they opened (`lang=`, the sender's language when they copied it); then the
 * first of the browser's languages that Marketscope speaks; then English.
 */
export function chooseLocale(input: { chosen: string | null; link: string | null; browser: readonly string[] }): {
  locale: AnyLocale;
  source: LocaleSource;
} {
  const chosen = matchLocale(input.chosen);
  if (chosen) return { locale: chosen, source: 'chosen' };
  const linked = matchLocale(input.link);
  if (linked) return { locale: linked, source: 'link' };
  for (const tag of input.browser) {
    const match = matchLocale(tag);
    // The pseudo-locale is only ever asked for by name, never picked up from a browser.
    if (match && match !== PSEUDO_LOCALE) return { locale: match, source: 'browser' };
  }
  return { locale: 'en', source: 'default' };
}

/** The parameter a shared link carries its language in. */
export const LANG_PARAM = 'lang';
/** Where this browser keeps the language the user chose. */
export const LOCALE_STORAGE_KEY = 'marketscope-locale';
