import type { IngestReport } from '../../data/uploads';
import type { SourceFormat } from '../../data/upload/readers/sourceFormat';
import type { ReactNode } from 'react';
import { localTextKey, useIntlShape, useT, type Message } from '../../i18n';
import { formatWhole } from '../../lib/format';
import { messages } from './messages';
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
  const tr = useT();
  const intl = useIntlShape();
  const summary: Message = report.valuesPerRecord > 1 ? messages.reportValues : messages.reportRows;
  const counts = {
    loaded: formatWhole(report.rowsLoaded),
    inFile: formatWhole(report.rowsInFile),
    count: report.rowsInFile,
    records: formatWhole(report.recordsInFile),
    perRecord: formatWhole(report.valuesPerRecord),
    withRejected: report.rowsRejected > 0 ? 'yes' : 'no',
    rejected: formatWhole(report.rowsRejected),
    withSkipped: report.rowsSkipped > 0 ? 'yes' : 'no',
    skipped: formatWhole(report.rowsSkipped),
    b: (parts: ReactNode[]) => <strong>{parts}</strong>,
  };
  return (
    <div className="load-report" data-testid="upload-report">
      <p role="status">{intl.formatMessage(summary, counts)}</p>
      {report.warnings.map((warning) => (
        <p key={localTextKey(warning)} className="upload-note">
          {tr(warning)}
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
          {tr(messages.openInDashboard)}
        </button>
        <button type="button" className="button" onClick={props.onClose}>
          {tr(messages.close)}
        </button>
      </div>
    </div>
  );
}
