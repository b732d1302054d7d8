/**
 * Column names the upload can use, from the names a file gives its columns: a CSV header (csv/sniff.ts) or the names
 * a decoded table carries (decoded/textTable.ts). Shared by every reader, so every format names columns alike.
 */
import { localList, localText, type LocalText } from '../../../i18n';
import { messages } from '../messages';
import type { SniffResult, SniffWarning } from '../dialect';

/** Long header names are cut: they are labels, not data. */
const MAX_NAME_LENGTH = 256;

/** Column names made unique, non-empty and tidy (see SniffResult.columns), with a warning listing what was renamed. */
export function makeColumns(
  rawNames: string[],
  count: number,
  name: string,
  warnings: SniffWarning[],
): SniffResult['columns'] {
  // Control characters (line breaks in a quoted header) become spaces; the rest is kept verbatim.
  const bases = Array.from({ length: count }, (_, i) => {
    // eslint-disable-next-line no-control-regex -- control characters are what this replaces
    const cleaned = (rawNames[i] ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
    return cleaned === '' ? `column_${i + 1}` : cleaned;
  });
  // SQL identifiers are case-insensitive: 'Price' and 'price' collide.
  const key = (s: string) => s.toLowerCase();
  const taken = new Set(bases.map(key));
  const used = new Set<string>();
  const renamed: LocalText[] = [];
  const columns = bases.map((base, index) => {
    let final = base;
    if (used.has(key(base))) {
      let k = 2;
      while (taken.has(key(`${base}_${k}`)) || used.has(key(`${base}_${k}`))) k++;
      final = `${base}_${k}`;
    }
    used.add(key(final));
    const originalName = rawNames[index] ?? '';
    if (rawNames.length > 0 && final !== originalName) {
      const was = originalName.trim() === '' ? localText(messages.noName) : JSON.stringify(originalName);
      renamed.push(localText(messages.renamedOne, { index: String(index + 1), was, name: final }));
    }
    return { index, name: final, originalName };
  });
  if (renamed.length > 0) {
    const shown = [...renamed.slice(0, 5), ...(renamed.length > 5 ? [localText(messages.renamedMore, { count: renamed.length - 5 })] : [])];
    warnings.push({
      code: 'renamed-columns',
      message: localText(messages.renamedColumns, { file: name, renamed: localList(shown, '; ') }),
    });
  }
  return columns;
}
