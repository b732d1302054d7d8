import countries from 'i18n-iso-countries/langs/es.json';
import { mergeCatalogs, countryLookup } from './merge';
import type { LocaleBundle } from '../runtime';

/** Every `messages.es-MX.json` in the app, as one chunk: only a Mexican Spanish page loads it. */
const files = import.meta.glob<Record<string, string>>('/src/**/messages.es-MX.json', { eager: true, import: 'default' });

export const bundle: LocaleBundle = { messages: mergeCatalogs(files), countryNames: countryLookup(countries.countries) };
