/**
 * Country codes (ISO 3166-1 alpha-2) to names and flags. English names come from the browser's own data (no tables to
 * ship); in another language the locale's chunk brings i18n-iso-countries' names (src/i18n/catalogs), set here.
 */

const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const ISO2 = /^[A-Z]{2}$/;
let localNames: ((code: string) => string | undefined) | null = null;

/** The active language's country names (null: English). */
export function setCountryNames(lookup: ((code: string) => string | undefined) | null): void {
  localNames = lookup;
}

/** 'RU' → 'Russia' ('Россия' in Russian); an unknown code is returned as it is. */
export function countryName(code: string): string {
  if (!ISO2.test(code)) return code;
  const local = localNames?.(code);
  if (local) return local;
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** 'RU' → '🇷🇺' (regional indicator symbols); '' for anything that is not a two-letter code. */
export function countryFlag(code: string): string {
  if (!ISO2.test(code)) return '';
  return String.fromCodePoint(...[...code].map((letter) => 0x1f1e6 + letter.charCodeAt(0) - 65));
}

/** 'RU' → '🇷🇺 Russia'. */
export function countryLabel(code: string): string {
  const flag = countryFlag(code);
  return flag ? `${flag} ${countryName(code)}` : countryName(code);
}
