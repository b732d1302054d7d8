import type { Message } from './runtime';

/** Whether `value` is a message as `defineMessages` makes it. */
function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).id === 'string' && typeof (value as Message).defaultMessage === 'string';
}

/**
 * The English catalog: every message the `messages.ts` modules export (each exports `defineMessages({…})` tables),
 * by id. Two messages with one id and different texts are a mistake, refused.
 */
export function englishCatalog(modules: Record<string, Record<string, unknown>>): Map<string, Message & { file: string }> {
  const catalog = new Map<string, Message & { file: string }>();
  for (const [file, exports] of Object.entries(modules)) {
    for (const table of Object.values(exports)) {
      if (typeof table !== 'object' || table === null) continue;
      for (const message of Object.values(table)) {
        if (!isMessage(message)) continue;
        const seen = catalog.get(message.id);
        if (seen && seen.defaultMessage !== message.defaultMessage) {
          throw new Error(`The message id ${message.id} has two texts: in ${seen.file} and in ${file}`);
        }
        catalog.set(message.id, { ...message, file });
      }
    }
  }
  return catalog;
}
