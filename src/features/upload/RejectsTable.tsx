import type { RejectedRow } from '../../data/uploads';
import type { SourceFormat } from '../../data/upload/readers/sourceFormat';
import { downloadRejects, rejectsPlaceHeading } from './rejectedRows';

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
  return (
    <>
      <table className="rejects-table" data-testid="upload-rejects">
        <caption>Rejected rows{rejects.length < props.rowsRejected ? ` (first ${rejects.length})` : ''}</caption>
        <thead>
          <tr>
            <th scope="col">{rejectsPlaceHeading(props.format)}</th>
            <th scope="col">Column</th>
            <th scope="col">Value</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {rejects.slice(0, SHOWN_REJECTS).map((reject, index) => (
            <tr key={index}>
              <td>{reject.line}</td>
              <td>{reject.column ?? '–'}</td>
              <td className="reject-value">{reject.value ?? '(empty)'}</td>
              <td>{reject.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button" onClick={() => downloadRejects(props.fileName, rejects, props.format)}>
        Download rejected rows (CSV)
      </button>
    </>
  );
}
