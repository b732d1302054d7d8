import type { IntlShape } from 'react-intl';
import type { Message } from './runtime';

/**
 * A value of a {@link LocalText}: a word or number as it is (a file name, a column, a month), a text to translate, or
 * a list of them.
 */
export type LocalValue = string | number | boolean | null | undefined | LocalText | LocalList;

/**
 * Values said one after another: `separator` between them (`column 2 → a; column 3 → b`), or without one as the
 * language lists alternatives (`type: 'disjunction'`: "a, b or c") or items ("a, b and c").
 */
export interface LocalList {
  readonly items: readonly LocalValue[];
  readonly separator?: string;
  readonly type?: 'conjunction' | 'disjunction';
}

/**
 * What is shown of a failure or a refusal: a text to be said when shown, or words that are no one's to translate (a
 * server's answer, a browser's error) as they are.
 */
export type ShownText = LocalText | string;

/**
 * A text to be said in the language active when it is shown, not the one active when it was made: a notice about a
 * link, a warning about a file, an error kept in state. Plain data (a message descriptor and its values), so it can
 * be kept, compared and copied; show it with `t(text)` outside React or `useT()(text)` in a component, which then
 * re-renders in the new language after a switch. Values that are themselves texts are translated along with it.
 */
export interface LocalText {
  readonly message: Message;
  readonly values?: Readonly<Record<string, LocalValue>>;
  /** Said in lower case (a label inside a sentence: "countries"). */
  readonly lowerCase?: boolean;
}

/** `localText(messages.ignoredValue, { name, value })`: the message, to be said when shown. */
export function localText(message: Message, values?: Record<string, LocalValue>): LocalText {
  return values === undefined ? { message } : { message, values };
}

/**
 * `localList(items, '; ')`: the items, each said when shown, with `separator` between them; `localList(items,
 * 'disjunction')`: listed as alternatives in the language they are shown in.
 */
export function localList(items: readonly LocalValue[], separator: string | 'conjunction' | 'disjunction'): LocalList {
  return separator === 'conjunction' || separator === 'disjunction' ? { items, type: separator } : { items, separator };
}

/**
 * What to show of anything thrown: an error's `localMessage` (a {@link ShownText} kept beside its `message`, which was
 * said in the language of the moment it was thrown), else its message, else the value as text.
 */
export function errorText(error: unknown): ShownText {
  if (typeof error === 'object' && error !== null && 'localMessage' in error) {
    const kept = (error as { localMessage: unknown }).localMessage;
    if (typeof kept === 'string' || isLocalText(kept)) return kept;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The text said in lower case, as a label is inside a sentence. */
export function lowerCased(text: LocalText): LocalText {
  return { ...text, lowerCase: true };
}

/**
 * A label inside a sentence, in lower case ("countries"): its text, said when the sentence is shown, when it has one
 * (the app's words); else the label as it is (a file's column name), lower-cased now.
 */
export function labelInSentence(label: string, text: LocalText | undefined): LocalValue {
  return text ? lowerCased(text) : label.toLowerCase();
}

/** Whether `value` is a {@link LocalText} (rather than a message descriptor or a plain string). */
export function isLocalText(value: unknown): value is LocalText {
  return typeof value === 'object' && value !== null && 'message' in value && typeof (value as LocalText).message?.id === 'string';
}

/** The text in the language of `intl`, its translatable values with it. */
export function formatLocalText(intl: IntlShape, text: LocalText): string {
  const values: Record<string, string | number | boolean | null | undefined> = {};
  for (const [name, value] of Object.entries(text.values ?? {})) values[name] = formatValue(intl, value);
  const said = text.values ? intl.formatMessage(text.message, values) : intl.formatMessage(text.message);
  return text.lowerCase ? said.toLocaleLowerCase(intl.locale) : said;
}

function formatValue(intl: IntlShape, value: LocalValue): string | number | boolean | null | undefined {
  if (isLocalText(value)) return formatLocalText(intl, value);
  if (typeof value === 'object' && value !== null) {
    const items = value.items.map((item) => String(formatValue(intl, item) ?? ''));
    return value.separator === undefined ? intl.formatList(items, { type: value.type ?? 'conjunction' }) : items.join(value.separator);
  }
  return value;
}

/**
 * The same for every language, and equal for equal texts: a React key, or what to de-duplicate texts by (two
 * notices saying the same thing in one language say it in every other).
 */
export function localTextKey(text: ShownText): string {
  return typeof text === 'string' ? JSON.stringify(text) : JSON.stringify([text.message.id, text.values ?? {}, text.lowerCase ?? false]);
}
