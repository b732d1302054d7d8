import type { ColumnRole, ColumnSuggestion, PlannedColumn, ValueFormat } from '../../data/uploads';
import { useT } from '../../i18n';
import type { Unit } from '../../lib/format';
import { messages } from './messages';
import { describeFormat, describeUnit, formatChoices, MEASURE_UNITS, ROLE_LABELS } from './columnChoices';

/** One column's header in the preview: its name, and the menus that say how it is loaded. */
export function ColumnHeader(props: {
  column: PlannedColumn;
  suggestion: ColumnSuggestion | undefined;
  /** Turned into rows by the unpivot: its role is set there. */
  unpivoted: boolean;
  disabled: boolean;
  onChange: (changed: Partial<PlannedColumn>) => void;
}) {
  const { column, suggestion, disabled, onChange } = props;
  const tr = useT();
  const formats = formatChoices(column.format, [...(suggestion?.profile.alternatives ?? []), suggestion?.profile.format]);
  return (
    <th scope="col" data-testid={`upload-column-${column.index}`}>
      <span className="column-name" title={column.header}>
        {column.header}
      </span>
      {props.unpivoted ? <span className="column-why">{tr(messages.turnedIntoRows)}</span> : null}
      <label className="column-control">
        <span className="visually-hidden">{tr(messages.roleOf, { column: column.header })}</span>
        <select
          className="select"
          value={column.role}
          disabled={disabled || props.unpivoted}
          data-testid={`role-${column.index}`}
          onChange={(event) => onChange({ role: event.target.value as ColumnRole })}
        >
          {(Object.keys(ROLE_LABELS) as ColumnRole[]).map((role) => (
            <option key={role} value={role}>
              {tr(ROLE_LABELS[role])}
            </option>
          ))}
        </select>
      </label>
      <label className="column-control">
        <span className="visually-hidden">{tr(messages.formatOf, { column: column.header })}</span>
        <select
          className="select"
          value={JSON.stringify(column.format)}
          disabled={disabled}
          data-testid={`format-${column.index}`}
          onChange={(event) => onChange({ format: JSON.parse(event.target.value) as ValueFormat })}
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
          {tr(messages.dayMonthAmbiguous)}
        </span>
      ) : null}
      {column.role === 'measure' ? <MeasureControls column={column} disabled={disabled} onChange={onChange} /> : null}
      {suggestion?.why ? <span className="column-why">{suggestion.why}</span> : null}
    </th>
  );
}

/** A measure's unit, and whether it adds up over months or is averaged. */
function MeasureControls(props: { column: PlannedColumn; disabled: boolean; onChange: (changed: Partial<PlannedColumn>) => void }) {
  const { column, disabled, onChange } = props;
  const tr = useT();
  return (
    <>
      <label className="column-control">
        <span className="visually-hidden">{tr(messages.unitOf, { column: column.header })}</span>
        <select
          className="select"
          value={column.unit}
          disabled={disabled}
          onChange={(event) => onChange({ unit: event.target.value as Unit })}
        >
          {MEASURE_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {describeUnit(unit)}
            </option>
          ))}
        </select>
      </label>
      <label className="column-control">
        <span className="visually-hidden">{tr(messages.overTimeOf, { column: column.header })}</span>
        <select
          className="select"
          value={column.overTime}
          disabled={disabled}
          onChange={(event) => onChange({ overTime: event.target.value as 'sum' | 'mean' })}
        >
          <option value="sum">{tr(messages.summedOverMonths)}</option>
          <option value="mean">{tr(messages.averageMonth)}</option>
        </select>
      </label>
    </>
  );
}
