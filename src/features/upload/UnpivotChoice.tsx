import type { ColumnRole, PlannedColumn, UnpivotPlan } from '../../data/uploads';

/** The wide-file offer: turn the year (or month) columns into rows, with a time column and a value column. */
export function UnpivotChoice(props: {
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
