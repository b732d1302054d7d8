import { useCallback, useSyncExternalStore, type ReactNode } from 'react';
import { RawIntlProvider, type IntlShape } from 'react-intl';
import { activeLocale, intl, subscribeLocale, type Message } from './runtime';
import type { AnyLocale } from './locales';
import { formatLocalText, isLocalText, type ShownText } from './localText';

/** Gives the tree the active locale's messages and formats; re-renders it when the language changes. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const current = useSyncExternalStore(subscribeLocale, intl, intl);
  return <RawIntlProvider value={current}>{children}</RawIntlProvider>;
}

/**
 * The active locale's formatter; the component re-renders when the language changes. No provider needed (components
 * render alone in unit tests); for rich text, `formatMessage(message, { b: (parts) => <b>{parts}</b> })`.
 */
export function useIntlShape(): IntlShape {
  return useSyncExternalStore(subscribeLocale, intl, intl);
}

/**
 * `tr(messages.copyLink)` → the message in the active language (`values` fill its placeholders); `tr(text)` says a
 * {@link LocalText} kept in state (a notice, a warning) in it, and a plain string as it is.
 */
export function useT(): (message: Message | ShownText, values?: Record<string, string | number | boolean | Date | null | undefined>) => string {
  const current = useIntlShape();
  return useCallback(
    (message, values) =>
      typeof message === 'string' ? message : isLocalText(message) ? formatLocalText(current, message) : current.formatMessage(message, values),
    [current],
  );
}

/** The active locale; the component re-renders when it changes. */
export function useLocale(): AnyLocale {
  return useSyncExternalStore(subscribeLocale, activeLocale, activeLocale);
}
