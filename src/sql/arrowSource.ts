/**
 * The read expression of a file decoded in JavaScript (Parquet, Excel) and handed to the engine as a table whose
 * columns are `f0` … `fN` (see fieldName). The upload selects from it exactly as it selects from `read_csv(...)`.
 */
import { fieldName } from './ingest';
import { quoteIdentifier } from './literals';

/** `(SELECT "f0", …, "fN" FROM "<table>")`: a FROM item with exactly the read columns, in order. */
export function buildDecodedTableRead(table: string, fieldCount: number): string {
  if (!Number.isInteger(fieldCount) || fieldCount < 1) throw new RangeError(`a decoded table needs at least one column, got ${fieldCount}`);
  const fields = Array.from({ length: fieldCount }, (_, index) => quoteIdentifier(fieldName(index)));
  return `(SELECT ${fields.join(', ')} FROM ${quoteIdentifier(table)})`;
}
