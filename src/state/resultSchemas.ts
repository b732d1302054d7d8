// zod/mini, as for view states: a snapshot's results arrive from a link or a file and are checked the same way.
import { z } from 'zod/mini';
import { IDENTIFIER, MONTH } from './viewState';

/**
 * Building blocks for the shapes of query results a snapshot carries (src/data/snapshot.ts and each view's
 * declaration): every list and text capped, every number finite (zod 4 numbers refuse NaN and ±Infinity).
 */

/** Items in one list: rows of a result, members of one dimension, months of a series. */
export const MAX_ITEMS = 50_000;
/** Characters in one text from the data: a member's name, an event's description. */
export const MAX_TEXT = 4_000;

export const text = (max = MAX_TEXT) => z.string().check(z.maxLength(max));
export const list = <T extends z.ZodMiniType>(item: T, max = MAX_ITEMS) => z.array(item).check(z.maxLength(max));
export const identifier = z.string().check(z.regex(IDENTIFIER));
export const month = z.string().check(z.regex(MONTH));
export const number = z.number();
export const maybeNumber = z.nullable(z.number());
export const maybeText = z.nullable(text());
