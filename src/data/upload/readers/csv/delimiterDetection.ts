/**
 * The delimiter and the escape character of a CSV sample, when the person has not chosen them: the delimiter that
 * splits the first records most consistently, and a backslash escape only when it is clearly there.
 */
import { commonFieldCount, completeRecords, parseRecords } from './sampleRecords';

/** The delimiters the sniffer tries, in this order unless the file is named .tsv. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Records parsed per delimiter candidate. */
const DETECTION_RECORDS = 50;

/**
 * The candidate giving the most consistent field count above one across the first records (quote-aware); ties go
 * to more fields, then to the usual order (tab first for .tsv files).
 */
export function detectDelimiter(text: string, fileName: string, quote: string, truncated: boolean): string {
  const tsv = /\.(tsv|tab)(\.gz)?$/i.test(fileName);
  const order: readonly string[] = tsv ? ['\t', ',', ';', '|'] : DELIMITERS;
  let best: { delimiter: string; consistency: number; fields: number } | null = null;
  for (const delimiter of order) {
    if (!text.includes(delimiter)) continue;
    const records = completeRecords(parseRecords(text, { delimiter, quote, escape: quote }, DETECTION_RECORDS), truncated);
    const fields = commonFieldCount(records);
    if (fields <= 1) continue;
    const consistency = records.filter((r) => r.fields.length === fields).length / records.length;
    if (!best || consistency > best.consistency || (consistency === best.consistency && fields > best.fields)) {
      best = { delimiter, consistency, fields };
    }
  }
  return best?.delimiter ?? order[0]!;
}

/**
 * Backslash escaping only when clearly present: `\"` inside values (not just before a delimiter or line end,
 * where it may be a value ending in a backslash) and no doubled quotes inside values.
 */
export function detectEscape(text: string, delimiter: string, quote: string): string {
  const ends = (c: string | undefined) => c === undefined || c === delimiter || c === '\n';
  let backslashed = 0;
  let doubled = 0;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    const before = text[i - 1];
    if (before === '\\' && !ends(text[i + 1])) backslashed++;
    else if (text[i + 1] === quote && !ends(before) && !ends(text[i + 2])) {
      doubled++;
      i++;
    }
  }
  return backslashed >= 2 && doubled === 0 ? '\\' : quote;
}
