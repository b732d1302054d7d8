import type { ColumnRole, PlannedColumn, UnpivotPlan } from '../../data/uploads';
import { useT } from '../../i18n';
import { messages } from './messages';

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
  const tr = useT();
  return (
    <fieldset className="unpivot" disabled={props.disabled} data-testid="upload-unpivot">
      <legend>{tr(messages.wideFile)}</legend>
      <label className="check">
        <input type="checkbox" checked={props.on} onChange={(event) => props.onToggle(event.target.checked)} data-testid="unpivot-on" />
        {tr(messages.unpivotOffer, {
          count: headers.length,
          what,
          first: headers[0],
          last: headers.at(-1),
          nameColumn: unpivot.name.header,
          valueColumn: unpivot.value.header,
        })}
      </label>
      {props.on ? (
        <div className="unpivot-fields">
          <label className="field">
            <span className="field-label">{tr(messages.unpivotNameIs, { what })}</span>
            <select
              className="select"
              value={unpivot.name.role}
              onChange={(event) => props.onChange({ ...unpivot, name: { ...unpivot.name, role: event.target.value as ColumnRole } })}
            >
              <option value="time">{tr(messages.unpivotTime)}</option>
              <option value="dimension">{tr(messages.unpivotDimension)}</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">{tr(messages.unpivotValueName)}</span>
            <input
              className="input"
              value={unpivot.value.header}
              onChange={(event) => props.onChange({ ...unpivot, value: { ...unpivot.value, header: event.target.value || 'Value' } })}
              data-testid="unpivot-value-name"
            />
          </label>
          <label className="field">
            <span className="field-label">{tr(messages.unpivotOverTime, { what })}</span>
            <select
              className="select"
              value={unpivot.value.overTime}
              onChange={(event) =>
                props.onChange({ ...unpivot, value: { ...unpivot.value, overTime: event.target.value as 'sum' | 'mean' } })
              }
            >
              <option value="mean">{tr(messages.unpivotMean)}</option>
              <option value="sum">{tr(messages.unpivotSum)}</option>
            </select>
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}
