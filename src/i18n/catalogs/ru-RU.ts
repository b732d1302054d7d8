import countries from 'i18n-iso-countries/langs/ru.json';
import { mergeCatalogs, countryLookup } from './merge';
import type { LocaleBundle } from '../runtime';

/** Every `messages.ru-RU.json` in the app, as one chunk: only a Russian page loads it. */
const files = import.meta.glob<Record<string, string>>('/src/**/messages.ru-RU.json', { eager: true, import: 'default' });

export const bundle: LocaleBundle = { messages: mergeCatalogs(files), countryNames: countryLookup(countries.countries) };
