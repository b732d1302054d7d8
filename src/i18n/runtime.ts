import { createIntl, createIntlCache, type IntlShape, type MessageDescriptor } from 'react-intl';
import { setFormatLocale } from '../lib/format';
import { setCountryNames } from '../lib/countries';
import { formatLocaleOf, type AnyLocale } from './locales';
import { formatLocalText, isLocalText, type ShownText } from './localText';

/** A message's values: primitives, or functions that wrap a rich-text part (`<b>…</b>`) in elements. */
export type MessageValues = Parameters<IntlShape['formatMessage']>[1];
/** Messages as `defineMessages` makes them: an id and the English text. */
export type Message = MessageDescriptor & { id: string; defaultMessage: string };
/** What a locale's chunk provides: its messages and its country names. */
export interface LocaleBundle {
  messages: Record<string, string>;
  countryNames?: (code: string) => string | undefined;
}

const cache = createIntlCache();
let active: { locale: AnyLocale; intl: IntlShape } = { locale: 'en', intl: make('en', {}) };
const listeners = new Set<() => void>();

function make(locale: AnyLocale, messages: Record<string, string>): IntlShape {
  return createIntl(
    {
      locale: formatLocaleOf(locale),
      // English is the code's own text: no catalog, no "missing translation" for it.
      defaultLocale: 'en-US',
      messages,
      onError(error) {
        // A message missing from a catalog shows its English text (never its id); the catalog test
        // (src/i18n/catalogs.test.ts) fails on it, so this is only reached by a catalog edited by hand.
        if (import.meta.env?.DEV) console.warn(`[i18n] ${error.message}`);
      },
    },
    cache,
  );
}

/** The active locale's formatter, for code outside React (errors, exports, notices). */
export function intl(): IntlShape {
  return active.intl;
}

/** The active locale. */
export function activeLocale(): AnyLocale {
  return active.locale;
}

/**
 * A message in the active locale; or a {@link LocalText} (kept to be said when shown), said in it now; a plain string
 * (a {@link ShownText} that is no one's to translate, such as a server's answer) as it is.
 */
export function t(message: Message | ShownText, values?: Record<string, string | number | boolean | Date | null | undefined>): string {
  if (typeof message === 'string') return message;
  return isLocalText(message) ? formatLocalText(active.intl, message) : active.intl.formatMessage(message, values);
}

/** Makes `locale` active with its bundle: messages, number and date formats, country names. Tells the subscribers. */
export function activateLocale(locale: AnyLocale, bundle: LocaleBundle): void {
  active = { locale, intl: make(locale, bundle.messages) };
  setFormatLocale(formatLocaleOf(locale));
  setCountryNames(bundle.countryNames ?? null);
  if (typeof document !== 'undefined') document.documentElement.lang = locale === 'en' ? 'en' : locale;
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the active locale changes; returns the unsubscribe. */
export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The bundle of a locale: English is built in; the others are a chunk each, loaded on demand. */
export async function loadLocaleBundle(locale: AnyLocale): Promise<LocaleBundle> {
  switch (locale) {
    case 'en':
      return { messages: {} };
    case 'ru-RU':
      return (await import('./catalogs/ru-RU')).bundle;
    case 'es-MX':
      return (await import('./catalogs/es-MX')).bundle;
    case 'en-XA':
      return (await import('./catalogs/pseudo')).bundle;
  }
}

/** Loads and activates a locale. */
export async function switchLocale(locale: AnyLocale): Promise<void> {
  activateLocale(locale, await loadLocaleBundle(locale));
}
