import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  addUpload,
  datasetRegistry,
  readKeptUpload,
  removeUnreadableUpload,
  removeUpload,
  renameUpload,
  unreadableUploads,
  type DatasetEntry,
} from '../../data';
import {
  estimateLoadBytes,
  MEMORY_BUDGET_BYTES,
  planProblems,
  prepareUpload,
  type ColumnRole,
  type Dialect,
  type IngestProgress,
  type IngestReport,
  type PlannedColumn,
  type PreparedUpload,
  type RejectedRow,
  type UnpivotPlan,
  type ValueFormat,
} from '../../data/uploads';
import { CURRENCY_UNITS, formatBytes, formatWhole, type Unit } from '../../lib/format';
import { downloadFile, toCsv } from '../../lib/csv';
import { FilePicker } from '../../ui/FilePicker';
import { parseUploadPlan } from '../../data/upload/planSchema';
import './upload.css';

const ACCEPT = '.csv,.tsv,.txt,.gz,text/csv,text/tab-separated-values,text/plain,application/gzip';

/**
 * Upload: pick or drop files, check the preview and the column roles, load. Each file goes through the same
 * steps; a failure shows what went wrong, where, and what to do, and leaves every other dataset as it was.
 */
export function UploadPanel({ onOpen }: { onOpen: (datasetId: string) => void }) {
  const [pending, setPending] = useState<PreparedUpload[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const inputId = useId();

  const accept = async (files: readonly File[]) => {
    const next: PreparedUpload[] = [];
    const problems: string[] = [];
    for (const file of files) {
      try {
        next.push(await prepareUpload(file, file.name));
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    setErrors(problems);
    setPending((previous) => [...previous, ...next]);
  };

  return (
    <section className="upload" aria-labelledby={`${inputId}-title`} data-testid="upload-panel">
      <h2 id={`${inputId}-title`} className="upload-title">
        Your data
      </h2>
      <p className="upload-lead">
        Load your own CSV files (.csv, .tsv, .txt or .csv.gz). They are read in this browser tab and kept in this
        browser only: nothing is uploaded anywhere.
      </p>
      <div
        className={`drop-zone${dragging ? ' is-dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void accept([...event.dataTransfer.files]);
        }}
      >
        <FilePicker multiple accept={ACCEPT} testId="upload-input" onFiles={(files) => void accept(files)}>
          Choose CSV files…
        </FilePicker>
        <span className="drop-hint">or drop them here</span>
      </div>
      {errors.map((error) => (
        <p key={error} role="alert" className="upload-error" data-testid="upload-error">
          {error}
        </p>
      ))}
      {pending.map((prepared, index) => (
        <UploadForm
          key={`${prepared.fileName}-${index}`}
          prepared={prepared}
          onDone={() => setPending((previous) => previous.filter((item) => item !== prepared))}
          onOpen={onOpen}
        />
      ))}
      <DatasetList onOpen={onOpen} />
    </section>
  );
}

type LoadState =
  | { step: 'editing' }
  | { step: 'loading'; progress: IngestProgress | null; controller: AbortController }
  | { step: 'failed'; message: string }
  | { step: 'loaded'; report: IngestReport; datasetId: string; notKept?: string };

interface UploadFormProps {
  prepared: PreparedUpload;
  onDone: () => void;
  onOpen: (id: string) => void;
  /** Editing a loaded dataset: its id (the load replaces it) and the columns it was loaded with. */
  replace?: { id: string; columns: PlannedColumn[]; label: string; unpivot?: UnpivotPlan };
}

function UploadForm({ prepared: initial, onDone, onOpen, replace }: UploadFormProps) {
  const queryClient = useQueryClient();
  const [prepared, setPrepared] = useState(initial);
  const [columns, setColumns] = useState(replace?.columns ?? initial.plan.columns);
  const [label, setLabel] = useState(replace?.label ?? initial.plan.datasetLabel);
  const [unpivot, setUnpivot] = useState(replace ? replace.unpivot : initial.plan.unpivot);
  const [unpivotOn, setUnpivotOn] = useState(unpivot !== undefined);
  const [sample, setSample] = useState(false);
  const [load, setLoad] = useState<LoadState>({ step: 'editing' });
  const plan = {
    ...prepared.plan,
    datasetLabel: label,
    columns,
    sampleRows: sample ? 100_000 : undefined,
    unpivot: unpivotOn ? unpivot : undefined,
  };
  // The same schema as a plan from a link or from storage (defense in depth: the form only offers valid choices).
  const checked = parseUploadPlan(plan, prepared.sniff.columns.length);
  const problems = 'error' in checked ? [`This mapping cannot be loaded: ${checked.error}.`] : planProblems(plan);
  const formId = useId();
  const estimate = estimateLoadBytes(plan, prepared.file.size, prepared.sniff.dialect.compression === 'gzip');
  // Shown while the whole file would not fit, and kept once the sample is chosen, so it can be unchosen.
  const big = sample || estimate > MEMORY_BUDGET_BYTES;

  const redetect = async (overrides: Partial<Dialect>) => {
    try {
      const next = await prepareUpload(prepared.file, prepared.fileName, { ...currentOverrides(prepared), ...overrides });
      setPrepared(next);
      setColumns(next.plan.columns);
      setUnpivot(next.plan.unpivot);
      setUnpivotOn(next.plan.unpivot !== undefined);
      setLoad({ step: 'editing' });
    } catch (error) {
      setLoad({ step: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const start = async () => {
    const controller = new AbortController();
    setLoad({ step: 'loading', progress: null, controller });
    try {
      if ('error' in checked) throw new Error(problems.join(' '));
      const { entry, report } = await addUpload(prepared.file, prepared.fileName, checked.plan, {
        replaceId: replace?.id,
        signal: controller.signal,
        onProgress: (progress) => setLoad({ step: 'loading', progress, controller }),
      });
      // Results cached for the old columns must not be shown for the new ones.
      if (replace) await queryClient.invalidateQueries();
      setLoad({ step: 'loaded', report, datasetId: entry.id, notKept: entry.notKept });
    } catch (error) {
      setLoad({
        step: 'failed',
        message:
          error instanceof DOMException && error.name === 'AbortError'
            ? `Loading ${prepared.fileName} was cancelled. Nothing was changed.`
            : error instanceof Error
              ? error.message
              : String(error),
      });
    }
  };

  const dialect = prepared.sniff.dialect;
  return (
    <article className="upload-form" aria-labelledby={`${formId}-name`} data-testid="upload-form">
      <header className="upload-form-header">
        <h3 id={`${formId}-name`}>{prepared.fileName}</h3>
        <span className="upload-size">{formatBytes(prepared.file.size)}</span>
      </header>
      {load.step === 'loaded' ? (
        <LoadReport report={load.report} notKept={load.notKept} onOpen={() => onOpen(load.datasetId)} onClose={onDone} />
      ) : (
        <>
          <fieldset className="dialect" disabled={load.step === 'loading'}>
            <legend>How the file is read</legend>
            <Choice
              label="Encoding"
              value={dialect.encoding}
              options={[
                ['utf-8', 'UTF-8'],
                ['windows-1252', 'Windows-1252 / Latin-1'],
                ['utf-16le', 'UTF-16 LE'],
                ['utf-16be', 'UTF-16 BE'],
              ]}
              onChange={(encoding) => void redetect({ encoding: encoding as Dialect['encoding'] })}
            />
            <Choice
              label="Delimiter"
              value={dialect.delimiter}
              options={[
                [',', 'Comma ,'],
                [';', 'Semicolon ;'],
                ['\t', 'Tab'],
                ['|', 'Pipe |'],
              ]}
              onChange={(delimiter) => void redetect({ delimiter })}
            />
            <Choice
              label="Quote"
              value={dialect.quote}
              options={[
                ['"', 'Double quote "'],
                ["'", "Single quote '"],
              ]}
              onChange={(quote) => void redetect({ quote, escape: quote })}
            />
            <label className="check">
              <input
                type="checkbox"
                checked={dialect.header}
                onChange={(event) => void redetect({ header: event.target.checked })}
              />
              First row is the header
            </label>
            <p className="dialect-facts">
              Line endings: {prepared.sniff.lineEnding.toUpperCase()}
              {prepared.sniff.bom ? ' · byte-order mark' : ''}
              {dialect.compression === 'gzip' ? ' · gzip' : ''}
            </p>
          </fieldset>
          {prepared.sniff.warnings.length > 0 ? (
            <ul className="upload-warnings" aria-label="Warnings about this file">
              {prepared.sniff.warnings.map((warning) => (
                <li key={warning.code + warning.message} data-testid={`warning-${warning.code}`}>
                  {warning.message}
                </li>
              ))}
            </ul>
          ) : null}
          <label className="field dataset-name">
            <span className="field-label">Dataset name</span>
            <input className="input" value={label} onChange={(event) => setLabel(event.target.value)} data-testid="upload-name" />
          </label>
          {unpivot ? (
            <UnpivotChoice
              unpivot={unpivot}
              columns={columns}
              on={unpivotOn}
              disabled={load.step === 'loading'}
              onToggle={setUnpivotOn}
              onChange={setUnpivot}
            />
          ) : null}
          <ColumnTable
            prepared={prepared}
            columns={columns}
            unpivoted={unpivotOn ? unpivot?.columns : undefined}
            onChange={setColumns}
            disabled={load.step === 'loading'}
          />
          {big ? (
            <p className="upload-warning-big" role="note" data-testid="upload-memory">
              Loading {formatBytes(prepared.file.size)} with these columns needs about {formatBytes(estimate)} of this
              tab's memory, more than it can be expected to hold (about {formatBytes(MEMORY_BUDGET_BYTES)} for data).
              Mark fewer columns as “Not used”, or load only the first 100,000 rows.
              <label className="check">
                <input type="checkbox" checked={sample} onChange={(event) => setSample(event.target.checked)} /> Load only
                the first 100,000 rows
              </label>
            </p>
          ) : null}
          {problems.length > 0 ? (
            <ul className="upload-problems" aria-label="Before loading">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
          {load.step === 'failed' ? (
            <p role="alert" className="upload-error" data-testid="upload-error">
              {load.message}
            </p>
          ) : null}
          <div className="upload-actions">
            {load.step === 'loading' ? (
              <>
                <LoadProgress progress={load.progress} />
                <button type="button" className="button" onClick={() => load.controller.abort()}>
                  Cancel
                </button>
              </>
            ) : (
              <>
                <button
                  type="button"
                  className="button button-strong"
                  disabled={problems.length > 0}
                  onClick={() => void start()}
                  data-testid="upload-load"
                >
                  {replace ? `Reload ${label || 'dataset'} with these columns` : `Load ${label || 'dataset'}`}
                </button>
                <button type="button" className="button" onClick={onDone}>
                  {replace ? 'Cancel' : 'Discard'}
                </button>
              </>
            )}
          </div>
        </>
      )}
    </article>
  );
}

function currentOverrides(prepared: PreparedUpload): Partial<Dialect> {
  const { encoding, delimiter, quote, escape, header } = prepared.sniff.dialect;
  return { encoding, delimiter, quote, escape, header };
}

function Choice(props: { label: string; value: string; options: [string, string][]; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <select id={id} className="select" value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

const ROLE_LABELS: Record<ColumnRole, string> = {
  time: 'Time',
  dimension: 'Dimension',
  measure: 'Measure',
  ignore: 'Not used',
};

const FORMAT_CHOICES: ValueFormat[] = [
  { kind: 'text' },
  { kind: 'number', decimal: '.', thousands: ',', percent: false, currency: null, integer: false },
  { kind: 'number', decimal: ',', thousands: '.', percent: false, currency: null, integer: false },
  { kind: 'number', decimal: '.', thousands: ',', percent: true, currency: null, integer: false },
  { kind: 'duration' },
  { kind: 'date', format: '%Y-%m-%d' },
  { kind: 'date', format: '%d/%m/%Y' },
  { kind: 'date', format: '%m/%d/%Y' },
  { kind: 'month', format: '%Y-%m' },
  { kind: 'year' },
  { kind: 'country', codes: 'iso2' },
  { kind: 'country', codes: 'iso3' },
  { kind: 'country', codes: 'name' },
];

export function describeFormat(format: ValueFormat): string {
  switch (format.kind) {
    case 'text':
      return 'Text';
    case 'number': {
      const sample = format.decimal === ',' ? `1${format.thousands ?? ''}234,5` : `1${format.thousands ?? ''}234.5`;
      if (format.percent) return `Percentage (${format.decimal === ',' ? '32,3' : '32.3'}%)`;
      return `Number (${format.currency ? `${format.currency}` : ''}${format.integer ? sample.replace(/[.,]5$/, '') : sample})`;
    }
    case 'duration':
      return 'Duration (00:01:11)';
    case 'date':
      return `Date (${format.format.replace('%Y', 'YYYY').replace('%m', 'MM').replace('%d', 'DD').replace('%y', 'YY')})`;
    case 'timestamp':
      return `Date and time (${format.format.replace('%Y', 'YYYY').replace('%m', 'MM').replace('%d', 'DD').replace('%H', 'hh').replace('%M', 'mm').replace('%S', 'ss')})`;
    case 'month':
      return `Month (${format.format.replace('%Y', 'YYYY').replace('%m', 'MM').replace('%b', 'Mon')})`;
    case 'year':
      return 'Year';
    case 'boolean':
      return 'Yes / no';
    case 'country':
      return format.codes === 'iso2' ? 'Country (ISO-2 code)' : format.codes === 'iso3' ? 'Country (ISO-3 code)' : 'Country (English name)';
  }
}

/** The wide-file offer: turn the year (or month) columns into rows, with a time column and a value column. */
function UnpivotChoice(props: {
  unpivot: UnpivotPlan;
  columns: PlannedColumn[];
  on: boolean;
  disabled: boolean;
  onToggle: (on: boolean) => void;
  onChange: (unpivot: UnpivotPlan) => void;
}) {
  const { unpivot } = props;
  const headers = unpivot.columns.map((index) => props.columns.find((column) => column.index === index)?.header ?? '');
  const what = unpivot.name.header.toLowerCase();
  return (
    <fieldset className="unpivot" disabled={props.disabled} data-testid="upload-unpivot">
      <legend>Wide file</legend>
      <label className="check">
        <input type="checkbox" checked={props.on} onChange={(event) => props.onToggle(event.target.checked)} data-testid="unpivot-on" />
        Turn the {headers.length} {what} columns ({headers[0]} … {headers.at(-1)}) into rows: one “{unpivot.name.header}” column and
        one “{unpivot.value.header}” column
      </label>
      {props.on ? (
        <div className="unpivot-fields">
          <label className="field">
            <span className="field-label">The {what} is</span>
            <select
              className="select"
              value={unpivot.name.role}
              onChange={(event) => props.onChange({ ...unpivot, name: { ...unpivot.name, role: event.target.value as ColumnRole } })}
            >
              <option value="time">the time column</option>
              <option value="dimension">a dimension</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">Name of the values</span>
            <input
              className="input"
              value={unpivot.value.header}
              onChange={(event) => props.onChange({ ...unpivot, value: { ...unpivot.value, header: event.target.value || 'Value' } })}
              data-testid="unpivot-value-name"
            />
          </label>
          <label className="field">
            <span className="field-label">Over several {what}s, the values are</span>
            <select
              className="select"
              value={unpivot.value.overTime}
              onChange={(event) =>
                props.onChange({ ...unpivot, value: { ...unpivot.value, overTime: event.target.value as 'sum' | 'mean' } })
              }
            >
              <option value="mean">averaged (levels: GDP, population)</option>
              <option value="sum">summed (flows: sales, visits)</option>
            </select>
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}

function ColumnTable(props: {
  prepared: PreparedUpload;
  columns: PlannedColumn[];
  /** Columns turned into rows: their roles are set by the unpivot. */
  unpivoted?: readonly number[];
  onChange: (columns: PlannedColumn[]) => void;
  disabled: boolean;
}) {
  const { prepared, columns } = props;
  const set = (index: number, change: Partial<PlannedColumn>) =>
    props.onChange(columns.map((column) => (column.index === index ? { ...column, ...change } : column)));
  const rows = prepared.sniff.rows.slice(0, 12);
  return (
    <div className="column-table-wrap" tabIndex={0} role="region" aria-label="Preview and column roles">
      <table className="column-table" data-testid="upload-preview">
        <thead>
          <tr>
            {columns.map((column) => {
              const suggestion = prepared.suggestions.find((item) => item.column.index === column.index);
              const formats = uniqueFormats([column.format, ...(suggestion?.profile.alternatives ?? []), suggestion?.profile.format, ...FORMAT_CHOICES]);
              return (
                <th key={column.index} scope="col" data-testid={`upload-column-${column.index}`}>
                  <span className="column-name" title={column.header}>
                    {column.header}
                  </span>
                  {props.unpivoted?.includes(column.index) ? <span className="column-why">turned into rows</span> : null}
                  <label className="column-control">
                    <span className="visually-hidden">Role of {column.header}</span>
                    <select
                      className="select"
                      value={column.role}
                      disabled={props.disabled || props.unpivoted?.includes(column.index)}
                      data-testid={`role-${column.index}`}
                      onChange={(event) => set(column.index, { role: event.target.value as ColumnRole })}
                    >
                      {(Object.keys(ROLE_LABELS) as ColumnRole[]).map((role) => (
                        <option key={role} value={role}>
                          {ROLE_LABELS[role]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="column-control">
                    <span className="visually-hidden">Format of {column.header}</span>
                    <select
                      className="select"
                      value={JSON.stringify(column.format)}
                      disabled={props.disabled}
                      data-testid={`format-${column.index}`}
                      onChange={(event) => set(column.index, { format: JSON.parse(event.target.value) as ValueFormat })}
                    >
                      {formats.map((format) => (
                        <option key={JSON.stringify(format)} value={JSON.stringify(format)}>
                          {describeFormat(format)}
                        </option>
                      ))}
                    </select>
                  </label>
                  {suggestion?.profile.ambiguous && column.format === suggestion.column.format ? (
                    <span className="column-ask" role="note">
                      Day and month order cannot be told from the data: check the format.
                    </span>
                  ) : null}
                  {column.role === 'measure' ? (
                    <>
                      <label className="column-control">
                        <span className="visually-hidden">Unit of {column.header}</span>
                        <select
                          className="select"
                          value={column.unit}
                          disabled={props.disabled}
                          onChange={(event) => set(column.index, { unit: event.target.value as Unit })}
                        >
                          {(['count', 'number', 'percent', 'seconds', ...CURRENCY_UNITS] as Unit[]).map((unit) => (
                            <option key={unit} value={unit}>
                              {unit === 'count' ? 'Count' : unit === 'number' ? 'Number' : unit === 'percent' ? 'Percent' : unit === 'seconds' ? 'Seconds' : unit.toUpperCase()}
                            </option>
                          ))}
                        </select>
                      </label>
                      <label className="column-control">
                        <span className="visually-hidden">Over several months, {column.header} is</span>
                        <select
                          className="select"
                          value={column.overTime}
                          disabled={props.disabled}
                          onChange={(event) => set(column.index, { overTime: event.target.value as 'sum' | 'mean' })}
                        >
                          <option value="sum">Summed over months</option>
                          <option value="mean">Average month</option>
                        </select>
                      </label>
                    </>
                  ) : null}
                  {suggestion?.why ? <span className="column-why">{suggestion.why}</span> : null}
                </th>
              );
            })}
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

function uniqueFormats(formats: (ValueFormat | undefined)[]): ValueFormat[] {
  const seen = new Set<string>();
  const unique: ValueFormat[] = [];
  for (const format of formats) {
    if (!format) continue;
    const key = JSON.stringify(format);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(format);
  }
  return unique;
}

function LoadProgress({ progress }: { progress: IngestProgress | null }) {
  const label =
    !progress || progress.phase === 'preparing'
      ? 'Preparing…'
      : progress.phase === 'reading'
        ? `Reading ${formatBytes(progress.bytesRead)} of ${formatBytes(progress.totalBytes)}`
        : 'Summarising by month…';
  return (
    <div className="load-progress" data-testid="upload-progress">
      <progress
        max={progress?.totalBytes || 1}
        value={progress && progress.phase !== 'preparing' ? progress.bytesRead : undefined}
        aria-label="Loading progress"
      />
      <span aria-live="polite">{label}</span>
    </div>
  );
}

function LoadReport(props: { report: IngestReport; notKept?: string; onOpen: () => void; onClose: () => void }) {
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
        <>
          <table className="rejects-table" data-testid="upload-rejects">
            <caption>Rejected rows{report.rejects.length < report.rowsRejected ? ` (first ${report.rejects.length})` : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Column</th>
                <th scope="col">Value</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {report.rejects.slice(0, 10).map((reject, index) => (
                <tr key={index}>
                  <td>{reject.line}</td>
                  <td>{reject.column ?? '–'}</td>
                  <td className="reject-value">{reject.value ?? '(empty)'}</td>
                  <td>{reject.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button" onClick={() => downloadRejects(report.fileName, report.rejects)}>
            Download rejected rows (CSV)
          </button>
        </>
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

/** The rejected rows as CSV: line, column, value, reason; cells that a spreadsheet would run as formulas are quoted. */
export function rejectsCsv(rejects: readonly RejectedRow[]): string {
  return toCsv(['line', 'column', 'value', 'reason'], rejects.map((row) => [row.line, row.column, row.value, row.reason]));
}

function downloadRejects(fileName: string, rejects: readonly RejectedRow[]): void {
  downloadFile(`${fileName.replace(/\.(csv|tsv|txt)(\.gz)?$/i, '')}-rejected-rows.csv`, new Blob([rejectsCsv(rejects)], { type: 'text/csv' }));
}

function DatasetList({ onOpen }: { onOpen: (datasetId: string) => void }) {
  const datasets = useSyncExternalStore(datasetRegistry.subscribe, datasetRegistry.get);
  const unreadable = useSyncExternalStore(unreadableUploads.subscribe, unreadableUploads.get);
  const uploads = datasets.filter((entry) => entry.kind === 'uploaded');
  if (uploads.length === 0 && unreadable.length === 0) return null;
  const total = uploads.reduce((sum, entry) => sum + (entry.storedBytes ?? 0), 0);
  return (
    <div className="dataset-list" data-testid="dataset-list">
      <h3>Datasets in this browser</h3>
      <p className="upload-note">Stored files use {formatBytes(total)} of this browser's storage.</p>
      <ul>
        {uploads.map((entry) => (
          <DatasetItem key={entry.id} entry={entry} onOpen={onOpen} />
        ))}
        {unreadable.map((upload) => (
          <li key={upload.id} className="dataset-item" data-testid="dataset-unreadable">
            <p className="upload-error">
              The kept file “{upload.fileName}” cannot be opened: {upload.error}. It was not loaded. Delete it, then
              upload the file again.
            </p>
            <div className="upload-actions">
              <button type="button" className="button button-danger" onClick={() => void removeUnreadableUpload(upload.id)}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

function DatasetItem({ entry, onOpen }: { entry: DatasetEntry; onOpen: (datasetId: string) => void }) {
  const [name, setName] = useState(entry.model.label);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const manifest = entry.manifest;
  return (
    <li className="dataset-item" data-testid={`dataset-${entry.id}`}>
      <label className="field">
        <span className="field-label">Name</span>
        <input
          className="input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          onBlur={() => void renameUpload(entry.id, name)}
        />
      </label>
      <p className="dataset-facts">
        {manifest ? `${manifest.fileName} · ${formatWhole(manifest.rowsLoaded)} rows` : null}
        {manifest && manifest.rowsRejected > 0 ? ` · ${formatWhole(manifest.rowsRejected)} rejected` : ''}
        {entry.storedBytes !== undefined ? ` · ${formatBytes(entry.storedBytes)} stored` : ''}
        {entry.status === 'loading' ? ' · loading…' : ''}
      </p>
      <p className="dataset-roles">
        {entry.model.timeless ? 'No time column' : 'By month'} · Dimensions:{' '}
        {entry.model.dimensions.map((dimension) => dimension.label).join(', ')} · Measures:{' '}
        {entry.model.measures.map((measure) => measure.label).join(', ')}
      </p>
      {entry.notKept ? <p className="upload-error">{entry.notKept}</p> : null}
      {entry.status === 'failed' ? <p className="upload-error">{entry.error}</p> : null}
      <div className="upload-actions">
        <button type="button" className="button" onClick={() => onOpen(entry.id)}>
          Open
        </button>
        {manifest ? (
          <button
            type="button"
            className="button"
            aria-expanded={editing}
            onClick={() => setEditing((open) => !open)}
            data-testid="dataset-edit"
          >
            {editing ? 'Close columns' : 'Edit columns…'}
          </button>
        ) : null}
        {confirming ? (
          <>
            <button type="button" className="button button-danger" onClick={() => void removeUpload(entry.id)}>
              Delete {entry.model.label}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </div>
      {editing ? <EditColumns entry={entry} onDone={() => setEditing(false)} onOpen={onOpen} /> : null}
    </li>
  );
}

/**
 * Changes the roles and formats of a loaded dataset: its kept file is read again with the dialect chosen when it was
 * loaded, the form starts from the columns as they were, and loading replaces the dataset (only if it succeeds).
 */
function EditColumns({ entry, onDone, onOpen }: { entry: DatasetEntry; onDone: () => void; onOpen: (id: string) => void }) {
  const [state, setState] = useState<
    { prepared: PreparedUpload; columns: PlannedColumn[]; unpivot?: UnpivotPlan } | { error: string } | null
  >(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const { file, manifest } = await readKeptUpload(entry.id);
      const { encoding, delimiter, quote, escape, header } = manifest.plan.dialect;
      const prepared = await prepareUpload(file, manifest.fileName, { encoding, delimiter, quote, escape, header });
      return { prepared, columns: manifest.plan.columns, unpivot: manifest.plan.unpivot };
    })().then(
      (ready) => live && setState(ready),
      (error: unknown) => live && setState({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [entry.id]);
  if (!state) return <p className="upload-note">Reading {entry.manifest?.fileName ?? 'the file'} again…</p>;
  if ('error' in state) {
    return (
      <p role="alert" className="upload-error">
        {state.error}
      </p>
    );
  }
  return (
    <UploadForm
      prepared={state.prepared}
      replace={{ id: entry.id, columns: state.columns, label: entry.model.label, unpivot: state.unpivot }}
      onDone={onDone}
      onOpen={onOpen}
    />
  );
}
