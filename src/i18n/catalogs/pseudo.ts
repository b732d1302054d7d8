import { englishCatalog } from '../english';
import { pseudoLocalize } from '../pseudoLocalize';
import type { LocaleBundle } from '../runtime';

/** The pseudo-locale (en-XA) from every English message, made when a developer asks for it (`?lang=en-XA`). */
const modules = import.meta.glob<Record<string, unknown>>('/src/**/messages.ts', { eager: true });

export const bundle: LocaleBundle = {
  messages: Object.fromEntries([...englishCatalog(modules).values()].map((message) => [message.id, pseudoLocalize(message.defaultMessage)])),
  countryNames: (code) => {
    const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
    return english === undefined ? undefined : pseudoLocalize(english.replace(/[{}'<>]/g, ''));
  },
};
