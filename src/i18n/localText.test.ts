import { afterEach, describe, expect, it } from 'vitest';
import { localText, localTextKey, switchLocale, t } from '.';
import { messages as stateMessages } from '../state/messages';
import { messages as viewMessages } from '../views/messages';

afterEach(async () => {
  await switchLocale('en');
});

describe('a LocalText', () => {
  const notice = localText(stateMessages.ignoredValue, {
    name: 'top',
    value: '"99"',
    expected: localText(viewMessages.expectedWholeNumber, { max: 50 }),
  });

  it('is said in the language active when it is said, its translatable values with it', async () => {
    expect(t(notice)).toBe('Ignored top="99": expected a whole number from 1 to 50.');
    await switchLocale('ru-RU');
    expect(t(notice)).toBe('Пропущено top="99": ожидается целое число от 1 до 50.');
    await switchLocale('es-MX');
    expect(t(notice)).toBe('Se ignoró top="99": se esperaba un número entero de 1 a 50.');
  });

  it('is plain data: copied through JSON it says the same', async () => {
    const copy = JSON.parse(JSON.stringify(notice)) as typeof notice;
    await switchLocale('ru-RU');
    expect(t(copy)).toBe(t(notice));
  });

  it('has a key that is the same in every language and tells different texts apart', async () => {
    const key = localTextKey(notice);
    await switchLocale('ru-RU');
    expect(localTextKey(notice)).toBe(key);
    expect(localTextKey(localText(stateMessages.ignoredValue, { ...notice.values, name: 'cohortMonths' }))).not.toBe(key);
  });
});
