/** One locale's catalog files merged into one table of messages; an id in two files is a mistake, refused. */
export function mergeCatalogs(files: Record<string, Record<string, string>>): Record<string, string> {
  const merged: Record<string, string> = Object.create(null);
  for (const [path, messages] of Object.entries(files)) {
    for (const [id, text] of Object.entries(messages)) {
      if (Object.hasOwn(merged, id)) throw new Error(`The message ${id} is in two catalog files (${path} and another)`);
      merged[id] = text;
    }
  }
  return merged;
}

/** i18n-iso-countries' table (a name, or the official name first then short ones) as a lookup by ISO code. */
export function countryLookup(table: Record<string, string | string[]>): (code: string) => string | undefined {
  return (code) => {
    const entry = table[code];
    return Array.isArray(entry) ? entry[0] : entry;
  };
}
