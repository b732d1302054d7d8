import { describe, expect, it } from 'vitest';
import { PRERENDER_GATE_SCRIPT } from '../../scripts/prerenderGate';
import { LOCALE_STORAGE_KEY } from '../../src/i18n/locales';

/** Runs the gate script against a made-up page; true when it hides the build-time overview. */
function hides(page: { search?: string; hash?: string; kept?: string | null; languages?: string[]; storageThrows?: boolean }): boolean {
  const classes = new Set<string>();
  const window = {
    location: { search: page.search ?? '', hash: page.hash ?? '' },
    localStorage: {
      getItem: (key: string) => {
        if (page.storageThrows) throw new Error('denied');
        return key === LOCALE_STORAGE_KEY ? (page.kept ?? null) : null;
      },
    },
    navigator: { languages: page.languages ?? ['en-US'], language: (page.languages ?? ['en-US'])[0] },
    document: { documentElement: { classList: { add: (name: string) => classes.add(name) } } },
  };
  new Function('location', 'localStorage', 'navigator', 'document', PRERENDER_GATE_SCRIPT)(window.location, window.localStorage, window.navigator, window.document);
  return classes.has('prerender-off');
}

describe('the prerender gate script', () => {
  it('keeps the English overview for the default address in an English browser', () => {
    expect(hides({})).toBe(false);
    expect(hides({ languages: ['de-DE', 'en-GB', 'ru'] })).toBe(false);
    expect(hides({ languages: ['de-DE'] })).toBe(false);
    expect(hides({ storageThrows: true })).toBe(false);
    expect(hides({ kept: 'en', languages: ['ru-RU'] })).toBe(false);
  });

  it('hides it at any other address', () => {
    expect(hides({ search: '?tab=trend' })).toBe(true);
    expect(hides({ hash: '#snap=abc' })).toBe(true);
  });

  it('hides it for a page that opens in another language, as chooseLocale picks it', () => {
    expect(hides({ languages: ['ru-RU', 'en'] })).toBe(true);
    expect(hides({ languages: ['de', 'es-MX', 'en'] })).toBe(true);
    expect(hides({ kept: 'ru-RU' })).toBe(true);
    expect(hides({ kept: 'en-XA' })).toBe(true);
  });
});
