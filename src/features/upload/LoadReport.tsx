import type { IngestReport } from '../../data/uploads';
import type { SourceFormat } from '../../data/upload/readers/sourceFormat';
import { formatWhole } from '../../lib/format';
import { RejectsTable } from './RejectsTable';

/** After a load: how many rows arrived, were rejected or left out, what to know about them, and where to go next. */
export function LoadReport(props: {
  report: IngestReport;
  /** The format the file was read as: it says what the rejected rows' numbers are. */
  format: SourceFormat;
  notKept?: string;
  onOpen: () => void;
  onClose: () => void;
}) {
  const { report } = props;
  return (
    <div className="load-report" data-testid="upload-report">
      <p role="status">
        <strong>{formatWhole(report.rowsLoaded)}</strong> of {formatWhole(report.rowsInFile)}{' '}
        {report.valuesPerRecord > 1
          ? `values loaded (${formatWhole(report.recordsInFile)} rows × ${report.valuesPerRecord} columns turned into rows)`
          : 'rows loaded'}
        {report.rowsRejected > 0 ? (
          <>
            , <strong>{formatWhole(report.rowsRejected)}</strong> rejected
          </>
        ) : null}
        {report.rowsSkipped > 0 ? <>, {formatWhole(report.rowsSkipped)} left out (sample)</> : null}.
      </p>
      {report.warnings.map((warning) => (
        <p key={warning} className="upload-note">
          {warning}
        </p>
      ))}
      {props.notKept ? <p className="upload-error">{props.notKept}</p> : null}
      {report.rejects.length > 0 ? (
        <RejectsTable
          fileName={report.fileName}
          format={props.format}
          rejects={report.rejects}
          rowsRejected={report.rowsRejected}
        />
      ) : null}
      <div className="upload-actions">
        <button type="button" className="button button-strong" onClick={props.onOpen} data-testid="upload-open">
          Open in the dashboard
        </button>
        <button type="button" className="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
