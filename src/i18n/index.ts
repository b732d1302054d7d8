export { LOCALES, LOCALE_NAMES, PSEUDO_LOCALE, LANG_PARAM, matchLocale, chooseLocale, formatLocaleOf, type AnyLocale, type AppLocale } from './locales';
export { t, intl, activeLocale, activateLocale, switchLocale, subscribeLocale, type Message } from './runtime';
export { localText, localList, lowerCased, labelInSentence, isLocalText, formatLocalText, localTextKey, errorText, type LocalText, type LocalList, type LocalValue, type ShownText } from './localText';
export { I18nProvider, useT, useLocale, useIntlShape } from './react';
export { initialLocale, chooseLanguage, withLanguage, linkWithLanguage } from './startup';
export { defineMessages, FormattedMessage } from 'react-intl';
