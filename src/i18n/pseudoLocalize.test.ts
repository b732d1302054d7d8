import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { pseudoLocalize } from './pseudoLocalize';

describe('pseudoLocalize', () => {
  it('accents letters and pads by about 40%', () => {
    expect(pseudoLocalize('Copy link')).toBe('Ƈǿƥẏ ŀīƞķ····');
  });

  it('keeps placeholders, plurals, selects and tags working', () => {
    const message = pseudoLocalize('{count, plural, one {# row} other {# rows}} in <b>{file}</b>, {kind, select, csv {CSV} other {file}}');
    const intl = createIntl({ locale: 'en-US', messages: { m: message } });
    const text = intl.formatMessage({ id: 'm' }, { count: 2, file: 'a.csv', kind: 'csv', b: (parts) => `[${parts.join('')}]` });
    expect(text).toBe('2 řǿẇş·· īƞ· [a.csv], ƇŞṼ··');
  });

  it('escapes apostrophes and braces in the text the way ICU reads them', () => {
    const message = pseudoLocalize("It's '{'literal'}'");
    const intl = createIntl({ locale: 'en-US', messages: { m: message } });
    expect(intl.formatMessage({ id: 'm' })).toBe("Īŧ'ş {ŀīŧḗřȧŀ}····");
  });
});
