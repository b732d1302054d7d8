import { buildCubeStatement } from './ingest';
import { quoteIdentifier } from './literals';

export interface SubCubeSpec {
  /** The smaller cube to create. */
  table: string;
  /** The dataset's main cube (month × every dimension) it is summed from. */
  source: string;
  timeColumn: string;
  /** The dimension columns the smaller cube keeps. */
  columns: readonly string[];
  /** The measure columns, summed under their own names. */
  measureColumns: readonly string[];
}

/**
 * A cube of month × `columns` for an uploaded dataset, summed from its main cube with the same builder that made
 * that one (so both hold the same measures under the same names).
 */
export function buildSubCubeStatement(spec: SubCubeSpec): string {
  const measures = spec.measureColumns.map((column) => ({ column, name: column }));
  return buildCubeStatement(spec.table, spec.source, quoteIdentifier(spec.timeColumn), spec.columns, measures, spec.timeColumn);
}
