import type { RejectedRow } from '../../data/uploads';
import type { SourceFormat } from '../../data/upload/readers/sourceFormat';
import { formatWhole } from '../../lib/format';
import { useT } from '../../i18n';
import { messages } from './messages';
import { downloadRejects, rejectsPlaceHeading } from './rejectedRows';

/** A row refused as a whole names no column. */
const NO_COLUMN = '–';

/** Rows shown on the page; the download has every rejected row the load kept. */
const SHOWN_REJECTS = 10;

/** The first rejected rows, where (a line or a row, as the file's `format` numbers them) and why, and a download. */
export function RejectsTable(props: {
  fileName: string;
  format: SourceFormat;
  rejects: readonly RejectedRow[];
  rowsRejected: number;
}) {
  const { rejects } = props;
  const tr = useT();
  return (
    <>
      <table className="rejects-table" data-testid="upload-rejects">
        <caption>
          {rejects.length < props.rowsRejected ? tr(messages.rejectedRowsFirst, { count: formatWhole(rejects.length) }) : tr(messages.rejectedRows)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{rejectsPlaceHeading(props.format)}</th>
            <th scope="col">{tr(messages.column)}</th>
            <th scope="col">{tr(messages.value)}</th>
            <th scope="col">{tr(messages.reason)}</th>
          </tr>
        </thead>
        <tbody>
          {rejects.slice(0, SHOWN_REJECTS).map((reject, index) => (
            <tr key={index}>
              <td>{reject.line}</td>
              <td>{reject.column ?? NO_COLUMN}</td>
              <td className="reject-value">{reject.value ?? tr(messages.emptyValue)}</td>
              <td>{reject.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button" onClick={() => downloadRejects(props.fileName, rejects, props.format)}>
        {tr(messages.downloadRejects)}
      </button>
    </>
  );
}
