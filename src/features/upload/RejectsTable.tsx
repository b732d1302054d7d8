import type { RejectedRow } from '../../data/uploads';
import { downloadRejects } from './rejectedRows';

/** Rows shown on the page; the download has every rejected row the load kept. */
const SHOWN_REJECTS = 10;

/** The first rejected rows, where and why, and a download of all of them. */
export function RejectsTable(props: { fileName: string; rejects: readonly RejectedRow[]; rowsRejected: number }) {
  const { rejects } = props;
  return (
    <>
      <table className="rejects-table" data-testid="upload-rejects">
        <caption>Rejected rows{rejects.length < props.rowsRejected ? ` (first ${rejects.length})` : ''}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
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
      <button type="button" className="button" onClick={() => downloadRejects(props.fileName, rejects)}>
        Download rejected rows (CSV)
      </button>
    </>
  );
}
