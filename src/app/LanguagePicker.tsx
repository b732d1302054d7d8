import { useState } from 'react';
import { chooseLanguage, LOCALE_NAMES, LOCALES, PSEUDO_LOCALE, useLocale, useT, type AnyLocale } from '../i18n';
import { messages } from './messages';

/**
 * The header's language picker: each language in its own name. The choice is kept in this browser and wins over the
 * language of links opened later. The pseudo-locale is listed only in development, or once it is active.
 */
export function LanguagePicker() {
  const locale = useLocale();
  const tr = useT();
  const [pending, setPending] = useState<AnyLocale | null>(null);
  const options: AnyLocale[] = import.meta.env.DEV || locale === PSEUDO_LOCALE ? [...LOCALES, PSEUDO_LOCALE] : [...LOCALES];
  return (
    <label className="theme-picker">
      <span className="field-label">{tr(messages.language)}</span>
      <select
        className="select"
        value={pending ?? locale}
        aria-busy={pending !== null}
        onChange={(event) => {
          const next = event.target.value as AnyLocale;
          setPending(next);
          void chooseLanguage(next).finally(() => setPending(null));
        }}
        data-testid="language"
      >
        {options.map((option) => (
          <option key={option} value={option} lang={option === 'en' ? 'en' : option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
