/**
 * JSON from untrusted text, with a size cap checked before parsing. Never throws: gives the value, or which of the
 * two checks failed, for the caller to say in its own words.
 */
export function parseJsonText(text: string, maxChars: number): { json: unknown } | { problem: 'too-large' | 'not-json' } {
  if (text.length > maxChars) return { problem: 'too-large' };
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return { problem: 'not-json' };
  }
}
