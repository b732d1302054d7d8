import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { englishCatalog } from './english';
import { mergeCatalogs } from './catalogs/merge';
import { pseudoLocalize } from './pseudoLocalize';

/**
 * The catalogs against the code's English messages: a message missing from a language, left over after its English
 * was removed, that does not parse, that names other placeholders, or that lacks a plural form the language needs,
 * fails here (and so `npm test`), never on screen.
 */
const modules = import.meta.glob<Record<string, unknown>>('/src/**/messages.ts', { eager: true });
const english = englishCatalog(modules);
const catalogs = {
  'ru-RU': import.meta.glob<Record<string, string>>('/src/**/messages.ru-RU.json', { eager: true, import: 'default' }),
  'es-MX': import.meta.glob<Record<string, string>>('/src/**/messages.es-MX.json', { eager: true, import: 'default' }),
};

/** Every placeholder and tag a message uses, with its kind (`count:plural`, `name:argument`, `b:tag`). */
function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        found.add(`${element.value}:argument`);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        found.add(`${element.value}:${TYPE[element.type]}`);
        break;
      case TYPE.plural:
      case TYPE.select:
        found.add(`${element.value}:${element.type === TYPE.select ? 'select' : 'plural'}`);
        for (const option of Object.values(element.options)) placeholders(option.value, found);
        break;
      case TYPE.tag:
        found.add(`${element.value}:tag`);
        placeholders(element.children, found);
        break;
      default:
        break;
    }
  }
  return found;
}

/** The plural forms a message offers for each plural placeholder. */
function pluralForms(elements: MessageFormatElement[], found: string[][] = []): string[][] {
  for (const element of elements) {
    if (element.type === TYPE.plural && element.pluralType !== 'ordinal') found.push(Object.keys(element.options));
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) pluralForms(option.value, found);
    if (element.type === TYPE.tag) pluralForms(element.children, found);
  }
  return found;
}

/**
 * The forms a language needs: CLDR's categories, except Spanish "many" (new in CLDR 42, for "1 millón de …"), which
 * falls back to "other" and no Spanish message here needs.
 */
function neededForms(locale: string): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  return categories.filter((category) => !(locale.startsWith('es') && category === 'many'));
}

describe('the English messages', () => {
  it('exist, have unique ids of the form area.name, and parse', () => {
    expect(english.size).toBeGreaterThan(20);
    for (const message of english.values()) {
      expect(message.id, message.file).toMatch(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/);
      expect(() => parse(message.defaultMessage), `${message.id} in ${message.file}`).not.toThrow();
      for (const forms of pluralForms(parse(message.defaultMessage))) expect(forms, message.id).toEqual(expect.arrayContaining(['one', 'other']));
    }
  });

  it('each have a catalog file beside them for every language', () => {
    for (const file of Object.keys(modules)) {
      for (const [locale, files] of Object.entries(catalogs)) {
        expect(Object.keys(files), `${file} has no messages.${locale}.json beside it`).toContain(file.replace(/messages\.ts$/, `messages.${locale}.json`));
      }
    }
  });
});

describe.each(Object.entries(catalogs))('the %s catalog', (locale, files) => {
  const merged = mergeCatalogs(files);

  it('translates every English message, in the file beside it, and nothing else', () => {
    const missing = [...english.values()].filter((message) => !Object.hasOwn(merged, message.id)).map((message) => `${message.id} (${message.file})`);
    expect(missing, `missing from ${locale}`).toEqual([]);
    const stale = Object.keys(merged).filter((id) => !english.has(id));
    expect(stale, `in the ${locale} catalog but not in the code`).toEqual([]);
    for (const [file, messages] of Object.entries(files)) {
      const home = file.replace(`messages.${locale}.json`, 'messages.ts');
      for (const id of Object.keys(messages)) expect(english.get(id)?.file, `${id} in ${file}`).toBe(home);
    }
  });

  it('uses the same placeholders as the English, with the plural forms the language needs', () => {
    for (const message of english.values()) {
      const translation = merged[message.id];
      if (translation === undefined) continue;
      let ast: MessageFormatElement[] = [];
      expect(() => (ast = parse(translation)), `${message.id} in ${locale}`).not.toThrow();
      expect([...placeholders(ast)].sort(), `${message.id} in ${locale}`).toEqual([...placeholders(parse(message.defaultMessage))].sort());
      for (const forms of pluralForms(ast)) expect(forms, `${message.id} in ${locale}`).toEqual(expect.arrayContaining(neededForms(locale)));
      expect(translation.trim(), `${message.id} in ${locale} is empty`).not.toBe('');
    }
  });

  it('is translated, not copied: most messages differ from the English', () => {
    const same = [...english.values()].filter((message) => merged[message.id] === message.defaultMessage);
    expect(same.length / english.size).toBeLessThan(0.1);
  });
});

describe('the pseudo-locale', () => {
  it('keeps every placeholder working and makes every message longer and accented', () => {
    for (const message of english.values()) {
      const pseudo = pseudoLocalize(message.defaultMessage);
      expect([...placeholders(parse(pseudo))].sort(), message.id).toEqual([...placeholders(parse(message.defaultMessage))].sort());
      if (/[A-Za-z]/.test(message.defaultMessage.replace(/\{[^}]*\}/g, ''))) {
        // Against the English as the printer writes it (it drops optional spaces in plurals and selects).
        expect(pseudo.length, message.id).toBeGreaterThan(printAST(parse(message.defaultMessage)).length);
        expect(pseudo, message.id).not.toMatch(/^[\x20-\x7e]*$/);
      }
    }
  });
});
