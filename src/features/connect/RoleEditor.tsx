import { useId } from 'react';
import type { ClickHouseColumn, ClickHouseTable } from '../../data/clickhouse/clickHouseClient';
import { columnKind, type ClickHouseDatasetDef } from '../../data/clickhouse/clickHouseModel';
import type { Unit } from '../../lib/format';
import { useT, type Message } from '../../i18n';
import { messages } from './messages';

type Role = 'time' | 'dimension' | 'measure' | 'ignored';

const UNITS: { value: Unit; label: Message }[] = [
  { value: 'count', label: messages.unitCount },
  { value: 'number', label: messages.unitNumber },
  { value: 'usd', label: messages.unitUsd },
  { value: 'eur', label: messages.unitEur },
  { value: 'percent', label: messages.unitPercent },
  { value: 'seconds', label: messages.unitSeconds },
];

const humanize = (name: string) => {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.length === 0 ? name : words[0]!.toUpperCase() + words.slice(1);
};

function roleOf(def: ClickHouseDatasetDef, column: string): Role {
  if (column === def.time) return 'time';
  if (def.dimensions.some((d) => d.column === column)) return 'dimension';
  if (def.measures.some((m) => m.column === column)) return 'measure';
  return 'ignored';
}

/** The roles a column may take, from its ClickHouse type. */
function rolesFor(column: ClickHouseColumn): Role[] {
  const kind = columnKind(column);
  if (kind === 'time') return ['time', 'ignored'];
  if (kind === 'number') return ['measure', 'dimension', 'ignored'];
  if (kind === 'text') return ['dimension', 'ignored'];
  return ['ignored'];
}

const ROLE_LABELS: Record<Role, Message> = { time: messages.roleTime, dimension: messages.roleDimension, measure: messages.roleMeasure, ignored: messages.roleIgnored };

/** `def` with `column` given `role` (a new time column sends the old one to "ignored"). */
function withRole(def: ClickHouseDatasetDef, column: string, role: Role): ClickHouseDatasetDef {
  const dimensions = def.dimensions.filter((d) => d.column !== column);
  const measures = def.measures.filter((m) => m.column !== column);
  const next = { ...def, dimensions, measures };
  if (role === 'time') next.time = column;
  if (role === 'dimension') next.dimensions = [...dimensions, { column, label: humanize(column), display: /country/i.test(column) ? 'country' : 'text' }];
  if (role === 'measure') next.measures = [...measures, { column, label: humanize(column), unit: /usd|gmv|revenue/i.test(column) ? 'usd' : 'count', overTime: 'mean' }];
  return next;
}

/**
 * The roles of a table's columns, one labelled select per column (and, for a measure, how its months combine and its
 * unit): a list that wraps on a narrow screen rather than a wide table. A dataset needs its time column and one
 * measure, so the last measure and the time column cannot be set aside here.
 */
export function RoleEditor({ table, def, onChange, disabled }: { table: ClickHouseTable; def: ClickHouseDatasetDef; onChange: (def: ClickHouseDatasetDef) => void; disabled: boolean }) {
  const ids = useId();
  const tr = useT();
  return (
    <fieldset className="connect-roles" disabled={disabled}>
      <legend>{tr(messages.rolesOf, { table: table.name })}</legend>
      <label className="field connect-name" htmlFor={`${ids}-label`}>
        <span className="field-label">{tr(messages.datasetName)}</span>
        <input
          id={`${ids}-label`}
          className="input"
          value={def.label}
          maxLength={200}
          onChange={(e) => onChange({ ...def, label: e.target.value })}
          onBlur={() => onChange({ ...def, label: def.label.trim() || humanize(table.name) })}
          data-testid="connect-name"
        />
      </label>
      <ul className="connect-columns">
        {table.columns.map((column, index) => {
          const role = roleOf(def, column.name);
          const measure = def.measures.find((m) => m.column === column.name);
          const fixed = role === 'time' || (role === 'measure' && def.measures.length === 1);
          const id = `${ids}-${index}`;
          return (
            <li key={column.name} className="connect-column">
              <span className="connect-column-name">
                <code>{column.name}</code> <span className="connect-note">{column.type}</span>
              </span>
              <label className="field" htmlFor={`${id}-role`}>
                <span className="field-label">{tr(messages.role)}</span>
                <select
                  id={`${id}-role`}
                  className="select"
                  aria-label={tr(messages.roleOf, { column: column.name })}
                  value={role}
                  disabled={fixed && rolesFor(column).length === 1}
                  onChange={(e) => {
                    const next = e.target.value as Role;
                    if (role === 'measure' && def.measures.length === 1 && next !== 'measure') return;
                    if (role === 'time' && next !== 'time') return;
                    onChange(withRole(def, column.name, next));
                  }}
                >
                  {rolesFor(column).map((option) => (
                    <option key={option} value={option} disabled={fixed && option !== role}>
                      {tr(ROLE_LABELS[option])}
                    </option>
                  ))}
                </select>
              </label>
              {measure ? (
                <>
                  <label className="field" htmlFor={`${id}-over`}>
                    <span className="field-label">{tr(messages.overMonths)}</span>
                    <select
                      id={`${id}-over`}
                      className="select"
                      aria-label={tr(messages.overMonthsOf, { column: column.name })}
                      value={measure.overTime}
                      onChange={(e) =>
                        onChange({ ...def, measures: def.measures.map((m) => (m.column === column.name ? { ...m, overTime: e.target.value as 'sum' | 'mean' } : m)) })
                      }
                    >
                      <option value="mean">{tr(messages.averageMonth)}</option>
                      <option value="sum">{tr(messages.sum)}</option>
                    </select>
                  </label>
                  <label className="field" htmlFor={`${id}-unit`}>
                    <span className="field-label">{tr(messages.unit)}</span>
                    <select
                      id={`${id}-unit`}
                      className="select"
                      aria-label={tr(messages.unitOf, { column: column.name })}
                      value={measure.unit}
                      onChange={(e) => onChange({ ...def, measures: def.measures.map((m) => (m.column === column.name ? { ...m, unit: e.target.value as Unit } : m)) })}
                    >
                      {UNITS.map((unit) => (
                        <option key={unit.value} value={unit.value}>
                          {tr(unit.label)}
                        </option>
                      ))}
                    </select>
                  </label>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
