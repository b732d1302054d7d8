import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, index) => [
    letter,
    [...'ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ'][index]!,
  ]),
);

/**
 * An English ICU message as the pseudo-locale shows it: its letters accented and every text part padded by about 40%
 * (German and Russian run that much longer), placeholders, plurals and tags kept working. "Copy link" →
 * "Ƈǿƥẏ ŀīƞķ····".
 */
export function pseudoLocalize(message: string): string {
  return printAST(transform(parse(message)));
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    switch (element.type) {
      case TYPE.literal:
        return { ...element, value: stretch(element.value) };
      case TYPE.plural:
      case TYPE.select:
        return {
          ...element,
          options: Object.fromEntries(Object.entries(element.options).map(([key, option]) => [key, { ...option, value: transform(option.value) }])),
        };
      case TYPE.tag:
        return { ...element, children: transform(element.children) };
      default:
        return element;
    }
  });
}

function stretch(text: string): string {
  const accented = [...text].map((char) => ACCENTED[char] ?? char).join('');
  const letters = text.replace(/[^A-Za-z]/g, '').length;
  // The padding goes before trailing spaces, so that words stay apart from the placeholders after them.
  return letters === 0 ? accented : accented.replace(/(\s*)$/, `${'·'.repeat(Math.ceil(letters * 0.4))}$1`);
}
