/** The text with its first character in upper case: "monthly visits" → "Monthly visits". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
