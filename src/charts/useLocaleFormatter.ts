import { useMemo } from 'react';
import { useLocale, type AnyLocale } from '../i18n';

/**
 * `format`, as a new function whenever the language changes. Recharts' axes are memoised on their props: a formatter
 * that is the same function in every language (formatCompact, formatMonth) would leave the ticks in the old one.
 */
export function useLocaleFormatter<T, R>(format: (value: T) => R): (value: T) => R {
  const locale = useLocale();
  return useMemo(() => forLocale(format, locale), [format, locale]);
}

function forLocale<T, R>(format: (value: T) => R, _locale: AnyLocale): (value: T) => R {
  return (value) => format(value);
}
