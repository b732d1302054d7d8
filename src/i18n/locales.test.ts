import { describe, expect, it } from 'vitest';
import { chooseLocale, matchLocale } from './locales';

describe('matchLocale', () => {
  it.each([
    ['ru', 'ru-RU'],
    ['ru-UA', 'ru-RU'],
    ['es', 'es-MX'],
    ['es-ES', 'es-MX'],
    ['es_419', 'es-MX'],
    ['en-GB', 'en'],
    ['EN', 'en'],
    ['en-XA', 'en-XA'],
    ['de-DE', null],
    ['', null],
    [null, null],
  ])('%s → %s', (tag, expected) => {
    expect(matchLocale(tag)).toBe(expected);
  });
});

describe('chooseLocale', () => {
  const browser = ['de-DE', 'es-MX', 'en-US'];
  it('the recipient’s own choice wins over the link and the browser', () => {
    expect(chooseLocale({ chosen: 'en', link: 'ru-RU', browser })).toEqual({ locale: 'en', source: 'chosen' });
  });
  it('then the link’s language (the sender’s)', () => {
    expect(chooseLocale({ chosen: null, link: 'ru-RU', browser })).toEqual({ locale: 'ru-RU', source: 'link' });
  });
  it('then the first browser language spoken here, skipping the others', () => {
    expect(chooseLocale({ chosen: null, link: null, browser })).toEqual({ locale: 'es-MX', source: 'browser' });
  });
  it('then English', () => {
    expect(chooseLocale({ chosen: null, link: null, browser: ['de', 'fr'] })).toEqual({ locale: 'en', source: 'default' });
  });
  it('ignores what it cannot use: a stored or linked value it does not know, a pseudo-locale from a browser', () => {
    expect(chooseLocale({ chosen: 'xx', link: 'zz', browser: ['en-XA', 'ru'] })).toEqual({ locale: 'ru-RU', source: 'browser' });
    expect(chooseLocale({ chosen: null, link: 'en-XA', browser: [] })).toEqual({ locale: 'en-XA', source: 'link' });
  });
});
