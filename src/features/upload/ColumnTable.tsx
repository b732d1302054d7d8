import type { PlannedColumn, PreparedUpload } from '../../data/uploads';
import { useT } from '../../i18n';
import { ColumnHeader } from './ColumnHeader';
import { messages } from './messages';

/** Rows of the file shown under the column controls. */
const PREVIEW_ROWS = 12;

/**
 * The preview of the file's first rows, with each column's role, format and (for measures) unit and behaviour over
 * time chosen in its header. Rows with another number of fields than the header are marked.
 */
export function ColumnTable(props: {
  prepared: PreparedUpload;
  columns: PlannedColumn[];
  /** Columns turned into rows: their roles are set by the unpivot. */
  unpivoted?: readonly number[];
  onChange: (columns: PlannedColumn[]) => void;
  disabled: boolean;
}) {
  const { prepared, columns } = props;
  const tr = useT();
  const change = (index: number, changed: Partial<PlannedColumn>) =>
    props.onChange(columns.map((column) => (column.index === index ? { ...column, ...changed } : column)));
  const rows = prepared.sniff.rows.slice(0, PREVIEW_ROWS);
  return (
    <div className="column-table-wrap" tabIndex={0} role="region" aria-label={tr(messages.previewLabel)}>
      <table className="column-table" data-testid="upload-preview">
        <thead>
          <tr>
            {columns.map((column) => (
              <ColumnHeader
                key={column.index}
                column={column}
                suggestion={prepared.suggestions.find((item) => item.column.index === column.index)}
                unpivoted={props.unpivoted?.includes(column.index) ?? false}
                disabled={props.disabled}
                onChange={(changed) => change(column.index, changed)}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex} className={prepared.sniff.fieldCounts[rowIndex] !== columns.length ? 'is-ragged' : undefined}>
              {columns.map((column) => (
                <td key={column.index}>{row[column.index] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
